package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

class DormandPrinceTest {

    /**
     * Harmonic oscillator and exponential decay against their closed forms. With rtol 1e-10 the local
     * errors are controlled to 1e-10 relative; over about 40 periods the global error grows at most
     * linearly in the number of steps, so 1e-7 absolute is a safe bound that a wrong coefficient
     * (order 4 or less) would miss by orders of magnitude.
     */
    @Test
    void matchesClosedFormsAtTightTolerance() throws CancelledException {
        final DormandPrince ode = new DormandPrince(3, 1e-10, 1e-12);
        final double[] y = {1, 0, 1};
        final DormandPrince.Rhs f = (t, s, ds) -> {
            ds[0] = s[1];
            ds[1] = -s[0];
            ds[2] = -0.5 * s[2];
        };
        double t = 0;
        for (double out : new double[] {0.3, 1, 10, 250}) {
            ode.integrate(f, t, y, out, Progress.NONE);
            t = out;
            assertEquals(Math.cos(t), y[0], 1e-7);
            assertEquals(-Math.sin(t), y[1], 1e-7);
            assertEquals(Math.exp(-0.5 * t), y[2], 1e-9);
        }
        // order 5: about (1e-10)^(-1/5) = 100 steps per unit time would already be generous
        assertTrue(ode.steps() < 250 * 100, "steps: " + ode.steps());
    }

    /** The step adapts: a stiff-ish decay y' = -50 (y - cos t) needs more steps than a slow one. */
    @Test
    void stepSizeFollowsTheTimeScale() throws CancelledException {
        final DormandPrince fast = new DormandPrince(1, 1e-8, 1e-10);
        final DormandPrince slow = new DormandPrince(1, 1e-8, 1e-10);
        fast.integrate((t, s, ds) -> ds[0] = -50 * (s[0] - Math.cos(t)), 0, new double[] {0}, 5, Progress.NONE);
        slow.integrate((t, s, ds) -> ds[0] = -0.5 * (s[0] - Math.cos(t)), 0, new double[] {0}, 5, Progress.NONE);
        assertTrue(fast.steps() > 3 * slow.steps(), fast.steps() + " vs " + slow.steps());
    }

    @Test
    void divergenceIsReportedNotHung() {
        final DormandPrince ode = new DormandPrince(1, 1e-8, 1e-10);
        assertThrows(IllegalArgumentException.class,
            () -> ode.integrate((t, s, ds) -> ds[0] = s[0] * s[0], 0, new double[] {1}, 2, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> new DormandPrince(1, 0, 1e-9));
    }
}
