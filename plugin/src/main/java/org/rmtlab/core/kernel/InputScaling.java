package org.rmtlab.core.kernel;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * How data are scaled before the random feature map sigma(W X). The theory of Louart, Liao and
 * Couillet (2018, Sec. 2, assumption of bounded ||X||) takes samples of length ||x|| = O(1), so that
 * the pre-activations w.x ~ N(0, ||x||^2) have variance O(1) for W with iid unit-variance entries.
 * Data whose p coordinates are each of order 1 have ||x||^2 ~ p; dividing every sample by sqrt(p)
 * brings them to that regime ({@link #SQRT_P}). Data already scaled that way, like the Data
 * Generator's "normalised" samples x = z / sqrt(p), are used as they are ({@link #NONE}).
 */
public enum InputScaling {
    /** Samples used as they are. */
    NONE("none"),
    /** Every sample divided by sqrt(p). */
    SQRT_P("sqrt-p");

    private final String id;

    InputScaling(final String id) {
        this.id = id;
    }

    /** Stable id, saved in workflows. */
    public String id() {
        return id;
    }

    /** The factor applied to data of dimension p: 1 or 1/sqrt(p). */
    public double factor(final int p) {
        return this == NONE ? 1 : 1 / Math.sqrt(p);
    }

    /** Scales the p x n matrix {@code x} (samples as columns) in place and returns it. */
    public DMatrixRMaj apply(final DMatrixRMaj x) {
        if (this != NONE) {
            CommonOps_DDRM.scale(factor(x.numRows), x);
        }
        return x;
    }

    /** @throws IllegalArgumentException naming the valid ids */
    public static InputScaling fromId(final String id) {
        if (id != null) {
            for (InputScaling s : values()) {
                if (s.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("Unknown input scaling '" + id + "'. Choose 'none' (samples of length "
            + "about 1, as the Data Generator's normalised scale gives) or 'sqrt-p' (divide every sample by sqrt(p), "
            + "for data with coordinates of order 1).");
    }
}
