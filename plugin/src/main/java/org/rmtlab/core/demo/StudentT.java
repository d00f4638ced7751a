package org.rmtlab.core.demo;

import org.rmtlab.core.util.Check;

/**
 * Student's t distribution with a whole number of degrees of freedom: the law of a simulated mean's error in
 * units of its estimated standard error, (mean - truth) / (s / sqrt(T)) with s the sample standard deviation of T
 * independent Gaussian trials, which has T - 1 degrees of freedom.
 *
 * <p>Method: the finite sums of Abramowitz and Stegun 26.7.3 (odd nu) and 26.7.4 (even nu) for
 * A(t | nu) = P(|t_nu| &lt;= t), with theta = atan(t / sqrt(nu)); their terms are positive and shrink
 * geometrically, so the sum is accurate to rounding. The tail 1 - A then loses about -log10(tail) of the 16
 * digits, which leaves ten digits for the tails down to 1e-6 that the demo's tolerances need.
 */
final class StudentT {
    private static final int BISECTIONS = 200;

    private StudentT() {
    }

    /** P(|t_nu| &gt; t) for t &gt;= 0. */
    static double twoSidedTail(final double t, final int nu) {
        Check.positive("degrees of freedom", nu);
        Check.that(t >= 0, "The t value must be >= 0, not " + t + ".");
        if (Double.isInfinite(t)) {
            return 0;
        }
        final double theta = Math.atan(t / Math.sqrt(nu));
        final double sin = Math.sin(theta);
        final double cos = Math.cos(theta);
        final double cos2 = cos * cos;
        double sum = 1;
        double term = 1;
        final double inside;
        if (nu % 2 == 1) {
            for (int k = 1; k <= (nu - 3) / 2; k++) {
                term *= 2.0 * k / (2.0 * k + 1) * cos2;
                sum += term;
            }
            inside = 2 / Math.PI * (theta + (nu == 1 ? 0 : sin * cos * sum));
        } else {
            for (int k = 1; k <= (nu - 2) / 2; k++) {
                term *= (2.0 * k - 1) / (2.0 * k) * cos2;
                sum += term;
            }
            inside = sin * sum;
        }
        return Math.max(0, 1 - inside);
    }

    /**
     * The t &gt;= 0 with P(|t_nu| &gt; t) = tail, by bisection (the tail falls monotonically in t).
     *
     * @param tail in (0, 1]
     */
    static double twoSidedQuantile(final double tail, final int nu) {
        Check.that(tail > 0 && tail <= 1, "The tail probability must lie in (0, 1], not " + tail + ".");
        double lo = 0;
        double hi = 1;
        while (twoSidedTail(hi, nu) > tail) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < BISECTIONS && hi - lo > 1e-12 * hi; i++) {
            final double mid = 0.5 * (lo + hi);
            if (twoSidedTail(mid, nu) > tail) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
