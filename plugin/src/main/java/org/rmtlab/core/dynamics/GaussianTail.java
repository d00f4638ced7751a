package org.rmtlab.core.dynamics;

/**
 * The standard Gaussian tail Q(x) = P(N(0, 1) > x) in full double precision, relative error about 1e-15
 * over the whole line (the misclassification rates of Liao and Couillet 2018 are Q(E / sqrt(V)), and small
 * rates must keep their relative precision).
 *
 * <p>Method: for |x| < 2.5 the everywhere-positive series
 * {@code erf(z) = 2/sqrt(pi) exp(-z^2) sum_k (2 z^2)^k z / (1 * 3 * ... * (2k + 1))}, z = x / sqrt 2,
 * which has no cancellation; beyond, the continued fraction of the Mills ratio
 * {@code Q(x) = phi(x) / (x + 1/(x + 2/(x + 3/(x + ...))))}, evaluated by the modified Lentz method.
 *
 * <p>Note for the merge with the kernel package: its {@code kernel.Erf} computes erfc and the normal
 * distribution function by similar methods (Q(x) = Phi(-x)); when both are on one branch, one of the two should
 * move to {@code org.rmtlab.core.util} and serve both packages.
 */
public final class GaussianTail {
    private static final double SWITCH = 2.5;
    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 1000;

    private GaussianTail() {
    }

    /** Q(x) = P(N(0, 1) > x); Q(-inf) = 1, Q(+inf) = 0, NaN for NaN. */
    public static double q(final double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 1 - upper(-x);
        }
        return upper(x);
    }

    /** Standard normal density. */
    public static double density(final double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    private static double upper(final double x) {
        if (x < SWITCH) {
            return 0.5 - 0.5 * erfSeries(x / Math.sqrt(2));
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return density(x) * millsRatio(x);
    }

    private static double erfSeries(final double z) {
        final double z2 = 2 * z * z;
        double term = z;
        double sum = z;
        for (int k = 1; k < MAX_TERMS && term > EPS * sum; k++) {
            term *= z2 / (2 * k + 1);
            sum += term;
        }
        return 2 / Math.sqrt(Math.PI) * Math.exp(-z * z) * sum;
    }

    /** 1 / (x + 1/(x + 2/(x + ...))) by the modified Lentz algorithm, for x >= SWITCH. */
    private static double millsRatio(final double x) {
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < MAX_TERMS; k++) {
            d = x + k * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = x + k / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            final double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return 1 / f;
    }
}
