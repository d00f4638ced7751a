package org.rmtlab.core.dynamics;

import java.util.function.DoubleUnaryOperator;

import org.rmtlab.core.util.Check;

/**
 * The early-stopping time: where a theory curve (a test risk or test error as a function of time) is
 * lowest. The search covers tau = 0, a range [from, to] and tau = +infinity (the end of training).
 *
 * <p>Method: the curve is evaluated on a fine logarithmic grid over [from, to] (curves of learning dynamics
 * change on a logarithmic time scale), then the best interior grid point is refined by golden-section
 * search on log tau between its neighbours. Gradient descent restricts the answer to whole steps. When the
 * curve keeps decreasing (the limit is as good as the grid minimum within 1e-12 relative), the optimum is
 * +infinity: stopping early does not help.
 */
public final class EarlyStopping {
    private static final int GRID = 241;
    private static final int GOLDEN_ITERATIONS = 100;
    private static final double TIE = 1e-12;

    private EarlyStopping() {
    }

    /**
     * @param tau the optimal time: 0, a finite time, or +infinity
     * @param value the curve at that time
     */
    public record Optimum(double tau, double value) {
    }

    /**
     * @param curve the curve as a function of tau (must accept 0 and +infinity)
     * @param method decides which times are reachable (whole steps for gradient descent)
     * @param from smallest positive time of the scan, > 0
     * @param to largest finite time of the scan, > from
     */
    public static Optimum minimize(final DoubleUnaryOperator curve, final GradientMethod method, final double from,
        final double to) {
        Check.that(from > 0 && to > from && Double.isFinite(to), "The early-stopping scan needs 0 < from < to < infinity.");
        final double[] taus = new double[GRID];
        final double[] values = new double[GRID];
        int best = 0;
        for (int j = 0; j < GRID; j++) {
            taus[j] = method.snap(from * Math.pow(to / from, j / (GRID - 1.0)));
            values[j] = curve.applyAsDouble(taus[j]);
            if (values[j] < values[best]) {
                best = j;
            }
        }
        final double atZero = curve.applyAsDouble(0);
        final double atInfinity = curve.applyAsDouble(Double.POSITIVE_INFINITY);
        final double gridMin = values[best];
        if (atInfinity <= gridMin + TIE * Math.abs(gridMin)) {
            return new Optimum(Double.POSITIVE_INFINITY, atInfinity);
        }
        if (atZero <= gridMin) {
            return new Optimum(0, atZero);
        }
        if (best == 0 || best == GRID - 1) {
            return new Optimum(taus[best], gridMin);
        }
        return refine(curve, method, taus[best - 1], taus[best + 1], new Optimum(taus[best], gridMin));
    }

    private static Optimum refine(final DoubleUnaryOperator curve, final GradientMethod method, final double lo,
        final double hi, final Optimum start) {
        final double ratio = (Math.sqrt(5) - 1) / 2;
        double a = Math.log(lo);
        double b = Math.log(hi);
        double x1 = b - ratio * (b - a);
        double x2 = a + ratio * (b - a);
        double f1 = curve.applyAsDouble(method.snap(Math.exp(x1)));
        double f2 = curve.applyAsDouble(method.snap(Math.exp(x2)));
        for (int i = 0; i < GOLDEN_ITERATIONS && b - a > 1e-13; i++) {
            if (f1 <= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - ratio * (b - a);
                f1 = curve.applyAsDouble(method.snap(Math.exp(x1)));
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + ratio * (b - a);
                f2 = curve.applyAsDouble(method.snap(Math.exp(x2)));
            }
        }
        Optimum best = start;
        for (double x : new double[] {x1, x2}) {
            final double tau = method.snap(Math.exp(x));
            final double v = curve.applyAsDouble(tau);
            if (v < best.value()) {
                best = new Optimum(tau, v);
            }
        }
        if (method instanceof GradientMethod.Descent d) {
            // the snapped golden search can stop one step off the best whole step
            for (int s = -2; s <= 2; s++) {
                final double tau = d.snap(Math.max(0, best.tau() + s * d.alpha()));
                final double v = curve.applyAsDouble(tau);
                if (v < best.value()) {
                    best = new Optimum(tau, v);
                }
            }
        }
        return best;
    }
}
