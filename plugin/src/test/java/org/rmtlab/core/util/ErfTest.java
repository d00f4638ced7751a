package org.rmtlab.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErfTest {

    /** Tabulated values (Abramowitz and Stegun, Table 7.1, extended to 16 digits), to a few ulps. */
    @Test
    void matchesTabulatedValues() {
        assertEquals(0.5204998778130465, Erf.erf(0.5), 5e-16);
        assertEquals(0.8427007929497149, Erf.erf(1), 5e-16);
        assertEquals(0.9953222650189527, Erf.erf(2), 5e-16);
        assertEquals(-0.9661051464753108, Erf.erf(-1.5), 5e-16);
        assertEquals(0.0, Erf.erf(0), 0.0);
        // erfc far in the tail, relative accuracy
        assertEquals(2.209049699858544e-05, Erf.erfc(3), 1e-14 * 2.2e-5);
        assertEquals(1.537459794428035e-12, Erf.erfc(5), 1e-14 * 1.5e-12);
        assertEquals(2.088487583762545e-45, Erf.erfc(10), 1e-14 * 2.1e-45);
        assertEquals(2 - 2.209049699858544e-05, Erf.erfc(-3), 4e-16);
    }

    /**
     * erf' = (2/sqrt(pi)) e^{-x^2}: central differences with step h = 1e-4 have truncation error
     * about h^2 |erf'''|/6 &lt; 1e-8 and rounding error about 1e-16/h = 1e-12, so 1e-8 is the tolerance.
     * Covers both sides of the switch between series and continued fraction at |x| = 3.
     */
    @Test
    void derivativeIsTheGaussianDensity() {
        final double h = 1e-4;
        for (double x = -6; x <= 6; x += 0.37) {
            final double slope = (Erf.erf(x + h) - Erf.erf(x - h)) / (2 * h);
            assertEquals(2 / Math.sqrt(Math.PI) * Math.exp(-x * x), slope, 1e-8, "x = " + x);
        }
    }

    @Test
    void normalCdfIsSymmetricAndMonotone() {
        double prev = 0;
        for (double t = -30; t <= 30; t += 0.25) {
            final double phi = Erf.normalCdf(t);
            assertEquals(1.0, phi + Erf.normalCdf(-t), 1e-15, "t = " + t);
            assertTrue(phi >= prev, "monotone at t = " + t);
            prev = phi;
        }
        assertEquals(0.5, Erf.normalCdf(0), 0.0);
        assertEquals(Double.NaN, Erf.erf(Double.NaN), 0.0);
    }
}
