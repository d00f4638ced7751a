package org.rmtlab.core.dynamics;

import org.rmtlab.core.util.Check;

/**
 * Quadrature rule (nodes and weights) for integrals {@code integral f(x) dmu_c(x)} against the
 * Marchenko–Pastur law mu_c of the eigenvalues of (1/n) X X^T, X in R^{p x n} with iid N(0, 1) entries,
 * p/n -> c (Z. Liao's slides, Eq. (17); Liao and Couillet 2018, Eq. (10)):
 * {@code mu_c(dx) = sqrt((x - l-)(l+ - x)) / (2 pi c x) dx + (1 - 1/c)^+ delta_0(x)}, l+- = (1 +- sqrt c)^2.
 *
 * <p>This is a numerical integrator, not a description of the law: density, CDF and Stieltjes transform
 * live in {@code org.rmtlab.core.spectrum.MarchenkoPastur}. The bulk uses {@link SquareRootQuadrature}
 * (the 1/x factor is a pole at distance l- below the bulk, on its edge when c = 1); the atom at 0 for
 * c > 1 is one node of weight 1 - 1/c. {@link #angular(double, int)} is a coarse rule for integrands that are
 * smooth on the bulk, used where the nodes become the state of an ODE and their number sets its cost.
 */
public final class MarchenkoPasturQuadrature {
    private MarchenkoPasturQuadrature() {
    }

    /**
     * The rule for mu_c, atom included.
     *
     * @param c ratio p/n, finite and > 0
     */
    public static QuadratureRule rule(final double c) {
        Check.positive("c (ratio p/n)", c);
        final double lower = lowerEdge(c);
        final QuadratureRule bulk = SquareRootQuadrature.poleBelow(lower, upperEdge(c), lower, 1 / (2 * Math.PI * c));
        return c > 1 ? bulk.withAtom(0, 1 - 1 / c) : bulk;
    }

    /**
     * A coarse rule for mu_c with {@code nodes} bulk nodes (plus the atom at 0 when c > 1), for integrands
     * that are smooth on the bulk: with x = l- + 2 sqrt(c) (1 + cos theta) the density times dx/dtheta is
     * 2 sin^2(theta) / (pi x), a smooth periodic function of theta, so the midpoint rule
     * theta_j = (j + 1/2) pi / nodes converges geometrically and integrates polynomials of degree below
     * 2 nodes exactly. Nodes are written with half angles (1 + cos theta = 2 cos^2(theta/2)), so that they
     * and their weights keep full relative precision next to the hard edge x = 0 when c = 1.
     *
     * @param c ratio p/n, finite and > 0
     * @param nodes bulk nodes, at least 1
     */
    public static QuadratureRule angular(final double c, final int nodes) {
        Check.positive("c (ratio p/n)", c);
        Check.positive("number of quadrature nodes", nodes);
        final double lower = lowerEdge(c);
        final double sc = Math.sqrt(c);
        final double[] x = new double[nodes];
        final double[] w = new double[nodes];
        for (int j = 0; j < nodes; j++) {
            final double half = 0.5 * (j + 0.5) * Math.PI / nodes;
            final double cos = Math.cos(half);
            final double sin = Math.sin(half);
            x[j] = lower + 4 * sc * cos * cos;
            // 2 sin^2(theta) / (nodes x), sin(theta) = 2 sin(theta/2) cos(theta/2)
            w[j] = 8 * sin * sin * cos * cos / (nodes * x[j]);
        }
        final QuadratureRule bulk = new QuadratureRule(x, w);
        return c > 1 ? bulk.withAtom(0, 1 - 1 / c) : bulk;
    }

    /** Left edge (1 - sqrt c)^2 of the bulk, written (1 - c)^2 / (1 + sqrt c)^2 to stay exact near c = 1. */
    static double lowerEdge(final double c) {
        final double s = 1 + Math.sqrt(c);
        return (1 - c) * (1 - c) / (s * s);
    }

    /** Right edge (1 + sqrt c)^2 of the bulk. */
    static double upperEdge(final double c) {
        final double s = 1 + Math.sqrt(c);
        return s * s;
    }
}
