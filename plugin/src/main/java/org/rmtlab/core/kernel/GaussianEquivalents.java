package org.rmtlab.core.kernel;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.util.Check;

/**
 * Computes {@link GaussianEquivalent} coefficients: from the closed forms of the activation where it
 * has them (mu0 and mu1 explicit, E[sigma^2] = K(v, v, v)), otherwise by adaptive quadrature
 * ({@link NormalExpectation}) to about 1e-13 relative accuracy.
 */
public final class GaussianEquivalents {
    private static final double TOLERANCE = 1e-13;

    private GaussianEquivalents() {
    }

    /** The coefficients at v = 1 (normalised data, ||x|| = 1). */
    public static GaussianEquivalent of(final Activation sigma) {
        return of(sigma, 1);
    }

    /** The coefficients at input variance v &gt;= 0, in closed form where possible. */
    public static GaussianEquivalent of(final Activation sigma, final double variance) {
        Check.nonNegative("The input variance", variance);
        if (sigma instanceof StandardActivation s && s.closedForm().isPresent()) {
            final ClosedForm c = s.closedForm().get();
            final double mu0 = c.mean().applyAsDouble(variance);
            final double mu1 = c.firstHermite().applyAsDouble(variance);
            final double second = c.kernel().value(variance, variance, variance);
            return new GaussianEquivalent(variance, mu0, mu1, Math.sqrt(Math.max(0, second - mu0 * mu0 - mu1 * mu1)));
        }
        return numerical(sigma, variance);
    }

    /**
     * The input variance of the activation for the data {@code x} (p x n, samples as columns): the mean
     * squared length v = (1/n) sum_j ||x_j||^2. For w ~ N(0, I_p), w.x_j ~ N(0, ||x_j||^2), so v is the
     * variance of the pre-activations averaged over the samples; for concentrated data
     * (||x_j||^2 = v (1 + O(1/sqrt(p))), as for the normalised Gaussian mixture of Louart, Liao and
     * Couillet 2018) it is the variance at which the Gaussian equivalent describes every sample.
     *
     * @throws IllegalArgumentException when x has no sample or holds a value that is not finite
     */
    public static double inputVariance(final DMatrixRMaj x) {
        Check.that(x.numCols > 0 && x.numRows > 0, "The data have " + x.numRows + " features and " + x.numCols
            + " samples; the input variance needs at least one of each.");
        double sum = 0;
        final int size = x.getNumElements();
        for (int i = 0; i < size; i++) {
            sum += x.data[i] * x.data[i];
        }
        return Check.finite("The mean squared length of the samples", sum / x.numCols);
    }

    /**
     * The coefficients by quadrature, also where a closed form exists (for checks). muStar^2 is
     * integrated directly as E[(sigma - mu0 - mu1 xi)^2] rather than by subtraction, which would lose
     * its digits when sigma is nearly linear.
     */
    public static GaussianEquivalent numerical(final Activation sigma, final double variance) {
        Check.nonNegative("The input variance", variance);
        final double sd = Math.sqrt(variance);
        final double mu0 = NormalExpectation.of(x -> sigma.value(sd * x), TOLERANCE);
        final double mu1 = NormalExpectation.of(x -> x * sigma.value(sd * x), TOLERANCE);
        final double rest = NormalExpectation.of(x -> {
            final double e = sigma.value(sd * x) - mu0 - mu1 * x;
            return e * e;
        }, TOLERANCE);
        return new GaussianEquivalent(variance, mu0, mu1, Math.sqrt(rest));
    }
}
