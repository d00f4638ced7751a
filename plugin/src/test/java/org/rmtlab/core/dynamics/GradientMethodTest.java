package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GradientMethodTest {

    @Test
    // gain = int_0^tau exp(-s y) ds for the flow, checked by Simpson's rule (error h^4 y^4 tau / 180, relative
    // below 1e-10 for h = tau/2000, y <= 4); at y = 0 it is tau
    void flowGainIsTheIntegralOfTheDecay() {
        final GradientMethod flow = GradientMethod.flow();
        for (double y : new double[] {0, 1e-12, 0.3, 4}) {
            final double tau = 2.5;
            final int m = 2000;
            double s = 0;
            for (int k = 0; k <= m; k++) {
                final double w = k == 0 || k == m ? 1 : k % 2 == 1 ? 4 : 2;
                s += w * flow.decay(y, tau * k / m);
            }
            s *= tau / m / 3;
            assertEquals(s, flow.gain(y, tau), 1e-10 * s, "y = " + y);
        }
    }

    @Test
    // gain = alpha sum_{j < t} (1 - alpha y)^j: the sum of the step contributions of literal descent,
    // also for 1 < alpha y < 2 where the factor is negative
    void descentGainIsTheGeometricSumOfSteps() {
        final double alpha = 0.4;
        final GradientMethod gd = GradientMethod.descent(alpha);
        for (double y : new double[] {0, 1e-9, 0.5, 3, 4.9}) {
            for (int t : new int[] {1, 7, 60}) {
                double sum = 0;
                double power = 1;
                for (int j = 0; j < t; j++) {
                    sum += alpha * power;
                    power *= 1 - alpha * y;
                }
                assertEquals(power, gd.decay(y, alpha * t), 1e-13, "decay y = " + y + ", t = " + t);
                assertEquals(sum, gd.gain(y, alpha * t), 1e-12 * Math.max(1, Math.abs(sum)), "gain y = " + y + ", t = " + t);
            }
        }
    }

    @Test
    void infiniteTimeIsTheLimit() {
        for (GradientMethod m : new GradientMethod[] {GradientMethod.flow(), GradientMethod.descent(0.1)}) {
            assertEquals(0, m.decay(2, Double.POSITIVE_INFINITY), 0);
            assertEquals(1, m.decay(0, Double.POSITIVE_INFINITY), 0);
            assertEquals(0.5, m.gain(2, Double.POSITIVE_INFINITY), 0);
            assertEquals(Double.POSITIVE_INFINITY, m.gain(0, Double.POSITIVE_INFINITY), 0);
            assertEquals(m.gain(2, Double.POSITIVE_INFINITY), m.gain(2, 1e4), 1e-15);
        }
    }

    @Test
    void descentSnapsToWholeSteps() {
        final GradientMethod gd = GradientMethod.descent(0.25);
        assertEquals(1.0, gd.snap(0.9), 1e-15);
        assertEquals(0.0, gd.snap(0.1), 0);
        assertEquals(0.7, GradientMethod.flow().snap(0.7), 0);
        assertEquals(4, ((GradientMethod.Descent) gd).steps(1.05), 0);
    }

    @Test
    void unstableStepIsRefusedWithTheLargestStableStep() {
        final GradientMethod gd = GradientMethod.descent(1);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gd.checkStable(3));
        assertTrue(e.getMessage().contains("alpha < 0.666667"), e.getMessage());
        gd.checkStable(1.9);
        GradientMethod.flow().checkStable(1e300);
        assertThrows(IllegalArgumentException.class, () -> GradientMethod.descent(0));
        assertThrows(IllegalArgumentException.class, () -> GradientMethod.descent(Double.NaN));
    }
}
