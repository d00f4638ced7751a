package org.rmtlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.Erf;

class NormalExpectationTest {

    /** Known Gaussian integrals; the requested relative tolerance 1e-13 (x10 margin) is what is checked. */
    @Test
    void knownExpectations() {
        assertEquals(1.0, NormalExpectation.of(x -> x * x, 1e-13), 1e-12);
        assertEquals(Math.sqrt(2 / Math.PI), NormalExpectation.of(Math::abs, 1e-13), 1e-12);
        assertEquals(Math.exp(-0.5), NormalExpectation.of(Math::cos, 1e-13), 1e-12);
        // steep: erf(200 x) is sign(x) up to a layer of width 1/200 at 0; by Stein's lemma
        // E[xi erf(a xi)] = 2a / sqrt(pi (1 + 2a^2)), and E[erf(a xi)^2] = (2/pi) arcsin(2a^2 / (1 + 2a^2))
        final double a = 200;
        assertEquals(2 * a / Math.sqrt(Math.PI * (1 + 2 * a * a)), NormalExpectation.of(x -> x * Erf.erf(a * x), 1e-13),
            1e-12);
        assertEquals(2 / Math.PI * Math.asin(2 * a * a / (1 + 2 * a * a)),
            NormalExpectation.of(x -> Erf.erf(a * x) * Erf.erf(a * x), 1e-13), 1e-12);
    }

    /** A jump away from the fixed breakpoints, given as the singular point: P(xi &gt; 0.3) = 1 - Phi(0.3). */
    @Test
    void jumpOnAnExtraBreakpointIsExact() {
        final double p = NormalExpectation.absolute(x -> x > 0.3 ? 1 : 0, 1e-14, 0.3);
        assertEquals(1 - Erf.normalCdf(0.3), p, 1e-14);
    }

    @Test
    void vectorIntegralOfHermiteFunctions() {
        // integral of phi(x) p_j(x) p_k(x) = delta_jk for the first orthonormal Hermite polynomials
        final double[] v = NormalExpectation.integral((x, out) -> {
            final double phi = NormalExpectation.density(x);
            final double p2 = (x * x - 1) / Math.sqrt(2);
            out[0] = phi * p2 * p2;
            out[1] = phi * x * p2;
            out[2] = phi * x * x * x;
        }, 3, 1e-14);
        assertEquals(1.0, v[0], 1e-13);
        assertEquals(0.0, v[1], 1e-13);
        assertEquals(0.0, v[2], 1e-13);
    }

    @Test
    void nonFiniteIntegrandIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NormalExpectation.of(x -> Math.exp(x * x), 1e-10));
    }
}
