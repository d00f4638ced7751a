package org.rmtlab.core.kernel;

import org.rmtlab.core.util.Check;

/**
 * The Hermite expansion of sigma at input variance v:
 * sigma(sqrt(v) xi) = sum_k h_k p_k(xi), xi ~ N(0, 1), with p_k = He_k / sqrt(k!) the orthonormal
 * (probabilists') Hermite polynomials, so h_k = E[sigma(sqrt(v) xi) He_k(xi)] / sqrt(k!) and
 * sum_k h_k^2 = E[sigma(sqrt(v) xi)^2] (Parseval). h_0 and h_1 are the Gaussian-equivalence
 * coefficients mu_0 and mu_1 (see {@link GaussianEquivalent}).
 *
 * <p>It is the building block of the Mehler formula used by {@link HermiteKernel}: for (u, v) Gaussian
 * with variances a, b and correlation r, E[sigma(u) sigma(v)] = sum_k h_k(a) h_k(b) r^k, and by
 * Cauchy–Schwarz the terms after k are bounded by |r|^{k+1} tail_a(k) tail_b(k) with
 * tail(k) = sqrt(sum_{m &gt; k} h_m^2). So one expansion per sample (O(q^2) work) replaces a 2-D
 * quadrature per kernel entry (O(q^2) work per entry).
 *
 * <p>Computation, cheapest first:
 * <ol>
 * <li>polynomial of degree d: the (d + 1)-point Gauss–Hermite rule gives every coefficient exactly
 * (sigma p_k has degree &lt;= 2d), and the expansion ends at d;</li>
 * <li>Gauss–Hermite rules of 32, 64, ..., 512 nodes: the discrete coefficients h_0 .. h_{q-1} come from
 * one product with the orthogonal matrix of {@link GaussHermite}; the expansion is accepted
 * ("resolved") at order q/2 when the discrete tail beyond q/2 is below {@value #TAIL_TOLERANCE} of
 * sqrt(E[sigma^2]), which is when sigma(sqrt(v) .) is smooth on the scale of the node spacing, and
 * when the discrete E[sigma^2] agrees with an independent adaptive integral (this catches aliasing);</li>
 * <li>otherwise (kinks, or steep functions at large v such as tanh at v = 100) adaptive
 * Gauss–Legendre quadrature ({@link NormalExpectation}) of sigma p_k for k up to the order that the
 * largest correlation of interest needs, |r|^{K+1} &lt;= {@value HermiteKernel#ENTRY_TOLERANCE}, at most
 * {@value #MAX_ORDER}; E[sigma^2] is integrated separately, so the tail is known from Parseval.</li>
 * </ol>
 * Immutable.
 */
public final class HermiteExpansion {
    /**
     * Relative size of the neglected tail, sqrt(sum_{k &gt; K} h_k^2 / E[sigma^2]), accepted as resolved:
     * the square root of {@link HermiteKernel#ENTRY_TOLERANCE}, so that two resolved expansions meet
     * the entry tolerance even at correlation 1.
     */
    public static final double TAIL_TOLERANCE = 1e-6;
    /** Largest order of the adaptive quadrature path. */
    public static final int MAX_ORDER = 256;
    /** Gauss–Hermite rules tried in turn. */
    static final int[] RULES = {32, 64, 128, 256, 512};
    private static final double QUADRATURE_TOLERANCE = 1e-13;
    /**
     * Largest relative difference between the discrete sum_i w_i sigma(x_i)^2 and the adaptive
     * E[sigma^2] for a Gauss–Hermite rule to be trusted: a rule far too coarse for an oscillating
     * sigma (sin at variance 500) can sample it near its zeros and show a small, wrong, "resolved" expansion.
     */
    private static final double AGREEMENT = 1e-10;

    private final double variance;
    private final double[] h;
    private final double[] tail;
    private final double secondMoment;
    private final boolean resolved;
    private final int rule;

