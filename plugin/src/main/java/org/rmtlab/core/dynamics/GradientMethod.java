package org.rmtlab.core.dynamics;

import org.rmtlab.core.util.Check;

/**
 * How a quadratic loss is minimised over time: gradient flow or gradient descent. For a loss whose Hessian
 * has an eigenvalue (curvature) y, the error along that eigenvector shrinks by {@link #decay(double, double)}
 * and the pull of the data accumulates as {@link #gain(double, double)}:
 * {@code w(tau) = decay * w0 + gain * b} in that direction, for gradient b of the loss at w = 0 taken with a
 * minus sign (Liao and Couillet 2018, Eq. (4)-(5); Z. Liao's slides, Eq. (15)).
 *
 * <p>Time is always the effective time tau = alpha t (learning rate alpha):
 * <ul>
 * <li>{@link #flow()}: gradient flow {@code dw/dt = -alpha grad L}; decay = exp(-tau y).</li>
 * <li>{@link #descent(double)}: gradient descent {@code w_{t+1} = w_t - alpha grad L(w_t)}, whose t-th iterate
 * has exactly decay = (1 - alpha y)^t with t = tau / alpha steps; times are snapped to whole steps.</li>
 * </ul>
 * Both accept {@code tau = +infinity} (the limit of a stable iteration): decay 0 and gain 1/y for y > 0,
 * decay 1 and gain +infinity for y = 0.
 */
public sealed interface GradientMethod permits GradientMethod.Flow, GradientMethod.Descent {

    /** Gradient flow (continuous time). */
    static GradientMethod flow() {
        return Flow.INSTANCE;
    }

    /**
     * Gradient descent with step (learning rate) alpha.
     *
     * @throws IllegalArgumentException unless alpha is finite and > 0
     */
    static GradientMethod descent(final double alpha) {
        return new Descent(alpha);
    }

    /** {@code flow} or {@code descent}. */
    String id();

    /** Factor left of the initial error along a direction of curvature y >= 0 after time tau. */
    double decay(double y, double tau);

    /** {@code (1 - decay(y, tau)) / y}, with its limit tau (flow) or alpha t (descent) at y = 0. */
    double gain(double y, double tau);

    /** The time actually reached for a requested tau: tau itself for the flow, the nearest whole step for descent. */
    double snap(double tau);

    /** Curvatures at or above this make the iteration diverge: +infinity for the flow, 2 / alpha for descent. */
    double stabilityLimit();

    /** {@link #snap(double)} applied to every time of a grid. */
    default double[] snap(final double[] taus) {
        final double[] out = new double[taus.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = snap(taus[i]);
        }
        return out;
    }

    /**
     * Checks that the largest curvature of a problem is below the stability limit.
     *
     * Finite samples reach slightly beyond the limiting edge (by O(n^(-2/3)) at a bulk edge, O(n^(-1/2)) for an
     * outlier), so a simulation with a step just below the limit can still diverge.
     *
     * @param maxCurvature the largest Hessian eigenvalue (limit of the spectrum's right edge, outlier included)
     * @throws IllegalArgumentException with the largest stable step when it is not
     */
    default void checkStable(final double maxCurvature) {
        Check.that(maxCurvature < stabilityLimit(), String.format(java.util.Locale.ROOT,
            "Gradient descent diverges: the step alpha = %g times the largest curvature %g is %g >= 2. "
                + "Choose alpha < %g.", 2 / stabilityLimit(), maxCurvature, 2 * maxCurvature / stabilityLimit(),
            2 / maxCurvature));
    }

    /** Gradient flow: decay exp(-tau y), gain (1 - exp(-tau y)) / y. */
    record Flow() implements GradientMethod {
        private static final Flow INSTANCE = new Flow();

        @Override
        public String id() {
            return "flow";
        }

        @Override
        public double decay(final double y, final double tau) {
            if (tau == Double.POSITIVE_INFINITY) {
                return y == 0 ? 1 : 0;
            }
            return Math.exp(-tau * y);
        }

        @Override
        public double gain(final double y, final double tau) {
            if (y == 0) {
                return tau;
            }
            if (tau == Double.POSITIVE_INFINITY) {
                return 1 / y;
            }
            // expm1 keeps full precision when tau y is small
            return -Math.expm1(-tau * y) / y;
        }

        @Override
        public double snap(final double tau) {
            return tau;
        }

        @Override
        public double stabilityLimit() {
            return Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Gradient descent with step alpha: decay (1 - alpha y)^t and gain (1 - (1 - alpha y)^t) / y after
     * t = round(tau / alpha) steps.
     *
     * @param alpha the step (learning rate), > 0
     */
    record Descent(double alpha) implements GradientMethod {

        public Descent {
            Check.positive("alpha (gradient descent step)", alpha);
        }

        @Override
        public String id() {
            return "descent";
        }

        /** Whole steps reached at time tau. */
        public double steps(final double tau) {
            return tau == Double.POSITIVE_INFINITY ? tau : Math.rint(tau / alpha);
        }

        @Override
        public double decay(final double y, final double tau) {
            if (tau == Double.POSITIVE_INFINITY) {
                return y == 0 ? 1 : 0;
            }
            // Math.pow is exact in sign for a negative base and a whole exponent (1 < alpha y < 2)
            return Math.pow(1 - alpha * y, steps(tau));
        }

        @Override
        public double gain(final double y, final double tau) {
            final double t = steps(tau);
            if (y == 0) {
                return alpha * t;
            }
            if (tau == Double.POSITIVE_INFINITY) {
                return 1 / y;
            }
            final double ay = alpha * y;
            if (ay < 1 && ay > -1) {
                // 1 - (1 - ay)^t without cancellation for small alpha y
                return -Math.expm1(t * Math.log1p(-ay)) / y;
            }
            return (1 - Math.pow(1 - ay, t)) / y;
        }

        @Override
        public double snap(final double tau) {
            return tau == Double.POSITIVE_INFINITY ? tau : alpha * steps(tau);
        }

        @Override
        public double stabilityLimit() {
            return 2 / alpha;
        }
    }
}
