package org.rmtlab.core.kernel;

import java.util.Locale;

import org.rmtlab.core.util.Rng;

/**
 * Law of the iid entries of the random weight matrix W, both with mean 0 and variance 1.
 * The expected kernels of this package are exact for {@link #GAUSSIAN}; for {@link #RADEMACHER}
 * they hold asymptotically, w.x being Gaussian only up to corrections of order sum_i x_i^4
 * (O(1/p) for normalised, delocalised data). Example: for sigma(t) = t^2 the Rademacher kernel is
 * aa bb + 2 ab^2 - 2 sum_i x_i^2 y_i^2 instead of aa bb + 2 ab^2.
 */
public enum WeightLaw {
    /** N(0, 1). */
    GAUSSIAN("gaussian"),
    /** +1 or -1 with probability 1/2. */
    RADEMACHER("rademacher");

    private final String id;

    WeightLaw(final String id) {
        this.id = id;
    }

    /** Stable id, saved in workflows. */
    public String id() {
        return id;
    }

    /** Fills {@code out} with iid draws in order. */
    void fill(final double[] out, final int length, final Rng rng) {
        if (this == GAUSSIAN) {
            for (int i = 0; i < length; i++) {
                out[i] = rng.gaussian();
            }
        } else {
            for (int i = 0; i < length; i++) {
                out[i] = rng.sign();
            }
        }
    }

    /** @throws IllegalArgumentException naming the valid ids */
    public static WeightLaw fromId(final String id) {
        if (id != null) {
            for (WeightLaw w : values()) {
                if (w.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                    return w;
                }
            }
        }
        throw new IllegalArgumentException("Unknown weight law '" + id + "'. Choose 'gaussian' or 'rademacher'.");
    }
}
