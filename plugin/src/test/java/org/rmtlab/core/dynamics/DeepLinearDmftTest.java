package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

class DeepLinearDmftTest {

    /**
     * L = 2 on the population loss: the DMFT must reproduce the independent reduced theory
     * {@link DeepLinearTheory}. Tolerance: the grid error of the extrapolated solution (measured 1e-5 at 200
     * steps on [0, 4], 2e-5 at 100 steps on [0, 3]: error O(h^2)) against the theory's quadrature error (1e-6).
     */
    @Test
    void populationLimitIsTheReducedTheory() throws CancelledException {
        final double[] times = {0.5, 1, 2, 3};
        for (double[] p : new double[][] {{0.5, 1.0, 1.0}, {2.0, 2.0, 0.5}}) {
            final LearningCurves dmft = new DeepLinearDmft(2, p[0], DeepLinearDmft.POPULATION, p[1], p[2], 1, 0.2)
                .solveExtrapolated(3, 100, Progress.NONE).at(times);
            final double[] ref = new DeepLinearTheory(p[0], p[1], p[2], 1, DeepLinearTheory.DEFAULT_NODES)
                .solve(times, Progress.NONE).curve(DeepLinearNetwork.TEST_RISK).values();
            for (int i = 0; i < times.length; i++) {
                assertEquals(ref[i], dmft.curve(DeepLinearNetwork.TEST_RISK).value(i), 1e-4,
                    "alpha = " + p[0] + ", t = " + times[i]);
                assertEquals(ref[i] + 0.04, dmft.curve(DeepLinearNetwork.TRAIN_LOSS).value(i), 1e-4);
            }
        }
    }

    /**
     * gamma0 -&gt; 0 with sigma_a = 0, sigma_W = 1 and finite P: the linear random-feature flow with features
     * F = W1(0), psi_N = N / D = 1 / alpha, psi_P = P / D (the mapping of the class comment). Tolerance: the
     * O(gamma0^2) feature-learning correction (1e-6 at gamma0 = 1e-3) plus the grid error (measured 2e-5).
     */
    @Test
    void lazyLimitIsTheRandomFeatureFlow() throws CancelledException {
        final double[] times = {0.5, 1, 2, 4};
        final LearningCurves dmft = new DeepLinearDmft(2, 0.5, 1.5, 1e-3, 0, 1, 0.3)
            .solveExtrapolated(4, 100, Progress.NONE).at(times);
        final LearningCurves rf = new RandomFeatureFlowResolvent(new RandomFeatureFlow(2, 1.5, 0.3), 4).losses(times);
        for (int i = 0; i < times.length; i++) {
            assertEquals(rf.curve(RandomFeatureDynamics.TEST_RISK).value(i),
                dmft.curve(DeepLinearNetwork.TEST_RISK).value(i), 1e-4, "test, t = " + times[i]);
            assertEquals(rf.curve(RandomFeatureDynamics.TRAIN_LOSS).value(i),
                dmft.curve(DeepLinearNetwork.TRAIN_LOSS).value(i), 1e-4, "train, t = " + times[i]);
        }
    }

    /**
     * Finite P (P = 1.5 D, label noise 0.3, gamma0 = 1): theory against simulation for L = 2 and L = 3, with a
     * train/test gap. Tolerance: 4 standard errors over the trials plus 5% of the value for the finite-size
     * bias (O(1/sqrt(D)) fluctuations are in the standard error; measured at D = 100, 200, 400 with 12 trials:
     * all deviations within 2 standard errors, largest relative deviation 8%, 4%, 2%).
     */
    @Test
    void finiteDataMatchesSimulation() throws CancelledException {
        final double[] times = {0.5, 1, 2, 4};
        for (int depth = 2; depth <= 3; depth++) {
            final DeepLinearNetwork net = new DeepLinearNetwork(new DeepLinearNetwork.Config(depth, 150, 150, 225, 1.0,
                0.5, 1, 0.3));
            final LearningCurves th = net.theory(times);
            final LearningCurves sim = net.simulate(times, 4, 5, Progress.NONE);
            for (String name : new String[] {DeepLinearNetwork.TRAIN_LOSS, DeepLinearNetwork.TEST_RISK}) {
                for (int i = 0; i < times.length; i++) {
                    final double t = th.curve(name).value(i);
                    final double s = sim.curve(name).value(i);
                    final double se = sim.curve(name).stderr(i);
                    assertEquals(t, s, 4 * se + 0.05 * t, "L = " + depth + ", " + name + ", t = " + times[i]);
                }
            }
            // overfitting: at t = 4 the test risk is several times the training loss (minus its noise floor)
            final double gap = th.curve(DeepLinearNetwork.TEST_RISK).value(3) - th.curve(DeepLinearNetwork.TRAIN_LOSS).value(3);
            assertTrue(gap > 0.1, "L = " + depth + ", gap " + gap);
            assertTrue(sim.curve(DeepLinearNetwork.TEST_RISK).value(3) - sim.curve(DeepLinearNetwork.TRAIN_LOSS).value(3) > 0.1);
        }
    }

