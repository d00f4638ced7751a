package org.rmtlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HermiteExpansionTest {

    /**
     * sin(s xi) = sum_k h_k p_k(xi) with h_k = s^k e^{-s^2/2} sin(k pi/2) / sqrt(k!), from
     * E[e^{i s xi} He_k(xi)] = (i s)^k e^{-s^2/2}. Smooth: the Gauss–Hermite path; the coefficients are
     * sums of q terms of size at most sqrt(E[sigma^2]) &lt;= 1, so 1e-14 absolute.
     */
    @Test
    void sineCoefficientsMatchTheirClosedForm() {
        final double v = 2;
        final HermiteExpansion e = HermiteExpansion.of(Activations.byId("sin"), v);
        assertTrue(e.resolved());
        assertTrue(e.order() >= 30);
        final double s = Math.sqrt(v);
        double factor = Math.exp(-v / 2);
        for (int k = 0; k <= 30; k++) {
            assertEquals(factor * Math.sin(k * Math.PI / 2), e.coefficient(k), 1e-14, "k = " + k);
            factor *= s / Math.sqrt(k + 1.0);
        }
        assertEquals(Math.exp(-v) * Math.sinh(v), e.secondMoment(), 1e-14);
    }

    /**
     * ReLU at v = 1 has a kink, so the expansion is not resolved and the coefficients come from adaptive
     * quadrature. Exact values: h_0 = 1/sqrt(2 pi), h_1 = 1/2, and for k = 2m + 2,
     * E[|xi| He_k(xi)] = 2 He_{k-2}(0) phi(0) = 2 (-1)^m (2m - 1)!! / sqrt(2 pi) (integrate by parts
     * with He_k phi = (-1)^k phi^(k)), so h_k = (-1)^m (2m - 1)!! / (sqrt(2 pi) sqrt(k!)); odd k &gt; 1 vanish.
     */
    @Test
    void reluCoefficientsMatchTheirClosedForm() {
        final HermiteExpansion e = HermiteExpansion.of(Activations.byId("relu"), 1);
        assertFalse(e.resolved());
        assertEquals(1 / Math.sqrt(2 * Math.PI), e.coefficient(0), 1e-13);
        assertEquals(0.5, e.coefficient(1), 1e-13);
        double doubleFactorial = 1;
        double factorial = 2;
        for (int k = 2; k <= 40; k++) {
            if (k % 2 == 0) {
                final int m = (k - 2) / 2;
                final double expected = (m % 2 == 0 ? 1 : -1) * doubleFactorial / Math.sqrt(2 * Math.PI * factorial);
                assertEquals(expected, e.coefficient(k), 1e-13, "k = " + k);
                doubleFactorial *= 2 * m + 1;
            } else {
                assertEquals(0.0, e.coefficient(k), 1e-13, "k = " + k);
            }
            factorial *= k + 1;
        }
        assertEquals(0.5, e.secondMoment(), 1e-13);
        // the tail estimate bounds what is left: sum_{m > k} h_m^2 = E[sigma^2] - sum_{m <= k} h_m^2
        double kept = 0;
        for (int k = 0; k <= e.order(); k++) {
            kept += e.coefficient(k) * e.coefficient(k);
            assertEquals(Math.sqrt(Math.max(0, 0.5 - kept)), e.tail(k), 1e-6, "k = " + k);
        }
    }

    /** A polynomial of degree d has exactly d + 1 coefficients; check against the expansion of t^3 = He_3 + 3 He_1. */
    @Test
    void polynomialExpansionIsFinite() {
        final HermiteExpansion e = HermiteExpansion.of(Activations.polynomial(0, 0, 0, 1), 4);
        assertEquals(3, e.order());
        // (2 xi)^3 = 8 xi^3 = 8 (He_3 + 3 He_1) = 8 sqrt(6) p_3 + 24 p_1
        assertEquals(24, e.coefficient(1), 1e-12);
        assertEquals(8 * Math.sqrt(6), e.coefficient(3), 1e-12);
        assertEquals(0, e.coefficient(0), 1e-12);
        assertEquals(0, e.tail(3), 0.0);
        assertEquals(8 * 8 * 15, e.secondMoment(), 1e-9);
    }

    @Test
    void zeroVarianceIsAConstant() {
        final HermiteExpansion e = HermiteExpansion.of(Activations.byId("cos"), 0);
        assertEquals(0, e.order());
        assertEquals(1, e.coefficient(0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> HermiteExpansion.of(Activations.byId("cos"), -1));
    }

    @Test
    void orderFollowsTheLargestCorrelation() {
        assertEquals(2, HermiteExpansion.orderFor(0));
        assertEquals(HermiteExpansion.MAX_ORDER, HermiteExpansion.orderFor(1));
        final int k = HermiteExpansion.orderFor(0.5);
        assertTrue(Math.pow(0.5, k) <= HermiteKernel.ENTRY_TOLERANCE && Math.pow(0.5, k - 1) > HermiteKernel.ENTRY_TOLERANCE);
    }
}
