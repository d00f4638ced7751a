package org.rmtlab.core.dynamics;

import java.util.Locale;

import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

/**
 * Adaptive explicit Runge–Kutta integrator of order 5 with an embedded order-4 error estimate
 * (Dormand and Prince 1980, the "RK45" pair; Hairer, Nørsett, Wanner, Solving ODE I, Sec. II.5).
 *
 * <p>Why adaptive: the gradient flows of this package have a fast initial transient and slow late
 * phases (plateaus of the saddle-to-saddle curves), so a fixed step is either wasteful or inaccurate.
 * Each step is accepted when the mixed error norm sqrt(mean_i (err_i / (atol + rtol max(|y_i|, |y_i'|)))^2)
 * is at most 1; the next step is h * clamp(0.9 err^(-1/5), 0.2, 5). The last accepted step size is
 * kept between calls, so integrating output interval after output interval costs no restarts.
 */
public final class DormandPrince {

    /** Right-hand side of y' = f(t, y); must write f into {@code dydt} and not modify {@code y}. */
    @FunctionalInterface
    public interface Rhs {
        void derivative(double t, double[] y, double[] dydt);
    }

    private static final double C2 = 1.0 / 5;
    private static final double C3 = 3.0 / 10;
    private static final double C4 = 4.0 / 5;
    private static final double C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40;
    private static final double A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45;
    private static final double A42 = -56.0 / 15;
    private static final double A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561;
    private static final double A52 = -25360.0 / 2187;
    private static final double A53 = 64448.0 / 6561;
    private static final double A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168;
    private static final double A62 = -355.0 / 33;
    private static final double A63 = 46732.0 / 5247;
    private static final double A64 = 49.0 / 176;
    private static final double A65 = -5103.0 / 18656;
    private static final double B1 = 35.0 / 384;
    private static final double B3 = 500.0 / 1113;
    private static final double B4 = 125.0 / 192;
    private static final double B5 = -2187.0 / 6784;
    private static final double B6 = 11.0 / 84;
    // difference between the order-5 and the embedded order-4 weights
    private static final double E1 = 71.0 / 57600;
    private static final double E3 = -71.0 / 16695;
    private static final double E4 = 71.0 / 1920;
    private static final double E5 = -17253.0 / 339200;
    private static final double E6 = 22.0 / 525;
    private static final double E7 = -1.0 / 40;

    /** Refuse runs that would need more steps than this: a sign of a stiff or exploding system. */
    private static final long MAX_STEPS = 2_000_000;

    private final double rtol;
    private final double atol;
    private final double[] k1;
    private final double[] k2;
    private final double[] k3;
    private final double[] k4;
    private final double[] k5;
    private final double[] k6;
    private final double[] k7;
    private final double[] stage;
    private final double[] next;
    private double step;
    private long steps;
    private long rejected;

    /**
     * @param dimension length of the state vector
     * @param rtol relative tolerance per component (for example 1e-7)
     * @param atol absolute tolerance per component (for example 1e-9)
     */
    public DormandPrince(final int dimension, final double rtol, final double atol) {
        if (!(rtol > 0) || !(atol > 0)) {
            throw new IllegalArgumentException("The integrator tolerances must be > 0, but are rtol = " + rtol
                + ", atol = " + atol + ".");
        }
        this.rtol = rtol;
        this.atol = atol;
        k1 = new double[dimension];
        k2 = new double[dimension];
        k3 = new double[dimension];
        k4 = new double[dimension];
        k5 = new double[dimension];
        k6 = new double[dimension];
        k7 = new double[dimension];
        stage = new double[dimension];
        next = new double[dimension];
    }

    /** Accepted steps so far (all calls). */
    public long steps() {
        return steps;
    }

    /** Rejected step attempts so far (all calls). */
    public long rejectedSteps() {
        return rejected;
    }

    /**
     * Advances {@code y} in place from {@code t0} to {@code t1 >= t0}.
     *
     * @throws IllegalArgumentException when the state becomes NaN/infinite or the step count explodes
     * @throws CancelledException when the user cancels (checked every 64 steps)
     */
    public void integrate(final Rhs f, final double t0, final double[] y, final double t1, final Progress progress)
        throws CancelledException {
        if (t1 < t0) {
            throw new IllegalArgumentException("Integration must go forward in time, but t1 = " + t1 + " < t0 = " + t0 + ".");
        }
        if (t1 == t0) {
            return;
        }
        final int n = y.length;
        double t = t0;
        f.derivative(t, y, k1);
        if (step <= 0) {
            step = initialStep(y, t1 - t0);
        }
        while (t < t1) {
            if ((steps + rejected) % 64 == 0) {
                progress.checkCancelled();
            }
            if (steps + rejected > MAX_STEPS) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "The ODE needed more than %d steps to reach t = %g (stopped at t = %g); the dynamics are too stiff "
                        + "or diverge. Reduce the time horizon or the learning-rate scale.", MAX_STEPS, t1, t));
            }
            final double h = Math.min(step, t1 - t);
            for (int i = 0; i < n; i++) {
                stage[i] = y[i] + h * A21 * k1[i];
            }
            f.derivative(t + C2 * h, stage, k2);
            for (int i = 0; i < n; i++) {
                stage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
            }
            f.derivative(t + C3 * h, stage, k3);
            for (int i = 0; i < n; i++) {
                stage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            }
            f.derivative(t + C4 * h, stage, k4);
            for (int i = 0; i < n; i++) {
                stage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            }
            f.derivative(t + C5 * h, stage, k5);
            for (int i = 0; i < n; i++) {
                stage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            }
            f.derivative(t + h, stage, k6);
            for (int i = 0; i < n; i++) {
                next[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
            }
            f.derivative(t + h, next, k7);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                final double err = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                final double scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(next[i]));
                final double r = err / scale;
                sum += r * r;
            }
            final double err = Math.sqrt(sum / n);
            if (!Double.isFinite(err)) {
                if (h < 1e-12 * Math.max(1, Math.abs(t))) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "The dynamics diverged near t = %g (the state is no longer finite). Reduce the time horizon "
                            + "or the learning-rate scale.", t));
                }
                step = h * 0.2;
                rejected++;
                continue;
            }
            if (err <= 1) {
                t = (h == t1 - t) ? t1 : t + h;
                System.arraycopy(next, 0, y, 0, n);
                System.arraycopy(k7, 0, k1, 0, n);
                steps++;
                final double proposal = h * clamp(err == 0 ? 5 : 0.9 * Math.pow(err, -0.2));
                // a step cut short to land on t1 may only shrink the step size, never grow it
                if (h == step || proposal < h) {
                    step = proposal;
                }
            } else {
                step = h * Math.max(0.2, 0.9 * Math.pow(err, -0.2));
                rejected++;
            }
        }
    }

    private static double clamp(final double factor) {
        return Math.min(5, Math.max(0.2, factor));
    }

    /** A first step from the size of y and y' (Hairer et al., Sec. II.4, simplified): h = 0.01 ||y|| / ||y'||. */
    private double initialStep(final double[] y, final double span) {
        double ny = 0;
        double nf = 0;
        for (int i = 0; i < y.length; i++) {
            final double s = atol + rtol * Math.abs(y[i]);
            ny += (y[i] / s) * (y[i] / s);
            nf += (k1[i] / s) * (k1[i] / s);
        }
        ny = Math.sqrt(ny / y.length);
        nf = Math.sqrt(nf / y.length);
        final double h = (ny < 1e-5 || nf < 1e-5) ? 1e-6 : 0.01 * ny / nf;
        return Math.min(h, span);
    }
}
