package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void findsAnInteriorMinimum() {
        final EarlyStopping.Optimum o = EarlyStopping.minimize(t -> t == Double.POSITIVE_INFINITY ? 5
            : Math.pow(Math.log(t / 3.7), 2) + 1, GradientMethod.flow(), 1e-3, 1e3);
        assertEquals(3.7, o.tau(), 1e-6);
        assertEquals(1, o.value(), 1e-12);
    }

    @Test
    // descent only reaches multiples of alpha: the best whole step of (t - 3.7)^2 with alpha = 0.5 is t = 3.5
    void descentOptimumIsAWholeStep() {
        final EarlyStopping.Optimum o = EarlyStopping.minimize(t -> t == Double.POSITIVE_INFINITY ? 100
            : (t - 3.7) * (t - 3.7), GradientMethod.descent(0.5), 1e-2, 1e3);
        assertEquals(3.5, o.tau(), 1e-12);
    }

    @Test
    void monotoneCurvesGiveTheEnds() {
        final EarlyStopping.Optimum decreasing = EarlyStopping.minimize(t -> Math.exp(-t), GradientMethod.flow(), 1e-3, 1e3);
        assertEquals(Double.POSITIVE_INFINITY, decreasing.tau(), 0);
        final EarlyStopping.Optimum increasing = EarlyStopping.minimize(t -> t == Double.POSITIVE_INFINITY ? 2 : 1 - Math.exp(-t),
            GradientMethod.flow(), 1e-3, 1e3);
        assertEquals(0, increasing.tau(), 0);
    }
}
