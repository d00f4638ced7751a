package org.rmtlab.core.resolvent;

/**
 * A limiting eigenvalue distribution sampled on a grid, for overlaying on a histogram or an
 * empirical distribution function.
 *
 * @param x grid points, ascending
 * @param density density of the absolutely continuous part at each x (the atom at 0 is not included)
 * @param cdf distribution function F(x) = mu((-infinity, x]), including the atom at 0
 */
public record SpectrumCurve(double[] x, double[] density, double[] cdf) {
}
