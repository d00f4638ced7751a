package org.rmtlab.core.spectrum;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Complex;

/**
 * The Silverstein equation for the sample covariance of data with a general population covariance
 * (Silverstein 1995; Silverstein and Choi 1995; Bai and Silverstein 2010, Thm 4.3 and Sec. 6.1).
 *
 * <p>Model: x = Sigma^{1/2} z with z having iid entries of mean 0 and variance 1, n samples as the columns
 * of X in R^{p x n}, c = p/n, and the eigenvalues of Sigma distributed as H = sum_k w_k delta_{tau_k}
 * ({@link PopulationSpectrum}). The companion Stieltjes transform m~(z) of (1/n) X^T X is the unique
 * solution with Im m~ > 0 (for Im z > 0) of
 * z = -1/m~ + c sum_k w_k tau_k / (1 + tau_k m~).
 * We solve it for y = -1/m~ (Im y > 0 iff Im m~ > 0), where it reads
 * <pre>  z = x(y) := y + c sum_k w_k tau_k y / (y - tau_k),   x'(y) = 1 - c sum_k w_k tau_k^2 / (y - tau_k)^2.</pre>
 * The p x p transform is m(z) = (m~(z) - (c - 1)/z) / c = sum_k w_k / (tau_k - y) / (1 + c S(y)) with
 * S(y) = sum_k w_k tau_k / (y - tau_k), the second form being free of cancellation at z = 0.
 *
 * <p>Support (Silverstein and Choi 1995): on the real line outside the support, y is the real solution on
 * a branch where x'(y) > 0, and the edges of the support are the values x(y*) at the zeros y* of x'. In y,
 * x' is decreasing on (-inf, tau_1), increasing on (tau_K, inf) and concave between consecutive tau_k (its
 * second derivative is 2c sum w tau^2 / (y - tau)^3, decreasing), so there is exactly one zero below tau_1,
 * one above tau_K and zero or two in each gap between population eigenvalues; each pair is a gap of the
 * support. All are found by bisection to machine precision, so edges are exact to rounding.
 *
 * <p>Solving: Newton on y with backtracking that keeps Im y > 0 (any root in the upper half plane is the
 * solution, by uniqueness; on the real axis a result is trusted only when clearly off the axis, since
 * Newton may creep onto one of the real roots of the decreasing branches); otherwise continuation in eta:
 * a fixed-point iteration at Im z = scale (a contraction there), then Newton along a decreasing sequence of
 * eta down to the requested Im z, which may be 0 for real z inside the support (the eta -> 0+ limit taken
 * exactly). On the real axis outside the support
 * the physical real root is found by bisection on its monotone branch.
 */
public final class SilversteinEquation {
    /**
     * Most distinct population eigenvalues: the support search costs O(K^2) and the support may have up to K
     * intervals; larger spectra are reduced with {@link PopulationSpectrum#quantized(int)} first.
     */
    public static final int MAX_EIGENVALUES = 1000;
    private static final int MAX_NEWTON = 100;
    private static final double TOLERANCE = 1e-14;
    /**
     * On the real axis Newton may also creep onto one of the real roots (on decreasing branches of x) from
     * above. The wanted root has Im y of order sqrt(distance to the nearest edge), so a Newton result with
     * Im y above this fraction of |y| is certainly it; closer to the real axis continuation decides.
     */
    private static final double CERTAIN_IMAGINARY = 1e-7;

    private final PopulationSpectrum population;
    private final double ratio;
    private final double[] tau;
    private final double[] weight;
    /** Size of the spectrum, tau_max (1 + sqrt c)^2: the unit of absolute tolerances. */
    private final double scale;
    /** Support edges l_1, u_1, l_2, u_2, ... and the roots y* of x' at which they are attained. */
    private final double[] edges;
    private final double[] critical;
    private final List<SupportInterval> support;

    public SilversteinEquation(final PopulationSpectrum population, final double ratio) {
        Check.that(population != null, "The population spectrum is missing.");
        Check.that(population.size() <= MAX_EIGENVALUES, "The population spectrum has " + population.size()
            + " distinct eigenvalues; at most " + MAX_EIGENVALUES + " are supported. Merge them first, for example "
            + "with PopulationSpectrum.quantized(" + MAX_EIGENVALUES / 5 + ").");
        this.population = population;
        this.ratio = Check.positive("c (ratio p/n)", ratio);
        this.tau = population.eigenvalues();
        this.weight = population.weights();
        this.scale = population.max() * (1 + Math.sqrt(ratio)) * (1 + Math.sqrt(ratio));
        final List<Double> ys = criticalPoints();
        critical = new double[ys.size()];
        edges = new double[ys.size()];
        final List<SupportInterval> intervals = new ArrayList<>();
        for (int i = 0; i < critical.length; i++) {
            critical[i] = ys.get(i);
            edges[i] = map(critical[i]);
        }
        edges[0] = Math.max(0, edges[0]);
        for (int i = 0; i < edges.length; i += 2) {
            intervals.add(new SupportInterval(edges[i], edges[i + 1]));
        }
        support = Collections.unmodifiableList(intervals);
    }

