package org.rmtlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussHermiteTest {

    /**
     * The q-point rule integrates x^{2m} exactly for 2m &lt;= 2q - 1: E[xi^{2m}] = (2m - 1)!!. Tolerance
     * 1e-13 relative: the sum has q terms of rounding error 1e-16 each, relative to the result.
     */
    @Test
    void integratesGaussianMomentsExactly() {
        for (int q : new int[] {1, 5, 16, 64, 512}) {
            final GaussHermite gh = GaussHermite.of(q);
            double doubleFactorial = 1;
            for (int m = 0; 2 * m <= Math.min(2 * q - 1, 40); m++) {
                final int power = 2 * m;
                final double moment = gh.expectation(x -> Math.pow(x, power));
                assertEquals(doubleFactorial, moment, 1e-13 * doubleFactorial, "q = " + q + ", m = " + m);
                assertEquals(0.0, gh.expectation(x -> Math.pow(x, power + 1)), 1e-13 * doubleFactorial * 10);
                doubleFactorial *= 2 * m + 1;
            }
        }
    }

    /** u_ik = sqrt(w_i) p_k(x_i) is orthogonal: columns and rows orthonormal to rounding (q^2 terms). */
    @Test
    void basisIsOrthogonal() {
        for (int q : new int[] {7, 128}) {
            final double[] u = GaussHermite.of(q).basis();
            for (int k = 0; k < q; k += 3) {
                for (int l = k; l < q; l += 5) {
                    double dot = 0;
                    double rowDot = 0;
                    for (int i = 0; i < q; i++) {
                        dot += u[i * q + k] * u[i * q + l];
                        rowDot += u[k * q + i] * u[l * q + i];
                    }
                    assertEquals(k == l ? 1 : 0, dot, 1e-12, "columns " + k + ", " + l);
                    assertEquals(k == l ? 1 : 0, rowDot, 1e-12, "rows " + k + ", " + l);
                }
            }
        }
    }

    /** A smooth integrand converges spectrally: E[cos(xi)] = e^{-1/2}. */
    @Test
    void convergesForSmoothFunctions() {
        assertEquals(Math.exp(-0.5), GaussHermite.of(30).expectation(Math::cos), 1e-15);
    }
}
