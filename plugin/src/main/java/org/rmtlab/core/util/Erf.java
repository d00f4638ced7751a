package org.rmtlab.core.util;

/**
 * The error function and the standard normal distribution and tail functions (Java has no
 * {@code erf}). erf is accurate to about 1e-16 absolute; erfc, Phi and the tail Q to about 1e-15
 * relative to their own size over the whole line, because small misclassification rates Q(E / sqrt(V))
 * (Liao and Couillet 2018) and the far tail of GELU must keep their relative precision.
 *
 * <p>Method: for |x| &lt; 3 the series erf(x) = (2/sqrt(pi)) e^{-x^2} sum_n 2^n x^{2n+1}/(2n+1)!!
 * (Abramowitz and Stegun 7.1.6), whose terms are all positive, so there is no cancellation; for
 * |x| &gt;= 3 the Laplace continued fraction of erfc (A&amp;S 7.1.14), which converges fast there and
 * keeps erfc accurate relative to its own size in the far tail (needed by {@link #normalCdf} for
 * very negative arguments, for example in the GELU activation).
 */
public final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
    /** Where the series hands over to the continued fraction. */
    private static final double SWITCH = 3.0;
    /** Where erfc hands over to the continued fraction: 1 - erf(x) would cancel beyond it. */
    private static final double ERFC_SWITCH = 2.5 / Math.sqrt(2);
    private static final int MAX_TERMS = 500;

    private Erf() {
    }

    /** erf(x) = (2/sqrt(pi)) int_0^x e^{-t^2} dt. */
    public static double erf(final double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        final double ax = Math.abs(x);
        if (ax < SWITCH) {
            return series(x);
        }
        return Math.copySign(1 - tail(ax), x);
    }

    /** erfc(x) = 1 - erf(x), accurate relative to its size for large positive x. */
    public static double erfc(final double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? 0 : 2;
        }
        if (x >= ERFC_SWITCH) {
            return tail(x);
        }
        if (x <= -SWITCH) {
            return 2 - tail(-x);
        }
        return 1 - series(x);
    }

    /** Phi(t) = P(N(0, 1) &lt;= t) = erfc(-t / sqrt(2)) / 2. */
    public static double normalCdf(final double t) {
        return 0.5 * erfc(-t / Math.sqrt(2));
    }

    /** Q(x) = P(N(0, 1) &gt; x) = erfc(x / sqrt(2)) / 2; Q(-inf) = 1, Q(+inf) = 0. */
    public static double normalTail(final double x) {
        return 0.5 * erfc(x / Math.sqrt(2));
    }

    /** The standard normal density phi(x). */
    public static double normalDensity(final double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    private static double series(final double x) {
        final double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < MAX_TERMS; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }

    /**
     * erfc(x) for x &gt;= 2.5 / sqrt(2) from erfc(x) = (e^{-x^2}/sqrt(pi)) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))),
     * evaluated by the modified Lentz method.
     */
    private static double tail(final double x) {
        final double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < MAX_TERMS; k++) {
            final double a = 0.5 * k;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            final double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return ONE_OVER_SQRT_PI * Math.exp(-x * x) / f;
    }
}
