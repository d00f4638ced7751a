package org.rmtlab.core.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * The closed forms of one activation: its expected kernel and its first two Hermite coefficients as
 * functions of the input variance v, mean(v) = E[sigma(sqrt(v) xi)] and firstHermite(v) =
 * E[xi sigma(sqrt(v) xi)], xi ~ N(0, 1). The Gaussian-equivalence coefficients
 * ({@link GaussianEquivalents}) are built from these and from kernel(v, v, v) = E[sigma(sqrt(v) xi)^2].
 *
 * <p>Every formula is stated once here; activations that are affine in another one, or combinations of
 * t and |t|, reuse them through {@link #linearAbs} and {@link #affine}.
 */
record ClosedForm(ExpectedKernel kernel, DoubleUnaryOperator mean, DoubleUnaryOperator firstHermite, String text) {

    private static final double TWO_OVER_PI = 2 / Math.PI;

    /**
     * sigma(t) = c1 t + c2 |t| (linear, abs, ReLU with c1 = c2 = 1/2, leaky ReLU with slope s:
     * c1 = (1 + s)/2, c2 = (1 - s)/2). The cross terms E[u |v|] vanish because (u, v) -&gt; (-u, -v)
     * leaves the law unchanged, so K = c1^2 ab + c2^2 K_abs.
     */
    static ClosedForm linearAbs(final double c1, final double c2, final String text) {
        return new ClosedForm(
            (aa, bb, ab) -> c1 * c1 * ab + (c2 == 0 ? 0 : c2 * c2 * absKernel(aa, bb, ab)),
            v -> c2 * Math.sqrt(TWO_OVER_PI * v),
            v -> c1 * Math.sqrt(v),
            text);
    }

    /**
     * K_abs = (2 sqrt(aa bb) / pi) (r arcsin r + sqrt(1 - r^2)), the arc-cosine kernel of degree 1
     * (Cho and Saul 2009) written for |t|; 0 when x or y is 0.
     */
    static double absKernel(final double aa, final double bb, final double ab) {
        final double norm = Math.sqrt(aa * bb);
        if (norm == 0) {
            return 0;
        }
        final double r = ExpectedKernels.correlation(aa, bb, ab);
        return TWO_OVER_PI * norm * (r * Math.asin(r) + Math.sqrt((1 - r) * (1 + r)));
    }

    /** sigma(t) = sign(t): K = (2/pi) arcsin r (Sheppard 1899), 0 when x or y is 0 since sign(0) = 0. */
    static ClosedForm sign() {
        return new ClosedForm(
            (aa, bb, ab) -> TWO_OVER_PI * Math.asin(ExpectedKernels.correlation(aa, bb, ab)),
            v -> 0,
            v -> v == 0 ? 0 : Math.sqrt(TWO_OVER_PI),
            "(2/pi) arcsin r");
    }

    /**
     * sigma(t) = erf(t): K = (2/pi) arcsin(2 ab / sqrt((1 + 2 aa)(1 + 2 bb))) (Williams 1997);
     * E[xi erf(sqrt(v) xi)] = sqrt(v) E[erf'(sqrt(v) xi)] = 2 sqrt(v) / sqrt(pi (1 + 2 v)) by Stein's lemma.
     */
    static ClosedForm erf() {
        return new ClosedForm(
            (aa, bb, ab) -> TWO_OVER_PI * Math.asin(clip(2 * ab / Math.sqrt((1 + 2 * aa) * (1 + 2 * bb)))),
            v -> 0,
            v -> 2 * Math.sqrt(v / (Math.PI * (1 + 2 * v))),
            "(2/pi) arcsin(2 ab / sqrt((1 + 2 aa)(1 + 2 bb)))");
    }

    /** sigma(t) = t^2: K = E[u^2 v^2] = aa bb + 2 ab^2 (Isserlis). */
    static ClosedForm quadratic() {
        return new ClosedForm((aa, bb, ab) -> aa * bb + 2 * ab * ab, v -> v, v -> 0, "aa bb + 2 ab^2");
    }

    /**
     * sigma(t) = sin(t): K = exp(-(aa + bb)/2) sinh(ab), from E[e^{i(u +- v)}] = exp(-(aa + bb +- 2 ab)/2);
     * written with exponents that cannot overflow since |ab| &lt;= (aa + bb)/2.
     */
    static ClosedForm sin() {
        return new ClosedForm(
            (aa, bb, ab) -> {
                final double c = 0.5 * (aa + bb);
                return Math.abs(ab) < 1 ? Math.exp(-c) * Math.sinh(ab) : 0.5 * (Math.exp(ab - c) - Math.exp(-ab - c));
            },
            v -> 0,
            v -> Math.sqrt(v) * Math.exp(-0.5 * v),
            "exp(-(aa + bb)/2) sinh(ab)");
    }

    /** sigma(t) = cos(t): K = exp(-(aa + bb)/2) cosh(ab). */
    static ClosedForm cos() {
        return new ClosedForm(
            (aa, bb, ab) -> {
                final double c = 0.5 * (aa + bb);
                return 0.5 * (Math.exp(ab - c) + Math.exp(-ab - c));
            },
            v -> Math.exp(-0.5 * v),
            v -> 0,
            "exp(-(aa + bb)/2) cosh(ab)");
    }

    /** sigma(t) = exp(-t^2/2): K = ((1 + aa)(1 + bb) - ab^2)^(-1/2), a Gaussian integral. */
    static ClosedForm gauss() {
        return new ClosedForm(
            (aa, bb, ab) -> 1 / Math.sqrt((1 + aa) * (1 + bb) - ab * ab),
            v -> 1 / Math.sqrt(1 + v),
            v -> 0,
            "((1 + aa)(1 + bb) - ab^2)^(-1/2)");
    }

    /**
     * The closed form of alpha + beta sigma: K' = alpha^2 + alpha beta (m(aa) + m(bb)) + beta^2 K with
     * m = {@link #mean}; the mean becomes alpha + beta m and the first Hermite coefficient beta h_1.
     */
    ClosedForm affine(final double alpha, final double beta, final String newText) {
        final ExpectedKernel k = kernel;
        final DoubleUnaryOperator m = mean;
        final DoubleUnaryOperator h1 = firstHermite;
        return new ClosedForm(
            (aa, bb, ab) -> alpha * alpha + alpha * beta * (m.applyAsDouble(aa) + m.applyAsDouble(bb))
                + beta * beta * k.value(aa, bb, ab),
            v -> alpha + beta * m.applyAsDouble(v),
            v -> beta * h1.applyAsDouble(v),
            newText);
    }

    private static double clip(final double r) {
        return Math.max(-1, Math.min(1, r));
    }
}
