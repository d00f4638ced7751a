package org.rmtlab.core.dynamics;

import org.rmtlab.core.util.Rng;

/** Small helpers shared by the simulations of this package. */
final class SimulationSupport {
    private SimulationSupport() {
    }

    /** A seed for {@link org.rmtlab.core.data.DataGenerator}, drawn from a trial's stream so that trials are independent. */
    static long dataSeed(final Rng rng) {
        return (long) rng.nextInt(Integer.MAX_VALUE) << 31 ^ rng.nextInt(Integer.MAX_VALUE);
    }

    static double dot(final double[] a, final double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
