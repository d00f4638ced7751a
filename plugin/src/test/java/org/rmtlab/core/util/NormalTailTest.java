package org.rmtlab.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalTailTest {

    @Test
    // reference values of P(N(0,1) > x) from an independent implementation (SciPy's norm.sf, Cephes ndtr)
    void matchesReferenceValuesToRelativePrecision() {
        final double[][] ref = {
            {-3, 0.9986501019683699}, {-1, 0.8413447460685429}, {0, 0.5}, {0.5, 0.3085375387259869},
            {1, 0.15865525393145707}, {1.96, 0.024997895148220435}, {2.4999, 0.006211418374944587},
            {2.5, 0.006209665325776132}, {3, 0.0013498980316300933}, {5, 2.866515718791933e-07},
            {8, 6.22096057427174e-16}, {10, 7.61985302416047e-24}, {20, 2.7536241186061556e-89}};
        for (double[] r : ref) {
            assertEquals(r[1], Erf.normalTail(r[0]), 1e-13 * r[1], "x = " + r[0]);
        }
    }

    @Test
    // the two branches (series below 2.5, continued fraction above) must agree with the derivative -phi(x)
    void derivativeIsMinusTheDensityAcrossTheSwitch() {
        for (double x : new double[] {0.3, 2.4, 2.5, 2.6, 6}) {
            // central difference: truncation (h x)^2 / 6 ~ 2e-10, rounding 1e-16 Q / (h phi) ~ 1e-10 (relative)
            final double h = 1e-6 * Math.max(1, x);
            final double slope = (Erf.normalTail(x + h) - Erf.normalTail(x - h)) / (2 * h);
            assertEquals(-Erf.normalDensity(x), slope, 1e-8 * Erf.normalDensity(x), "x = " + x);
        }
    }

    @Test
    void limitsAndSymmetry() {
        assertEquals(1, Erf.normalTail(Double.NEGATIVE_INFINITY), 0);
        assertEquals(0, Erf.normalTail(Double.POSITIVE_INFINITY), 0);
        assertEquals(true, Double.isNaN(Erf.normalTail(Double.NaN)));
        for (double x : new double[] {0.1, 1.7, 3.3}) {
            assertEquals(1, Erf.normalTail(x) + Erf.normalTail(-x), 1e-15);
        }
    }
}