    private HermiteExpansion(final double variance, final double[] h, final double[] tail, final double secondMoment,
        final boolean resolved, final int rule) {
        this.variance = variance;
        this.h = h;
        this.tail = tail;
        this.secondMoment = secondMoment;
        this.resolved = resolved;
        this.rule = rule;
    }

    /** The expansion of sigma at variance v, to the accuracy the kernel needs at any correlation. */
    public static HermiteExpansion of(final Activation sigma, final double variance) {
        return of(sigma, variance, sigma instanceof StandardActivation s ? s.polynomialDegree() : -1, 1, RULES[0]);
    }

    /**
     * @param degree the polynomial degree of sigma, or -1 when it is not a polynomial
     * @param maxCorrelation the largest |r| at which the series will be summed; it sets the order on
     *        the adaptive path
     * @param firstRule the smallest Gauss–Hermite rule to try (a hint from a previous sample); above
     *        the largest rule, go straight to adaptive quadrature
     */
    static HermiteExpansion of(final Activation sigma, final double variance, final int degree,
        final double maxCorrelation, final int firstRule) {
        Check.nonNegative("The input variance ||x||^2", variance);
        final double sd = Math.sqrt(variance);
        if (variance == 0 || degree == 0) {
            final double c = checked(sigma, 0);
            return new HermiteExpansion(variance, new double[] {c}, new double[] {0}, c * c, true, 1);
        }
        if (degree > 0) {
            final double[] c = discrete(sigma, sd, GaussHermite.of(degree + 1));
            return fromDiscrete(variance, c, degree, degree + 1);
        }
        final double second = secondMoment(sigma, sd);
        for (int q : RULES) {
            if (q < firstRule) {
                continue;
            }
            final double[] c = discrete(sigma, sd, GaussHermite.of(q));
            final int order = q / 2;
            double beyond = 0;
            double total = 0;
            for (int k = 0; k < q; k++) {
                total += c[k] * c[k];
                beyond += k > order ? c[k] * c[k] : 0;
            }
            if (beyond <= TAIL_TOLERANCE * TAIL_TOLERANCE * total && Math.abs(total - second) <= AGREEMENT * second) {
                return fromDiscrete(variance, c, order, q);
            }
        }
        return adaptive(sigma, variance, second, orderFor(maxCorrelation));
    }

    /** The order K with |r|^{K+1} below the entry tolerance, within [2, MAX_ORDER]. */
    static int orderFor(final double maxCorrelation) {
        if (!(maxCorrelation < 1)) {
            return MAX_ORDER;
        }
        if (maxCorrelation <= 0) {
            return 2;
        }
        final double k = Math.ceil(Math.log(HermiteKernel.ENTRY_TOLERANCE) / Math.log(maxCorrelation));
        return (int) Math.max(2, Math.min(MAX_ORDER, k));
    }

    public double variance() {
        return variance;
    }

    /** The highest index K of the kept coefficients. */
    public int order() {
        return h.length - 1;
    }

    /** h_k = E[sigma(sqrt(v) xi) He_k(xi)] / sqrt(k!), 0 beyond {@link #order()}. */
    public double coefficient(final int k) {
        return k < h.length ? h[k] : 0;
    }

    /** E[sigma(sqrt(v) xi)^2] = sum_k h_k^2. */
    public double secondMoment() {
        return secondMoment;
    }

    /** Estimate of sqrt(sum_{m &gt; k} h_m^2), the size of what a truncation after k neglects. */
    public double tail(final int k) {
        return tail[Math.min(k, tail.length - 1)];
    }

    /** True when the tail after {@link #order()} is below {@link #TAIL_TOLERANCE} of sqrt(E[sigma^2]). */
    public boolean resolved() {
        return resolved;
    }

    /** Gauss–Hermite nodes used, 0 when the adaptive quadrature was needed. */
    int rule() {
        return rule;
    }

    double[] coefficients() {
        return h;
    }

    double[] tails() {
        return tail;
    }

