package org.rmtlab.core.kernel;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;
import org.rmtlab.core.util.GaussLegendre;

/**
 * Expectations E[f(xi)], xi ~ N(0, 1), by globally adaptive Gauss–Legendre quadrature of f(x) phi(x)
 * on [-L, L], L = 38 (the mass beyond is below 1e-300).
 *
 * <p>Why not Gauss–Hermite: a Gauss–Hermite rule converges fast only when f is smooth on the scale of
 * its node spacing; f(x) = sigma(sqrt(v) x) has kinks (ReLU) or very steep parts (tanh with a large
 * variance v). Adaptive bisection on fixed breakpoints (0, +-1, +-2, +-4, ...) places nodes where f
 * changes, so kinks at 0 cost nothing and steep parts cost a few bisections. Each interval is
 * estimated by a 10-point Gauss–Legendre rule on each half and its error by the difference with the
 * same rule on the whole interval; the interval with the largest error is split until the summed error
 * meets the tolerance or an evaluation budget is spent (never a hang).
 */
public final class NormalExpectation {
    /** Half-width of the integration range: phi(38) ~ 1e-314. */
    static final double RANGE = 38;
    private static final double[] BREAKS = {-RANGE, -16, -8, -4, -2, -1, 0, 1, 2, 4, 8, 16, RANGE};
    private static final int ORDER = 10;
    private static final GaussLegendre GL = new GaussLegendre(ORDER);
    /** Budget of integrand evaluations per integral. */
    private static final int MAX_EVALUATIONS = 400_000;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    /** A vector-valued integrand; {@code out} has the dimension given to {@link #integral}. */
    @FunctionalInterface
    public interface VectorFunction {
        void value(double x, double[] out);
    }

    private NormalExpectation() {
    }

    /**
     * E[f(xi)] to the relative accuracy {@code relTol} with respect to E[|f(xi)|].
     *
     * @throws IllegalArgumentException when f is not finite somewhere on [-38, 38]
     */
    public static double of(final DoubleUnaryOperator f, final double relTol) {
        final VectorFunction both = (x, out) -> {
            final double v = f.applyAsDouble(x) * density(x);
            out[0] = v;
            out[1] = Math.abs(v);
        };
        return adapt(both, 2, est -> relTol * est[1] + Double.MIN_NORMAL, 0)[0];
    }

    /** E[f(xi)] to the absolute accuracy {@code absTol}. */
    public static double absolute(final DoubleUnaryOperator f, final double absTol) {
        return absolute(f, absTol, 0);
    }

    /**
     * E[f(xi)] to the absolute accuracy {@code absTol}, with {@code singular} as an extra breakpoint:
     * where f may jump or have a kink (for sigma(c1 x + c2 y) as a function of y, at y = -c1 x / c2).
     * A jump inside an interval can fool the error estimate; on a breakpoint it costs nothing.
     */
    public static double absolute(final DoubleUnaryOperator f, final double absTol, final double singular) {
        return adapt((x, out) -> out[0] = f.applyAsDouble(x) * density(x), 1, est -> absTol, singular)[0];
    }

    /**
     * The plain integral of a vector function over [-38, 38], every component to the absolute accuracy
     * {@code absTol}. The caller folds the normal density into F (for example to keep Hermite
     * functions bounded, see {@link HermiteExpansion}).
     */
    public static double[] integral(final VectorFunction f, final int dim, final double absTol) {
        return adapt(f, dim, est -> absTol, 0);
    }

    /** phi(x) = exp(-x^2/2) / sqrt(2 pi). */
    static double density(final double x) {
        return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
    }

    private interface Tolerance {
        double of(double[] estimate);
    }

    /** One interval: the refined value (sum of the two halves), its error estimate, and the halves. */
    private static final class Piece implements Comparable<Piece> {
        final double lo;
        final double hi;
        final double[] left;
        final double[] right;
        final double[] value;
        final double error;

        Piece(final double lo, final double hi, final double[] whole, final VectorFunction f, final int dim) {
            this.lo = lo;
            this.hi = hi;
            final double mid = 0.5 * (lo + hi);
            left = rule(f, lo, mid, dim);
            right = rule(f, mid, hi, dim);
            value = new double[dim];
            double err = 0;
            for (int k = 0; k < dim; k++) {
                value[k] = left[k] + right[k];
                err = Math.max(err, Math.abs(value[k] - whole[k]));
            }
            error = err;
        }

        @Override
        public int compareTo(final Piece o) {
            return Double.compare(o.error, error);
        }
    }

    private static double[] adapt(final VectorFunction f, final int dim, final Tolerance tol, final double singular) {
        final PriorityQueue<Piece> queue = new PriorityQueue<>();
        final double[] total = new double[dim];
        double error = 0;
        final double[] breaks = breaks(singular);
        for (int b = 0; b + 1 < breaks.length; b++) {
            final Piece p = new Piece(breaks[b], breaks[b + 1], rule(f, breaks[b], breaks[b + 1], dim), f, dim);
            queue.add(p);
            error += p.error;
            add(total, p.value, 1);
        }
        int evaluations = queue.size() * 3 * ORDER;
        while (error > tol.of(total) && evaluations < MAX_EVALUATIONS) {
            final Piece worst = queue.poll();
            final double mid = 0.5 * (worst.lo + worst.hi);
            final Piece a = new Piece(worst.lo, mid, worst.left, f, dim);
            final Piece b = new Piece(mid, worst.hi, worst.right, f, dim);
            evaluations += 4 * ORDER;
            add(total, worst.value, -1);
            add(total, a.value, 1);
            add(total, b.value, 1);
            error += a.error + b.error - worst.error;
            queue.add(a);
            queue.add(b);
        }
        // re-sum to remove the drift of the running updates
        final double[] sum = new double[dim];
        for (Piece p : queue) {
            add(sum, p.value, 1);
        }
        return sum;
    }

    /** The fixed breakpoints plus {@code singular} when it lies strictly inside the range. */
    private static double[] breaks(final double singular) {
        if (!(Math.abs(singular) < RANGE) || Arrays.binarySearch(BREAKS, singular) >= 0) {
            return BREAKS;
        }
        final double[] b = Arrays.copyOf(BREAKS, BREAKS.length + 1);
        b[BREAKS.length] = singular;
        Arrays.sort(b);
        return b;
    }

    private static void add(final double[] acc, final double[] v, final double sign) {
        for (int k = 0; k < acc.length; k++) {
            acc[k] += sign * v[k];
        }
    }

    /** ORDER-point Gauss–Legendre rule on [lo, hi]. */
    private static double[] rule(final VectorFunction f, final double lo, final double hi, final int dim) {
        final double half = 0.5 * (hi - lo);
        final double mid = 0.5 * (hi + lo);
        final double[] sum = new double[dim];
        final double[] v = new double[dim];
        for (int i = 0; i < ORDER; i++) {
            final double x = mid + half * GL.node(i);
            f.value(x, v);
            for (int k = 0; k < dim; k++) {
                if (!Double.isFinite(v[k])) {
                    throw new IllegalArgumentException("The function to average is " + v[k] + " at the Gaussian point "
                        + x + "; an activation must stay finite wherever its Gaussian input can fall.");
                }
                sum[k] += GL.weight(i) * v[k];
            }
        }
        for (int k = 0; k < dim; k++) {
            sum[k] *= half;
        }
        return sum;
    }
}
