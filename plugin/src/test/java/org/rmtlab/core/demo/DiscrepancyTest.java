package org.rmtlab.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiscrepancyTest {

    @Test
    // max of |theory - mean| / se, the worst point named
    void maximumOverPoints() {
        final Discrepancy d = new Discrepancy.Accumulator().add("a", 1.0, 1.1, 0.05).add("b", 2.0, 1.7, 0.1)
            .add("c", 0.0, -0.1, 0.1).result(20);
        assertEquals(3.0, d.value(), 1e-12);
        assertEquals(3, d.points());
        assertTrue(d.worst().startsWith("b: theory 2.000, simulation 1.700"), d.worst());
        assertEquals(Discrepancy.tolerance(3, 20), d.tolerance(), 0);
        assertTrue(d.passed());
    }

    @Test
    // a point that cannot be judged fails rather than hides: se = 0 with a gap, or a value that is not finite
    void unjudgeablePointsFail() {
        assertEquals(0, new Discrepancy.Accumulator().add("same", 0.5, 0.5, 0).result(5).value(), 0);
        assertFalse(new Discrepancy.Accumulator().add("gap", 0.5, 0.6, 0).result(5).passed());
        assertFalse(new Discrepancy.Accumulator().add("nan", Double.NaN, 0.6, 0.1).result(5).passed());
        assertFalse(new Discrepancy.Accumulator().add("ok", 1, 1, 0.1).add("nan se", 0.5, 0.6, Double.NaN).result(5)
            .passed());
        assertThrows(IllegalArgumentException.class, () -> new Discrepancy.Accumulator().result(5));
    }

    @Test
    // more points need a larger tolerance (union bound), more trials a smaller one (lighter t tails)
    void toleranceGrowsWithPointsAndShrinksWithTrials() {
        assertTrue(Discrepancy.tolerance(40, 20) > Discrepancy.tolerance(10, 20));
        assertTrue(Discrepancy.tolerance(40, 40) < Discrepancy.tolerance(40, 20));
        // one point, 20 trials: the 1% two-sided quantile of t with 19 degrees of freedom
        assertEquals(2.860934606, Discrepancy.tolerance(1, 20), 1e-8);
    }
}