    public PopulationSpectrum population() {
        return population;
    }

    /** c = p/n. */
    public double ratio() {
        return ratio;
    }

    /** The size tau_max (1 + sqrt c)^2 of the spectrum, an upper bound of its upper edge. */
    public double scale() {
        return scale;
    }

    /** Intervals of the support of the continuous part (the same on both sides), ascending. */
    public List<SupportInterval> support() {
        return support;
    }

    /** The root y* of x' at edge i of the support, edges numbered l_1, u_1, l_2, u_2, ... */
    public double criticalPoint(final int edge) {
        return critical[edge];
    }

    /** x(y) on the real line. */
    public double map(final double y) {
        double s = 0;
        for (int k = 0; k < tau.length; k++) {
            s += weight[k] * tau[k] / (y - tau[k]);
        }
        return y * (1 + ratio * s);
    }

    /** x'(y) on the real line. */
    public double slope(final double y) {
        double s = 0;
        for (int k = 0; k < tau.length; k++) {
            final double d = tau[k] / (y - tau[k]);
            s += weight[k] * d * d;
        }
        return 1 - ratio * s;
    }

    /** x''(y) on the real line. */
    public double curvature(final double y) {
        double s = 0;
        for (int k = 0; k < tau.length; k++) {
            final double d = y - tau[k];
            s += weight[k] * tau[k] * tau[k] / (d * d * d);
        }
        return 2 * ratio * s;
    }

    /** x(y) for complex y. */
    public Complex map(final Complex y) {
        final double[] s = sums(y.re(), y.im());
        return y.times(new Complex(1 + ratio * s[0], ratio * s[1]));
    }

    /** x'(y) for complex y. */
    public Complex slope(final Complex y) {
        final double[] s = sums(y.re(), y.im());
        return new Complex(1 - ratio * s[2], -ratio * s[3]);
    }

    /** The p x p Stieltjes transform m(z) from the root y, without cancellation near z = 0. */
    public Complex covarianceStieltjes(final Complex y) {
        double re = 0;
        double im = 0;
        for (int k = 0; k < tau.length; k++) {
            final double dr = tau[k] - y.re();
            final double di = -y.im();
            final double q = weight[k] / (dr * dr + di * di);
            re += q * dr;
            im -= q * di;
        }
        final double[] s = sums(y.re(), y.im());
        return new Complex(re, im).divide(new Complex(1 + ratio * s[0], ratio * s[1]));
    }

    /** Solves at z with the default start. */
    public SilversteinSolution solve(final Complex z) {
        return solve(z, null);
    }

    /**
     * Solves at z: Im z != 0, or real z (inside the support: the limit from the upper half plane; outside:
     * the real root of the physical branch).
     *
     * @param start a guess for y in the closed upper half plane (for example the root at a neighbouring
     *        point, for continuation along x), or {@code null}
     */
    public SilversteinSolution solve(final Complex z, final Complex start) {
        Check.that(z != null && z.isFinite(), "The Silverstein equation needs a finite complex z, not " + z + ".");
        if (z.im() < 0) {
            final SilversteinSolution s = solve(z.conjugate(), start == null ? null : start.conjugate());
            return new SilversteinSolution(z, s.y().conjugate(), s.iterations(), s.residual(), s.converged());
        }
        final double x = z.re();
        if (z.im() == 0 && !insideSupport(x)) {
            final double y = solveReal(x);
            return new SilversteinSolution(z, Complex.real(y), 0, residual(Complex.real(y), z), true);
        }
        int spent = 0;
        final Complex first = start != null && start.im() > 0 ? start : defaultStart(z);
        SilversteinSolution s = newton(z, first);
        spent += s.iterations();
        if (s.converged() && (z.im() > 0 || s.y().im() > CERTAIN_IMAGINARY * s.y().abs())) {
            return s;
        }
        s = continuation(z);
        return new SilversteinSolution(z, s.y(), spent + s.iterations(), s.residual(), s.converged());
    }

