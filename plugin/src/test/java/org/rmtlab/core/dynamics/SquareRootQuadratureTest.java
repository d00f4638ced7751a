package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SquareRootQuadratureTest {

    @Test
    // int_a^b sqrt((x-a)(b-x)) / (s - x) dx = pi ((s - m) - sqrt((s-a)(s-b))) = pi h^2 / ((s - m) + sqrt((s-a)(s-b)))
    // for a pole s >= b, m = (a+b)/2, h = (b-a)/2 (second form: no cancellation for far poles);
    // gaps from 0 (pole on the edge, integrand ~ (b-x)^(-1/2)) to far away
    void poleAboveMatchesClosedForm() {
        final double a = 0.3;
        final double b = 2.5;
        for (double gap : new double[] {0, 1e-12, 1e-6, 1e-2, 1, 100}) {
            final double s = b + gap;
            final double h = (b - a) / 2;
            final double exact = Math.PI * h * h / ((s - (a + b) / 2) + Math.sqrt((s - a) * gap));
            assertEquals(exact, SquareRootQuadrature.poleAbove(a, b, gap, 1).mass(), 1e-13 * exact, "gap = " + gap);
        }
    }

    @Test
    // by the reflection x -> a + b - x the pole-below rule must integrate x like the pole-above rule
    // integrates a + b - x
    void poleBelowIsTheMirrorImage() {
        final double a = 1;
        final double b = 4;
        final double gap = 1e-4;
        final double below = SquareRootQuadrature.poleBelow(a, b, gap, 2).integrate(x -> x * x);
        final double above = SquareRootQuadrature.poleAbove(a, b, gap, 2).integrate(x -> (a + b - x) * (a + b - x));
        assertEquals(above, below, 1e-13 * above);
    }

    @Test
    void rejectsAnEmptyBulkOrNegativeGap() {
        assertThrows(IllegalArgumentException.class, () -> SquareRootQuadrature.poleAbove(1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SquareRootQuadrature.poleBelow(0, 1, -1e-3, 1));
    }
}
