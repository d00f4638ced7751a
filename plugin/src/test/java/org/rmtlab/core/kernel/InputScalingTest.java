package org.rmtlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.Rng;

class InputScalingTest {

    private static DMatrixRMaj unitEntries(final int p, final int n, final long seed) {
        final DMatrixRMaj x = new DMatrixRMaj(p, n);
        new Rng(seed).gaussians(x.data, 1.0);
        return x;
    }

    /** sqrt-p divides every entry by sqrt(p) (to one rounding); none leaves the matrix untouched. */
    @Test
    void scalesEverySampleBySqrtP() {
        final DMatrixRMaj raw = unitEntries(9, 4, 1);
        final DMatrixRMaj scaled = InputScaling.SQRT_P.apply(raw.copy());
        for (int i = 0; i < raw.getNumElements(); i++) {
            assertEquals(raw.data[i] / 3, scaled.data[i], 1e-16 * Math.abs(raw.data[i]));
        }
        final DMatrixRMaj same = raw.copy();
        assertSame(same, InputScaling.NONE.apply(same));
        assertArrayEquals(raw.data, same.data, 0.0);
        assertEquals(1.0, InputScaling.NONE.factor(50), 0.0);
        assertEquals(0.2, InputScaling.SQRT_P.factor(25), 1e-16);
    }

    /**
     * Data with iid N(0, 1) coordinates have ||x||^2 ~ p; after sqrt-p the mean squared length is 1
     * within 5 standard errors: ||x||^2 / p has variance 2/p per sample, so the mean over n samples
     * has standard error sqrt(2 / (p n)).
     */
    @Test
    void sqrtPBringsUnitCoordinatesToUnitLength() {
        final int p = 200;
        final int n = 300;
        final DMatrixRMaj x = unitEntries(p, n, 7);
        assertEquals(p, GaussianEquivalents.inputVariance(x), 5 * p * Math.sqrt(2.0 / (p * n)));
        assertEquals(1.0, GaussianEquivalents.inputVariance(InputScaling.SQRT_P.apply(x)), 5 * Math.sqrt(2.0 / (p * n)));
    }

    @Test
    void idsAreStable() {
        for (InputScaling s : InputScaling.values()) {
            assertSame(s, InputScaling.fromId(" " + s.id().toUpperCase() + " "));
        }
        assertEquals("sqrt-p", InputScaling.SQRT_P.id());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> InputScaling.fromId("unit"));
        assertTrue(e.getMessage().contains("Choose 'none'"), e.getMessage());
    }
}