    /**
     * The real root y of x(y) = x on the physical branch, for real x outside the open support (the edges
     * included, where y is the critical point).
     *
     * @throws IllegalArgumentException for x inside the support
     */
    public double solveReal(final double x) {
        Check.finite("x", x);
        final int last = edges.length - 1;
        if (x <= edges[0]) {
            return x == edges[0] ? critical[0] : increasingRoot(x, Double.NEGATIVE_INFINITY, critical[0]);
        }
        if (x >= edges[last]) {
            return x == edges[last] ? critical[last] : increasingRoot(x, critical[last], Double.POSITIVE_INFINITY);
        }
        for (int i = 1; i < last; i += 2) {
            if (x >= edges[i] && x <= edges[i + 1]) {
                return increasingRoot(x, critical[i], critical[i + 1]);
            }
        }
        throw new IllegalArgumentException("x = " + x + " lies inside the support " + support
            + "; the solution there is complex: use solve(z).");
    }

    /** Whether x lies in the open interior of one support interval. */
    public boolean insideSupport(final double x) {
        for (int i = 0; i < edges.length; i += 2) {
            if (x > edges[i] && x < edges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** {S1, S2} = {sum w tau/(y - tau), sum w tau^2/(y - tau)^2} at complex y, as {re S1, im S1, re S2, im S2}. */
    private double[] sums(final double yr, final double yi) {
        double s1r = 0;
        double s1i = 0;
        double s2r = 0;
        double s2i = 0;
        for (int k = 0; k < tau.length; k++) {
            final double dr = yr - tau[k];
            final double q = tau[k] / (dr * dr + yi * yi);
            final double ir = q * dr;
            final double ii = -q * yi;
            s1r += weight[k] * ir;
            s1i += weight[k] * ii;
            s2r += weight[k] * (ir * ir - ii * ii);
            s2i += weight[k] * 2 * ir * ii;
        }
        return new double[] {s1r, s1i, s2r, s2i};
    }

    /**
     * Size |y| (1 + c sum w tau/|y - tau|) + |z| of the terms summed in x(y) - z: residuals below TOLERANCE
     * times this are rounding noise.
     */
    private double magnitude(final Complex y, final Complex z) {
        double a = 0;
        for (int k = 0; k < tau.length; k++) {
            a += weight[k] * tau[k] / Math.hypot(y.re() - tau[k], y.im());
        }
        return y.abs() * (1 + ratio * a) + z.abs();
    }

    /** |x(y) - z| relative to the larger of |z| and |y|. */
    private double residual(final Complex y, final Complex z) {
        return map(y).minus(z).abs() / Math.max(Double.MIN_NORMAL, Math.max(z.abs(), y.abs()));
    }

    /** Near the closest edge x(y) ~ e + x''(y*)(y - y*)^2 / 2, which gives y; far from the support y ~ z. */
    private Complex defaultStart(final Complex z) {
        if (z.im() > 0) {
            return z;
        }
        int best = 0;
        for (int i = 1; i < edges.length; i++) {
            if (Math.abs(z.re() - edges[i]) < Math.abs(z.re() - edges[best])) {
                best = i;
            }
        }
        final double dist = Math.abs(z.re() - edges[best]);
        final double curv = Math.abs(curvature(critical[best]));
        return new Complex(critical[best], Math.max(Math.sqrt(2 * dist / curv), 1e-8 * scale));
    }

    /**
     * Damped Newton keeping Im y > 0, until the residual reaches the rounding level of evaluating x(y) - z
     * (TOLERANCE times the size of its terms), or no step along the Newton direction reduces it.
     */
    private SilversteinSolution newton(final Complex z, final Complex start) {
        Complex y = start;
        Complex f = map(y).minus(z);
        double norm = f.abs();
        for (int it = 0; it < MAX_NEWTON; it++) {
            if (norm <= TOLERANCE * magnitude(y, z)) {
                return new SilversteinSolution(z, y, it, residual(y, z), true);
            }
            final Complex step = f.divide(slope(y));
            boolean accepted = false;
            double t = 1;
            for (int h = 0; h < 60 && !accepted; h++) {
                final Complex next = y.minus(step.times(t));
                if (next.im() > 0 && next.isFinite()) {
                    final Complex fn = map(next).minus(z);
                    if (fn.abs() < norm) {
                        y = next;
                        f = fn;
                        norm = fn.abs();
                        accepted = true;
                    }
                }
                t *= 0.5;
            }
            if (!accepted) {
                return new SilversteinSolution(z, y, it + 1, residual(y, z), norm <= 1e2 * TOLERANCE * magnitude(y, z));
            }
        }
        return new SilversteinSolution(z, y, MAX_NEWTON, residual(y, z), norm <= 1e2 * TOLERANCE * magnitude(y, z));
    }

    /**
     * Fixed point y <- z' - c y S(y) at z' = Re z + i scale, where it contracts, then Newton along
     * eta = scale, scale/10, ... down to Im z, refining the steps where Newton fails.
     */
    private SilversteinSolution continuation(final Complex z) {
        final double target = z.im();
        double eta = Math.max(target, scale);
        Complex y = new Complex(z.re(), eta);
        int spent = 0;
        final Complex top = new Complex(z.re(), eta);
        for (int it = 0; it < 2000; it++) {
            final double[] s = sums(y.re(), y.im());
            final Complex next = top.minus(y.times(new Complex(ratio * s[0], ratio * s[1])));
            spent++;
            final boolean done = next.minus(y).abs() <= 1e-12 * scale;
            y = next;
            if (done) {
                break;
            }
        }
        double factor = 0.1;
        SilversteinSolution s = newton(top, y);
        spent += s.iterations();
        y = s.y();
        while (eta > target) {
            double next = Math.max(target, eta * factor);
            if (next < 1e-14 * scale) {
                next = target;
            }
            s = newton(new Complex(z.re(), next), y);
            spent += s.iterations();
            if (s.converged()) {
                y = s.y();
                eta = next;
                factor = 0.1;
            } else {
                factor = Math.sqrt(factor);
                if (factor > 0.999) {
                    break;
                }
            }
        }
        return new SilversteinSolution(z, y, spent, residual(y, z), eta == target && s.converged());
    }

    /** Zeros y* of x'(y), ascending; they map to the edges l_1 < u_1 < l_2 < ... */
    private List<Double> criticalPoints() {
        final List<Double> ys = new ArrayList<>();
        final int last = tau.length - 1;
        double h = tau[0];
        while (slope(tau[0] - h) <= 0) {
            h *= 2;
        }
        ys.add(bisect(this::slope, tau[0] - h, tau[0], 1));
        for (int k = 0; k < last; k++) {
            final double top = bisect(this::curvature, tau[k], tau[k + 1], 1);
            if (slope(top) > 0) {
                ys.add(bisect(this::slope, tau[k], top, -1));
                ys.add(bisect(this::slope, top, tau[k + 1], 1));
            }
        }
        h = tau[last];
        while (slope(tau[last] + h) <= 0) {
            h *= 2;
        }
        ys.add(bisect(this::slope, tau[last], tau[last] + h, -1));
        return ys;
    }

    /**
     * Root of f on (from, to) where f has the sign {@code leftSign} near {@code from} and the opposite sign
     * near {@code to}; the ends are never evaluated (they may be poles).
     */
    private static double bisect(final DoubleUnaryOperator f, final double from, final double to, final double leftSign) {
        double lo = from;
        double hi = to;
        double mid = 0.5 * (lo + hi);
        for (int it = 0; it < 3000; it++) {
            mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            final double v = f.applyAsDouble(mid);
            if (v == 0) {
                return mid;
            }
            if (Math.signum(v) == leftSign) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return mid;
    }

    /** Root of x(y) = target on a branch (lo, hi) where x is increasing; infinite ends are pushed out first. */
    private double increasingRoot(final double target, final double from, final double to) {
        double lo = from;
        double hi = to;
        if (Double.isInfinite(lo)) {
            double h = Math.abs(target) + scale;
            lo = hi - h;
            while (map(lo) > target) {
                h *= 2;
                lo = hi - h;
            }
        }
        if (Double.isInfinite(hi)) {
            double h = Math.abs(target) + scale;
            hi = lo + h;
            while (map(hi) < target) {
                h *= 2;
                hi = lo + h;
            }
        }
        double y = 0.5 * (lo + hi);
        for (int it = 0; it < 3000; it++) {
            final double g = map(y) - target;
            if (g == 0) {
                return y;
            }
            if (g < 0) {
                lo = y;
            } else {
                hi = y;
            }
            final double d = slope(y);
            double next = d > 0 ? y - g / d : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (next == y || hi - lo <= 2 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)))) {
                return next;
            }
            y = next;
        }
        return y;
    }
}
