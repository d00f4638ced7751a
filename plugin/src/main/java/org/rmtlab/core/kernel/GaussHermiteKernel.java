package org.rmtlab.core.kernel;

import org.rmtlab.core.util.Check;

/**
 * The expected kernel by direct 2-D Gauss–Hermite quadrature with q x q nodes: write
 * (u, v) = (sqrt(aa) xi1, c1 xi1 + c2 xi2) with c1 = sqrt(bb) r, c2 = sqrt(bb) sqrt(1 - r^2),
 * r = ab / sqrt(aa bb), and xi1, xi2 iid N(0, 1), then K = sum_ij w_i w_j sigma(sqrt(aa) x_i) sigma(c1 x_i + c2 x_j).
 *
 * <p>An independent check of the closed forms and of {@link HermiteKernel}: O(q^2) evaluations per
 * entry, too slow for large kernel matrices. It converges fast for smooth sigma and only slowly,
 * algebraically in q, for kinks (ReLU, sign).
 */
public final class GaussHermiteKernel implements ExpectedKernel {
    private final Activation sigma;
    private final GaussHermite rule;

    public GaussHermiteKernel(final Activation sigma, final int nodes) {
        this.sigma = sigma;
        this.rule = GaussHermite.of(nodes);
    }

    @Override
    public double value(final double aa, final double bb, final double ab) {
        Check.nonNegative("||x||^2", aa);
        Check.nonNegative("||y||^2", bb);
        Check.finite("x.y", ab);
        final double sa = Math.sqrt(aa);
        final double r = ExpectedKernels.correlation(aa, bb, ab);
        final double c1 = Math.sqrt(bb) * r;
        final double c2 = Math.sqrt(bb) * Math.sqrt((1 - r) * (1 + r));
        final int q = rule.size();
        double sum = 0;
        for (int i = 0; i < q; i++) {
            final double wi = rule.weight(i);
            if (wi == 0) {
                continue;
            }
            final double s = sigma.value(sa * rule.node(i));
            if (s == 0) {
                continue;
            }
            double inner = 0;
            for (int j = 0; j < q; j++) {
                inner += rule.weight(j) * sigma.value(c1 * rule.node(i) + c2 * rule.node(j));
            }
            sum += wi * s * inner;
        }
        return sum;
    }
}
