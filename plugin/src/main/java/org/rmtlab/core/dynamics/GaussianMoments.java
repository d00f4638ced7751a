package org.rmtlab.core.dynamics;

import java.util.function.DoubleUnaryOperator;

/**
 * E[f(xi)] for xi ~ N(0, 1) by composite 5-point Gauss–Legendre quadrature on [-12, 12] in panels of
 * width 0.05. Why not Gauss–Hermite: activations such as ReLU have kinks, where Gauss–Hermite converges
 * only algebraically; here kinks at multiples of 0.05 (0 in particular) fall on panel boundaries and are
 * integrated to rounding, and any other kink costs at most O(0.05^2) of one panel's mass. The tails beyond
 * |xi| = 12 carry less than 1e-32 of the mass (times a polynomial in xi for polynomially growing f).
 *
 * <p>Note for the merge with the kernel package: its Gaussian-equivalence coefficients
 * ({@code kernel.GaussianEquivalents.of(sigma)}: mu1 = E[xi sigma(xi)] and the second moment E[sigma(xi)^2],
 * closed forms where known, adaptive quadrature otherwise) are the same three numbers that
 * {@link OneStepFeatureLearning} asks of this class; when both packages are on one branch, those calls move
 * there and this class goes, so that each Gaussian moment has one implementation.
 */
final class GaussianMoments {
    private static final double[] NODE = {-0.9061798459386640, -0.5384693101056831, 0.0, 0.5384693101056831,
        0.9061798459386640};
    private static final double[] WEIGHT = {0.2369268850561891, 0.4786286704993665, 0.5688888888888889,
        0.4786286704993665, 0.2369268850561891};
    private static final double HALF_RANGE = 12;
    private static final int PANELS = 480;

    private GaussianMoments() {
    }

    static double expect(final DoubleUnaryOperator f) {
        final double width = 2 * HALF_RANGE / PANELS;
        final double norm = 1 / Math.sqrt(2 * Math.PI);
        double sum = 0;
        for (int p = 0; p < PANELS; p++) {
            final double mid = -HALF_RANGE + (p + 0.5) * width;
            for (int q = 0; q < NODE.length; q++) {
                final double x = mid + 0.5 * width * NODE[q];
                final double v = f.applyAsDouble(x);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("The activation is not finite at " + x
                        + ", so its Gaussian moments do not exist.");
                }
                sum += WEIGHT[q] * v * Math.exp(-0.5 * x * x);
            }
        }
        return sum * 0.5 * width * norm;
    }
}