    /** Euler is first order, the extrapolation second: halving h halves, then quarters, the error. */
    @Test
    void gridConvergesAtTheStatedOrder() throws CancelledException {
        final DeepLinearDmft d = new DeepLinearDmft(3, 1, 1.5, 1, 0.5, 1, 0.3);
        final DeepLinearDmft.Solution ref = d.solveExtrapolated(2, 160, Progress.NONE);
        final double[] euler = new double[2];
        final double[] extra = new double[2];
        for (int k = 0; k < 2; k++) {
            final int steps = 20 << k;
            final DeepLinearDmft.Solution e = d.solve(2, steps, Progress.NONE);
            final DeepLinearDmft.Solution x = d.solveExtrapolated(2, steps, Progress.NONE);
            euler[k] = Math.abs(e.test()[steps] - ref.test()[160]);
            extra[k] = Math.abs(x.test()[steps] - ref.test()[160]);
        }
        assertEquals(2, euler[0] / euler[1], 0.3, "Euler error ratio");
        assertTrue(extra[0] / extra[1] > 3, "extrapolated error ratio " + extra[0] / extra[1]);
        assertTrue(extra[1] < 0.1 * euler[1]);
    }

    /**
     * Time ranges beyond the grid's reach: the Euler rule is unstable when h times the fastest rate exceeds 2, so a
     * horizon of 200 with gamma0 = 2, sigma_a = sigma_W = 1 fails on 200 and on 400 steps; the late times are then
     * NaN (no theory rather than a wrong one), the error estimate infinite, and the curves say why. On a short range
     * the default grid is accepted (error estimate at most ACCURACY).
     */
    @Test
    void tooLongRangesGiveNoTheoryAndSayWhy() throws CancelledException {
        final DeepLinearDmft d = new DeepLinearDmft(2, 0.5, 1.5, 2, 1, 1, 0);
        final LearningCurves far = d.curves(new double[] {1, 10, 200}, Progress.NONE);
        assertTrue(Double.isInfinite(far.scalar(DeepLinearDmft.ERROR_ESTIMATE)));
        assertTrue(Double.isNaN(far.curve(DeepLinearNetwork.TEST_RISK).value(2)));
        assertTrue(far.missingTheory().contains("of the 3 times") && far.missingTheory().contains("Shorten"),
            far.missingTheory());
        final LearningCurves near = new DeepLinearDmft(2, 1, 1.5, 1, 0.5, 1, 0.3).curves(new double[] {0.5, 2, 4},
            Progress.NONE);
        assertTrue(near.scalar(DeepLinearDmft.ERROR_ESTIMATE) <= DeepLinearDmft.ACCURACY,
            "error estimate " + near.scalar(DeepLinearDmft.ERROR_ESTIMATE));
        assertEquals(null, near.missingTheory());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearDmft(1, 1, 1, 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearDmft(2, 1, -1, 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearDmft(2, 1, Double.NaN, 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearDmft(2, 1, 1, 0, 0, 1, 0));
        final DeepLinearDmft d = new DeepLinearDmft(2, 1, 1, 1, 0, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> d.solve(1, 2, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> d.solve(-1, 10, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> d.solve(1, 10, Progress.NONE).at(new double[] {2}));
    }
}
