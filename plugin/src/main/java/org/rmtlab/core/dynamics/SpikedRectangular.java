package org.rmtlab.core.dynamics;

import org.rmtlab.core.util.Check;

/**
 * Largest singular value and singular-vector overlaps of a rank-one perturbation of a Gaussian rectangular
 * matrix, Y = X + theta u v^T, X in R^{rows x cols} with iid N(0, 1/cols) entries, u, v unit vectors
 * independent of X, c = rows / cols (Benaych-Georges and Nadakuditi 2012, "The singular values and vectors
 * of low rank perturbations of large rectangular random matrices", Sec. 3.1, Gaussian example).
 *
 * <p>The bulk of the singular values ends at 1 + sqrt(c). If theta &gt; c^{1/4} the top singular value
 * separates, at sqrt((1 + theta^2)(c + theta^2)) / theta, and its left / right singular vectors keep
 * squared overlaps (theta^4 - c) / (theta^2 (theta^2 + c)) with u and (theta^4 - c) / (theta^2 (theta^2 + 1))
 * with v; below the threshold the top singular value sticks to the edge and the overlaps vanish.
 * (Check: randomising v turns Y Y^T into a sample covariance with population spike 1 + theta^2 and ratio c,
 * whose Baik–Ben Arous–Péché transition and eigenvector overlap give the same formulas.)
 */
public final class SpikedRectangular {
    private SpikedRectangular() {
    }

    /** Threshold c^{1/4} on theta. */
    public static double threshold(final double c) {
        Check.positive("c (rows / cols)", c);
        return Math.sqrt(Math.sqrt(c));
    }

    /** Upper edge 1 + sqrt(c) of the bulk of singular values. */
    public static double bulkEdge(final double c) {
        Check.positive("c (rows / cols)", c);
        return 1 + Math.sqrt(c);
    }

    /** Limit of the top singular value: the spike location above the threshold, the bulk edge below. */
    public static double topSingularValue(final double theta, final double c) {
        Check.nonNegative("theta", theta);
        if (theta <= threshold(c)) {
            return bulkEdge(c);
        }
        final double t2 = theta * theta;
        return Math.sqrt((1 + t2) * (c + t2)) / theta;
    }

    /** Squared overlap of the top left singular vector (length rows) with u; 0 below the threshold. */
    public static double leftOverlap(final double theta, final double c) {
        Check.nonNegative("theta", theta);
        if (theta <= threshold(c)) {
            return 0;
        }
        final double t2 = theta * theta;
        return (t2 * t2 - c) / (t2 * (t2 + c));
    }

    /** Squared overlap of the top right singular vector (length cols) with v; 0 below the threshold. */
    public static double rightOverlap(final double theta, final double c) {
        Check.nonNegative("theta", theta);
        if (theta <= threshold(c)) {
            return 0;
        }
        final double t2 = theta * theta;
        return (t2 * t2 - c) / (t2 * (t2 + 1));
    }
}
