package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

class RandomFeatureFlowDmftTest {
    private static final RandomFeatureFlow NOISY = new RandomFeatureFlow(1.5, 0.7, 0.3);

    /**
     * The time-domain DMFT against the resolvent cross-check (contour accuracy 1e-11). Extrapolated from
     * h = 0.04 and 0.02 the DMFT error is O(h^4); measured 3e-7 for h lambda_+ = 0.34 (lambda_+ = 8.4 and
     * 6.9 here), so 2e-6 is tight. The propagator G(tau) must equal (1/D) tr e^{-tau BC}, the Hermitian
     * loss at tau/2. Interpolation between grid points adds O(h^4) once the fast modes have decayed.
     */
    @Test
    void matchesTheResolventTightly() throws CancelledException {
        for (RandomFeatureFlow model : new RandomFeatureFlow[] {NonMonotoneTestLoss.EXAMPLE, NOISY}) {
            final DmftSolution s = new RandomFeatureFlowDmft(model).solveExtrapolated(4, 100, Progress.NONE);
            final RandomFeatureFlowResolvent r = new RandomFeatureFlowResolvent(model, 4);
            for (int i = 0; i < s.times().length; i++) {
                final double t = s.times()[i];
                assertEquals(r.trainLoss(t), s.train()[i], 2e-6, model + " train at " + t);
                assertEquals(r.testLoss(t), s.test()[i], 2e-6, model + " test at " + t);
                assertEquals(r.hermitianTestLoss(t / 2), s.propagator()[i], 2e-6, model + " propagator at " + t);
                assertEquals(s.test()[i], s.testCorrelation()[i][i], 0);
                // the documented error estimate is conservative (1e-10: the resolvent's own accuracy)
                assertTrue(Math.abs(r.testLoss(t) - s.test()[i]) <= s.testErrorEstimate()[i] + 1e-10);
                assertTrue(Math.abs(r.trainLoss(t) - s.train()[i]) <= s.trainErrorEstimate()[i] + 1e-10);
            }
            // away from t = 0: there the fast modes (rates up to 2 lambda_+) limit four-point interpolation
            final double[] between = {1.234, 2.5, 3.99};
            final LearningCurves at = s.at(between);
            for (int i = 0; i < between.length; i++) {
                assertEquals(r.testLoss(between[i]), at.curve(RandomFeatureDynamics.TEST_RISK).value(i), 2e-6);
                assertEquals(r.trainLoss(between[i]), at.curve(RandomFeatureDynamics.TRAIN_LOSS).value(i), 2e-6);
            }
        }
    }

    /**
     * Documented order: halving h divides the plain error by 4 (trapezoidal rule, O(h^2)) and the
     * extrapolated error by about 16 (O(h^4)). Ratios measured on [0, 4] with 40 and 80 steps.
     */
    @Test
    void convergesAtSecondOrderAndFourthWhenExtrapolated() throws CancelledException {
        final RandomFeatureFlowDmft dmft = new RandomFeatureFlowDmft(NOISY);
        final RandomFeatureFlowResolvent r = new RandomFeatureFlowResolvent(NOISY, 4);
        final double plainRatio = error(dmft.solve(4, 40, Progress.NONE), r) / error(dmft.solve(4, 80, Progress.NONE), r);
        assertEquals(4, plainRatio, 0.4);
        final double extrapolatedRatio = error(dmft.solveExtrapolated(4, 40, Progress.NONE), r)
            / error(dmft.solveExtrapolated(4, 80, Progress.NONE), r);
        assertTrue(extrapolatedRatio > 10 && extrapolatedRatio < 24, "ratio " + extrapolatedRatio);
    }

    /**
     * DMFT against the exact finite-size simulation at D = 300, 8 trials, with label noise so that every
     * term of the correlation equations matters. Tolerance: 4 standard errors plus 3/D for the O(1/D)
     * finite-size bias.
     */
    @Test
    void matchesSimulation() throws CancelledException {
        final double[] times = {0.25, 1, 2, 5};
        final DmftSolution dmft = new RandomFeatureFlowDmft(NOISY).solveExtrapolated(5, 100, Progress.NONE);
        final LearningCurves theory = dmft.at(times);
        final int d = 300;
        final LearningCurves sim = new RandomFeatureFlowSimulation(NOISY, d).simulate(times, 8, 42, Progress.NONE);
        for (String name : new String[] {RandomFeatureDynamics.TRAIN_LOSS, RandomFeatureDynamics.TEST_RISK}) {
            final Curve t = theory.curve(name);
            final Curve s = sim.curve(name);
            for (int i = 0; i < times.length; i++) {
                assertEquals(t.value(i), s.value(i), 4 * s.stderr(i) + 3.0 / d, name + " at " + times[i]);
            }
        }
    }

    @Test
    void rejectsBadInputAndStopsWhenCancelled() {
        final RandomFeatureFlowDmft dmft = new RandomFeatureFlowDmft(NOISY);
        assertThrows(IllegalArgumentException.class, () -> dmft.solve(0, 10, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> dmft.solve(1, 3, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> dmft.solve(1, 1_000_000, Progress.NONE));
        final Progress cancelled = new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                // ignored
            }

            @Override
            public void checkCancelled() throws CancelledException {
                throw new CancelledException();
            }
        };
        assertThrows(CancelledException.class, () -> dmft.solve(1, 10, cancelled));
    }

    private static double error(final DmftSolution s, final RandomFeatureFlowResolvent r) {
        double e = 0;
        for (int i = 0; i < s.times().length; i++) {
            e = Math.max(e, Math.abs(s.test()[i] - r.testLoss(s.times()[i])));
            e = Math.max(e, Math.abs(s.train()[i] - r.trainLoss(s.times()[i])));
        }
        return e;
    }
}
