package org.rmtlab.core.resolvent;

/**
 * The solution delta of the fixed-point equation delta = (1/n) tr(K Qbar) (Louart, Liao, Couillet 2018,
 * Theorem 1) with the evidence of convergence.
 *
 * @param delta the unique positive solution
 * @param iterations safeguarded Newton iterations used
 * @param residual |delta - (1/n) tr(K Qbar(delta))| at the returned delta
 */
public record DeltaSolution(double delta, int iterations, double residual) {
}
