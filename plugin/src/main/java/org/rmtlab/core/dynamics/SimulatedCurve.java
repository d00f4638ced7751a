package org.rmtlab.core.dynamics;

/**
 * One Monte-Carlo curve: mean over independent trials and its standard error (sample standard deviation /
 * sqrt(trials); NaN for a single trial).
 *
 * @param dimension the input dimension D of the simulated system
 */
public record SimulatedCurve(double[] times, double[] mean, double[] se, int trials, int dimension) {
}
