package org.rmtlab.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ComplexTest {
    private static final double EPS = 1e-14;

    @Test
    void sqrtSquaresBackOnBothSidesOfTheCut() {
        for (double re : new double[] {-3, -1e-8, 0, 2}) {
            for (double im : new double[] {-2, -1e-12, 1e-12, 5}) {
                Complex z = new Complex(re, im);
                Complex s = z.sqrt();
                Complex back = s.times(s);
                assertEquals(re, back.re(), EPS * (1 + z.abs()));
                assertEquals(im, back.im(), EPS * (1 + z.abs()));
                assertEquals(true, s.re() >= 0);
            }
        }
    }

    @Test
    // |b|^2 overflows a naive division; Smith's algorithm does not
    void divisionIsTheInverseOfMultiplication() {
        Complex a = new Complex(1e200, -3e199);
        Complex b = new Complex(2e160, 7e159);
        Complex q = a.divide(b);
        Complex back = q.times(b);
        assertEquals(1.0, back.re() / a.re(), 1e-14);
        assertEquals(1.0, back.im() / a.im(), 1e-14);
    }

    @Test
    void reciprocalOfI() {
        Complex r = Complex.I.reciprocal();
        assertEquals(0, r.re(), 0.0);
        assertEquals(-1, r.im(), 0.0);
    }
}
