package org.rmtlab.core.dynamics;

/**
 * Global minimum of the noiseless test loss over [0, horizon] and its long-time limit.
 *
 * @param time where the minimum is attained (= horizon when the loss still decreases there)
 * @param value the minimum test loss
 * @param limit the long-time limit ({@link RandomFeatureFlow#noiselessTestLimit()})
 * @param horizon end of the searched interval
 */
public record TestLossMinimum(double time, double value, double limit, double horizon) {
    /** Differences below this are not resolved by the theory (its accuracy is about 1e-12, see the tests). */
    public static final double TOLERANCE = 1e-9;

    /**
     * True when the loss rises again after an interior minimum: the minimum lies before the horizon and
     * more than {@link #TOLERANCE} below the long-time limit. The loss always starts decreasing (its slope at t = 0 is -2 (1/D) tr BC = -2).
     */
    public boolean nonMonotone() {
        return time < horizon && value < limit - TOLERANCE;
    }

    /** How much the loss rises from its minimum to its limit (negative or zero for a monotone loss). */
    public double rise() {
        return limit - value;
    }
}
