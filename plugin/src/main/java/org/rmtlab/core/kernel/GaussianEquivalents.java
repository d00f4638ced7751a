package org.rmtlab.core.kernel;

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
