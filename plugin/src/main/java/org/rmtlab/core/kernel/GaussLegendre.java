package org.rmtlab.core.kernel;

/** Gauss–Legendre rules on [-1, 1]: nodes by Newton's method on P_n from Chebyshev-like first guesses. */
final class GaussLegendre {
    private GaussLegendre() {
    }

    /** {nodes, weights} of the n-point rule, exact for polynomials of degree 2n - 1. */
    static double[][] rule(final int n) {
        final double[] x = new double[n];
        final double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = z;
                for (int k = 2; k <= n; k++) {
                    final double p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (z * p1 - p0) / (z * z - 1);
                final double step = p1 / dp;
                z -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            x[i] = z;
            w[i] = 2 / ((1 - z * z) * dp * dp);
        }
        return new double[][] {x, w};
    }
}
