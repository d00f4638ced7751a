package org.rmtlab.core.demo;

import java.util.Locale;

import org.rmtlab.core.util.Check;

/**
 * How far a case's simulation lies from its theory, in simulation standard errors, and whether that is within
 * the case's tolerance.
 *
 * <p>Definition: over the K scored points i (a quantity at one x, for example the test error at one time),
 * z_i = |theory_i - mean_i| / se_i, where mean_i is the mean of T independent trials and se_i its standard error
 * (sample standard deviation / sqrt(T)); the discrepancy is max_i z_i. A point with theory equal to the mean
 * has z = 0 even when se = 0; any other point with se = 0, or with a value that is not finite, has
 * z = infinity, so that a broken theory or simulation fails instead of hiding.
 *
 * <p>Standard tolerance ({@link #tolerance(int, int)}): the level that max z exceeds with probability at most
 * {@link #FALSE_ALARM} when the theory is exact at the simulated size. Each z_i is then |t| with T - 1 degrees
 * of freedom (the se is estimated from the same T trials, so the tails are heavier than Gaussian: with 10 trials
 * P(z &gt; 4) is 0.003, not 0.00006), and by the union bound P(max z &gt; q) &lt;= K P(|t_{T-1}| &gt; q); so the
 * tolerance is the two-sided t quantile at FALSE_ALARM / K. The union bound is close to exact for independent
 * points and conservative for the strongly correlated points of one curve (the same trials give every time of a
 * learning curve). Examples: T = 40, K = 40 gives 4.03 (a full-run dynamics case); T = 20, K = 40 gives 4.49
 * (its quick run); T = 10, K = 40 would give 5.83. What this does not cover is
 * the difference between the finite-size mean and its large-size limit, O(1/n) for the smooth quantities scored
 * here: it must stay well below one se, which the cases ensure by their sizes and trial counts, and by leaving
 * out the points where it does not (a top eigenvalue at the bulk edge, whose finite-size mean sits
 * O(n^{-2/3}) below the edge); see each case.
 *
 * @param value max z over the scored points (the discrepancy), &gt;= 0 or infinite
 * @param points K, the number of scored points, &gt;= 1
 * @param trials T, the number of Monte-Carlo trials behind each mean, &gt;= 2
 * @param tolerance the largest value that passes, &gt; 0
 * @param worst where max z was reached, for example {@code test_error at tau = 0.38: theory 0.131, simulation
 *     0.124 +- 0.002}
 */
public record Discrepancy(double value, int points, int trials, double tolerance, String worst) {

    /** Probability that a case whose theory is exact fails the standard tolerance: one in a hundred at most. */
    public static final double FALSE_ALARM = 0.01;

    public Discrepancy {
        Check.that(value >= 0, "A discrepancy is a maximum of |z| values, so it is >= 0, not " + value + ".");
        Check.positive("scored points", points);
        Check.that(trials >= 2, "Standard errors need at least 2 trials, not " + trials + ".");
        Check.positive("tolerance", tolerance);
        Check.that(worst != null, "Say where the discrepancy was reached.");
    }

    /** Whether the discrepancy is within the tolerance. */
    public boolean passed() {
        return value <= tolerance;
    }

    /**
     * The standard tolerance for K points of T trials: the two-sided Student-t quantile with T - 1 degrees of
     * freedom at {@link #FALSE_ALARM} / K (see the class comment).
     */
    public static double tolerance(final int points, final int trials) {
        Check.positive("scored points", points);
        Check.that(trials >= 2, "Standard errors need at least 2 trials, not " + trials + ".");
        return StudentT.twoSidedQuantile(FALSE_ALARM / points, trials - 1);
    }

    /** Collects the scored points of one case. Not thread-safe. */
    public static final class Accumulator {
        private double max;
        private int points;
        private String worst = "";

        /**
         * Scores one point.
         *
         * @param where what and where, for the report of the worst point, for example {@code test_error at tau = 0.38}
         * @param theory the theory's value
         * @param mean the simulated mean over trials
         * @param se the standard error of {@code mean}
         */
        public Accumulator add(final String where, final double theory, final double mean, final double se) {
            final double d = Math.abs(theory - mean);
            final double z;
            if (d == 0) {
                z = 0;
            } else if (Double.isFinite(d) && se > 0 && Double.isFinite(se)) {
                z = d / se;
            } else {
                z = Double.POSITIVE_INFINITY;
            }
            if (points == 0 || z > max) {
                max = z;
                worst = String.format(Locale.ROOT, "%s: theory %.4g, simulation %.4g +- %.2g", where, theory, mean, se);
            }
            points++;
            return this;
        }

        /** Number of points scored so far. */
        public int points() {
            return points;
        }

        /**
         * The discrepancy with the standard tolerance for these points and {@code trials}.
         *
         * @throws IllegalArgumentException when no point was scored
         */
        public Discrepancy result(final int trials) {
            Check.that(points > 0, "No point was scored: a case must compare its theory with its simulation somewhere.");
            return new Discrepancy(max, points, trials, tolerance(points, trials), worst);
        }
    }
}
