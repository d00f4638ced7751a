package org.rmtlab.core.dynamics;

import java.util.Arrays;

import org.rmtlab.core.util.Rng;

/** Small helpers shared by the simulations of this package. */
final class SimulationSupport {
    private SimulationSupport() {
    }

    /** A seed for {@link org.rmtlab.core.data.DataGenerator}, drawn from a trial's stream so that trials are independent. */
    static long dataSeed(final Rng rng) {
        return (long) rng.nextInt(Integer.MAX_VALUE) << 31 ^ rng.nextInt(Integer.MAX_VALUE);
    }

    /**
     * Indices of {@code times} in increasing order of time (stable for ties): models that integrate an ODE
     * forward visit the grid in this order and accept it in any order.
     */
    static int[] ascending(final double[] times) {
        final Integer[] idx = new Integer[times.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(times[a], times[b]));
        final int[] out = new int[idx.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
