package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

class HermitianCounterpartTest {

    /**
     * Same spectrum, different dynamics: on a fine grid the Hermitian loss never increases (up to the
     * resolvent's 1e-11 accuracy) and ends at 1 - psiN = 0.5, while the non-Hermitian test loss of the same
     * setting increases by more than 0.1 after its minimum.
     */
    @Test
    void theoryIsMonotoneWhereTheNonHermitianLossIsNot() {
        final RandomFeatureFlow model = NonMonotoneTestLoss.EXAMPLE;
        final HermitianCounterpart hermitian = new HermitianCounterpart(model.psiN(), model.psiP());
        final double[] times = new double[401];
        for (int i = 0; i < times.length; i++) {
            times[i] = 60.0 * i * i / (400.0 * 400.0);
        }
        final double[] loss = hermitian.theory(times).values();
        final LearningCurves losses = new RandomFeatureFlowResolvent(model, 60).losses(times);
        final double[] train = losses.curve(RandomFeatureDynamics.TRAIN_LOSS).values();
        final double[] test = losses.curve(RandomFeatureDynamics.TEST_RISK).values();
        double largestIncrease = Double.NEGATIVE_INFINITY;
        double nonHermitianIncrease = 0;
        double trainIncrease = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < times.length; i++) {
            largestIncrease = Math.max(largestIncrease, loss[i] - loss[i - 1]);
            trainIncrease = Math.max(trainIncrease, train[i] - train[i - 1]);
            nonHermitianIncrease += Math.max(0, test[i] - test[i - 1]);
        }
        assertTrue(largestIncrease <= 1e-11, "Hermitian loss increased by " + largestIncrease);
        assertTrue(trainIncrease <= 1e-11, "train loss increased by " + trainIncrease);
        assertTrue(nonHermitianIncrease > 0.1, "non-Hermitian test loss rose by " + nonHermitianIncrease);
        assertEquals(0.5, hermitian.limit(), 0);
        assertEquals(hermitian.limit(), loss[times.length - 1], 1e-3);
    }

    /**
     * Simulation at D = 300, 8 trials: each trial is non-increasing (a sum of decaying exponentials with
     * non-negative weights, so the mean is too), and the mean matches the theory within 4 standard errors plus
     * 3/D (finite-size bias).
     */
    @Test
    void simulationIsMonotoneAndMatchesTheory() throws CancelledException {
        final HermitianCounterpart hermitian = new HermitianCounterpart(0.5, 1.2);
        final double[] times = {0, 0.3, 1, 3, 10, 40};
        final Curve sim = hermitian.simulate(300, times, 8, 3, Progress.NONE);
        final Curve theory = hermitian.theory(times);
        for (int i = 0; i < times.length; i++) {
            assertEquals(theory.value(i), sim.value(i), 4 * sim.stderr(i) + 3.0 / 300, "at " + times[i]);
            if (i > 0) {
                assertTrue(sim.value(i) <= sim.value(i - 1));
            }
        }
    }
}
