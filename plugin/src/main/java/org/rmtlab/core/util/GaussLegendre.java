package org.rmtlab.core.util;

/**
 * Gauss–Legendre quadrature rule on [-1, 1]: nodes by Newton's method on the Legendre polynomial from
 * Tricomi's initial guesses, to machine precision. Exact for polynomials of degree 2 * order - 1.
 */
public final class GaussLegendre {
    private final double[] nodes;
    private final double[] weights;

    public GaussLegendre(final int order) {
        Check.that(order >= 1 && order <= 1000, "Gauss-Legendre order must be in 1..1000, but is " + order + ".");
        nodes = new double[order];
        weights = new double[order];
        for (int i = 0; i < (order + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (order + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= order; k++) {
                    final double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = order * (x * p1 - p0) / (x * x - 1);
                final double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) <= 1e-16) {
                    break;
                }
            }
            final double w = 2 / ((1 - x * x) * dp * dp);
            nodes[i] = -x;
            nodes[order - 1 - i] = x;
            weights[i] = w;
            weights[order - 1 - i] = w;
        }
    }

    public int order() {
        return nodes.length;
    }

    /** Node i on [-1, 1], ascending. */
    public double node(final int i) {
        return nodes[i];
    }

    public double weight(final int i) {
        return weights[i];
    }

    /** Node i mapped to [from, to]. */
    public double node(final int i, final double from, final double to) {
        return 0.5 * (from + to) + 0.5 * (to - from) * nodes[i];
    }

    /** Weight i for the interval [from, to]. */
    public double weight(final int i, final double from, final double to) {
        return 0.5 * (to - from) * weights[i];
    }
}
