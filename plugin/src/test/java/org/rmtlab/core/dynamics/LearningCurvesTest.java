package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LearningCurvesTest {

    @Test
    // mean and standard error of {1, 2, 3, 6}: mean 3, sample variance 14/3, se sqrt(14/3/4)
    void accumulatorGivesMeanAndStandardError() {
        final CurveAccumulator acc = new CurveAccumulator(2);
        for (double v : new double[] {1, 2, 3, 6}) {
            acc.add("a", new double[] {v, 1e9 + v});
        }
        final Curve a = acc.curves().get(0);
        assertEquals(4, acc.trials("a"));
        assertArrayEquals(new double[] {3, 1e9 + 3}, a.values(), 1e-6);
        assertEquals(Math.sqrt(14.0 / 3 / 4), a.stderr(0), 1e-15);
        // Welford keeps the spread of values sitting on a large offset
        assertEquals(Math.sqrt(14.0 / 3 / 4), a.stderr(1), 1e-6);
    }

    @Test
    void singleTrialHasNoStandardError() {
        final CurveAccumulator acc = new CurveAccumulator(1);
        acc.add("x", new double[] {2});
        assertTrue(Double.isNaN(acc.curves().get(0).stderr(0)));
        assertThrows(IllegalArgumentException.class, () -> acc.add("x", new double[] {1, 2}));
    }

    @Test
    void curvesAreLookedUpByNameAndValidated() {
        final LearningCurves l = new LearningCurves("m", LearningCurves.TAU, new double[] {0, 1},
            List.of(Curve.theory("a", new double[] {1, 2})), Map.of("s", 3.0));
        assertEquals(2, l.curve("a").value(1), 0);
        assertEquals(3, l.scalar("s"), 0);
        assertEquals(List.of("a"), l.names());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.curve("b"));
        assertTrue(e.getMessage().contains("[a]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LearningCurves("m", "tau", new double[] {0},
            List.of(Curve.theory("a", new double[] {1, 2}))));
        assertThrows(IllegalArgumentException.class, () -> new LearningCurves("m", "tau", new double[] {0},
            List.of(Curve.theory("a", new double[] {1}), Curve.theory("a", new double[] {2}))));
        assertThrows(IllegalArgumentException.class, () -> DynamicsModel.checkTimes(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> DynamicsModel.checkTimes(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> DynamicsModel.checkTimes(new double[0]));
    }
}
