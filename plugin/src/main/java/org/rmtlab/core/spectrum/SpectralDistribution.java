package org.rmtlab.core.spectrum;

import java.util.List;

import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Complex;

/**
 * Limiting eigenvalue distribution mu of a random matrix: an absolutely continuous part on a union of
 * intervals in [0, inf) plus possibly an atom at 0.
 *
 * <p>Conventions used throughout the package: the Stieltjes transform is
 * m(z) = integral of dmu(t) / (t - z), so that Im m(z) > 0 for Im z > 0, m(z) ~ -1/z as |z| -> inf, m is
 * real on the real axis outside the support, and the density is f(x) = lim_{eta -> 0+} Im m(x + i eta) / pi
 * (Bai and Silverstein 2010, Spectral Analysis of Large Dimensional Random Matrices, Sec. B.2).
 */
public interface SpectralDistribution {

    /** Density of the absolutely continuous part at x (it integrates to 1 - {@link #atom()}). */
    double density(double x);

    /** P(lambda <= x), the atom at 0 included. */
    double cdf(double x);

    /** Mass of the atom at 0 (0 when there is none). */
    double atom();

    /** The intervals of the support of the continuous part, ascending. */
    List<SupportInterval> support();

    /** Left end of the support of the continuous part. */
    default double lowerEdge() {
        return support().get(0).lower();
    }

    /** Right end of the support of the continuous part. */
    default double upperEdge() {
        final List<SupportInterval> s = support();
        return s.get(s.size() - 1).upper();
    }

    /**
     * Stieltjes transform at z off the real axis, or at real z outside the support (then real).
     *
     * @throws IllegalArgumentException for real z on the support or at the atom
     */
    Complex stieltjes(Complex z);

    /**
     * Coefficient A of the square-root vanishing f(x) ~ A sqrt(|x - edge|) of the density at the lower or
     * upper end of the support; infinite at a hard edge (the density diverges there, as at 0 when c = 1).
     */
    double edgeAmplitude(boolean upper);

    /**
     * Tracy–Widom scale of the extreme eigenvalue at an edge for a matrix of the given dimension (number of
     * eigenvalues): s = (pi A N)^(-2/3), the distance over which about one eigenvalue of the N is expected
     * near a square-root edge. For the Marchenko–Pastur law this is Johnstone's (2001) sigma_{np} / n,
     * (1 + sqrt c)^(4/3) c^(-1/6) n^(-2/3) for unit variance; 0 at a hard edge.
     */
    default double edgeScale(final boolean upper, final int dimension) {
        Check.positive("dimension", dimension);
        final double a = edgeAmplitude(upper);
        return Double.isInfinite(a) ? 0 : Math.pow(Math.PI * a * dimension, -2.0 / 3.0);
    }

    /** Mean density of the continuous part over (from, to]: its mass there divided by the width. */
    default double binDensity(final double from, final double to) {
        Check.that(to > from, "A bin needs to > from, but is (" + from + ", " + to + "].");
        double mass = cdf(to) - cdf(from);
        if (from < 0 && to >= 0) {
            mass -= atom();
        }
        return Math.max(0, mass) / (to - from);
    }

    /**
     * Quantile inf{x : F(x) >= u}: 0 inside the atom, otherwise safeguarded Newton on the CDF within a
     * shrinking bracket (bisection whenever Newton leaves it, as in gaps and at a diverging density).
     */
    default double quantile(final double u) {
        Check.that(u >= 0 && u <= 1, "A quantile level must lie in [0, 1], but is " + u + ".");
        if (atom() > 0 && u <= atom()) {
            return 0;
        }
        double lo = lowerEdge();
        double hi = upperEdge();
        if (u >= 1) {
            return hi;
        }
        if (u <= cdf(lo)) {
            return lo;
        }
        double x = 0.5 * (lo + hi);
        for (int i = 0; i < 400; i++) {
            final double g = cdf(x) - u;
            if (g >= 0) {
                hi = x;
            } else {
                lo = x;
            }
            final double d = density(x);
            double next = d > 0 && Double.isFinite(d) ? x - g / d : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - x) <= 1e-15 * Math.abs(x) || hi - lo <= 2 * Math.ulp(hi)) {
                return next;
            }
            x = next;
        }
        return x;
    }
}
