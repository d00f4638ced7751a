package org.rmtlab.core.dynamics;

/**
 * Monte-Carlo curves: mean over independent trials of the train and test loss and their standard errors
 * (sample standard deviation / sqrt(trials); NaN for a single trial).
 *
 * @param dimension the input dimension D of the simulated system
 */
public record SimulatedLossCurves(double[] times, double[] train, double[] test, double[] trainSe, double[] testSe,
    int trials, int dimension) {
}
