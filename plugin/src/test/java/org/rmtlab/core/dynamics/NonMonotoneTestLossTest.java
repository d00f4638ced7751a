package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

class NonMonotoneTestLossTest {

    /**
     * The minimum found from the resolvent is a true interior minimum (neighbours higher, centred slope
     * about 0), and the DMFT, an independent time-domain method, puts its own grid minimum at the same place:
     * within the DMFT grid step in time and within its accuracy (1e-5 extrapolated with h = 0.025) in value.
     */
    @Test
    void minimumIsConfirmedByTheDmft() throws CancelledException {
        final TestLossMinimum min = NonMonotoneTestLoss.find(NonMonotoneTestLoss.EXAMPLE);
        assertTrue(min.nonMonotone());
        assertEquals(NonMonotoneTestLoss.EXAMPLE.noiselessTestLimit(), min.limit(), 0);
        assertTrue(min.value() < 1 && min.rise() > 0.1, min.toString());
        final RandomFeatureFlowResolvent r = new RandomFeatureFlowResolvent(NonMonotoneTestLoss.EXAMPLE, 3);
        final double dt = 1e-3;
        assertTrue(r.testLoss(min.time() - dt) > min.value() && r.testLoss(min.time() + dt) > min.value());
        assertEquals(0, (r.testLoss(min.time() + dt) - r.testLoss(min.time() - dt)) / (2 * dt), 1e-5);

        final DmftSolution dmft = new RandomFeatureFlowDmft(NonMonotoneTestLoss.EXAMPLE).solveExtrapolated(2.5, 100,
            Progress.NONE);
        int best = 0;
        for (int i = 1; i < dmft.times().length; i++) {
            if (dmft.test()[i] < dmft.test()[best]) {
                best = i;
            }
        }
        assertEquals(min.time(), dmft.times()[best], dmft.step());
        assertEquals(min.value(), dmft.test()[best], 1e-5 + 0.5 * dmft.step() * dmft.step());
    }

    /**
     * Simulation at D = 300, 10 trials: the loss at the theoretical minimum is below the loss at t = 60
     * (theory: 0.737 vs 0.854) by many standard errors of the paired per-trial difference, and both match
     * the theory within 4 standard errors plus 3/D.
     */
    @Test
    void confirmedBySimulation() throws CancelledException {
        final RandomFeatureFlow model = NonMonotoneTestLoss.EXAMPLE;
        final TestLossMinimum min = NonMonotoneTestLoss.find(model, 60);
        final double[] times = {min.time(), 60};
        final RandomFeatureFlowResolvent r = new RandomFeatureFlowResolvent(model, 60);
        final int d = 300;
        final RandomFeatureFlowSimulation sim = new RandomFeatureFlowSimulation(model, d);
        final CurveAccumulator riseTrials = new CurveAccumulator(1);
        final CurveAccumulator lossTrials = new CurveAccumulator(2);
        final Rng root = new Rng(17);
        for (int k = 0; k < 10; k++) {
            final double[] test = sim.trial(times, root.split(), Progress.NONE)[1];
            lossTrials.add("loss", test);
            riseTrials.add("rise", new double[] {test[1] - test[0]});
        }
        final Curve rise = riseTrials.curves().get(0);
        final Curve loss = lossTrials.curves().get(0);
        assertTrue(rise.value(0) > 5 * rise.stderr(0), "rise " + rise.value(0) + " +- " + rise.stderr(0));
        assertEquals(r.testLoss(60) - min.value(), rise.value(0), 4 * rise.stderr(0) + 3.0 / d);
        for (int i = 0; i < 2; i++) {
            assertEquals(r.testLoss(times[i]), loss.value(i), 4 * loss.stderr(i) + 3.0 / d);
        }
    }

    /** Both ratios above 1: the limit is 0 and the loss decreases throughout. */
    @Test
    void monotoneWhenBothRatiosExceedOne() {
        final TestLossMinimum min = NonMonotoneTestLoss.find(RandomFeatureFlow.noiseless(2, 3));
        assertFalse(min.nonMonotone(), min.toString());
        assertEquals(0, min.limit(), 0);
    }

    @Test
    void rejectsNoisyModels() {
        assertThrows(IllegalArgumentException.class, () -> NonMonotoneTestLoss.find(new RandomFeatureFlow(0.5, 1.2, 0.1)));
    }
}