    /** The discrete coefficients sum_i w_i sigma(sd x_i) p_k(x_i), k &lt; q. */
    private static double[] discrete(final Activation sigma, final double sd, final GaussHermite gh) {
        final int q = gh.size();
        final double[] u = gh.basis();
        final double[] c = new double[q];
        for (int i = 0; i < q; i++) {
            final double sw = gh.sqrtWeight(i);
            if (sw == 0) {
                continue;
            }
            final double g = sw * checked(sigma, sd * gh.node(i));
            final int off = i * q;
            for (int k = 0; k < q; k++) {
                c[k] += g * u[off + k];
            }
        }
        return c;
    }

    /** Keeps c_0 .. c_order; the tails include every discrete coefficient, also those beyond the order. */
    private static HermiteExpansion fromDiscrete(final double variance, final double[] c, final int order,
        final int rule) {
        final double[] tail = new double[order + 1];
        double beyond = 0;
        for (int k = c.length - 1; k > order; k--) {
            beyond += c[k] * c[k];
        }
        for (int k = order; k >= 0; k--) {
            tail[k] = Math.sqrt(beyond);
            beyond += c[k] * c[k];
        }
        final double[] h = new double[order + 1];
        System.arraycopy(c, 0, h, 0, order + 1);
        // beyond is now sum_k c_k^2 = sum_i w_i sigma(x_i)^2 (discrete Parseval)
        return new HermiteExpansion(variance, h, tail, beyond, true, rule);
    }

    /** E[sigma(sd xi)^2] by adaptive quadrature, independent of the Gauss–Hermite rules. */
    private static double secondMoment(final Activation sigma, final double sd) {
        try {
            return NormalExpectation.of(x -> {
                final double s = checked(sigma, sd * x);
                return s * s;
            }, QUADRATURE_TOLERANCE);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("E[sigma^2] of the activation '" + sigma.id() + "' at input variance "
                + sd * sd + " overflows. " + e.getMessage(), e);
        }
    }

    private static HermiteExpansion adaptive(final Activation sigma, final double variance, final double second,
        final int order) {
        final double sd = Math.sqrt(variance);
        // sigma(sd x) phi(x) p_k(x) = [sigma(sd x) sqrt(phi(x))] q_k(x) with q_k = p_k sqrt(phi) bounded
        // (Hermite functions), which keeps every term finite out to |x| = 38
        final double[] h = NormalExpectation.integral((x, out) -> {
            final double root = Math.sqrt(NormalExpectation.density(x));
            final double s = checked(sigma, sd * x) * root;
            double prev = 0;
            double cur = root;
            for (int k = 0; k < out.length; k++) {
                out[k] = s * cur;
                final double next = (x * cur - Math.sqrt(k) * prev) / Math.sqrt(k + 1.0);
                prev = cur;
                cur = next;
            }
        }, order + 1, QUADRATURE_TOLERANCE * Math.sqrt(second) + Double.MIN_NORMAL);
        // tail from Parseval with the separately integrated E[sigma^2], but never below the kept
        // coefficients after k (the subtraction loses them in rounding when the tail is tiny)
        final double[] suffix = new double[order + 2];
        for (int k = order; k >= 0; k--) {
            suffix[k] = suffix[k + 1] + h[k] * h[k];
        }
        final double[] tail = new double[order + 1];
        for (int k = 0; k <= order; k++) {
            tail[k] = Math.sqrt(Math.max(second - (suffix[0] - suffix[k + 1]), suffix[k + 1]));
        }
        final boolean resolved = tail[order] <= TAIL_TOLERANCE * Math.sqrt(second);
        return new HermiteExpansion(variance, h, tail, second, resolved, 0);
    }

    private static double checked(final Activation sigma, final double t) {
        final double v = sigma.value(t);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("The activation '" + sigma.id() + "' gives " + v + " at t = " + t
                + "; its expected kernel needs finite values wherever the Gaussian input can fall.");
        }
        return v;
    }
}
