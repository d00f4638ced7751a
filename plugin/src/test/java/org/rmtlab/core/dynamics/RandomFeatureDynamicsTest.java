package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.dynamics.RandomFeatureDynamics.Config;
import org.rmtlab.core.dynamics.RandomFeatureDynamics.Engine;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

class RandomFeatureDynamicsTest {
    private static final RandomFeatureFlow NOISY = new RandomFeatureFlow(0.6, 1.8, 0.5);

    /**
     * Every curve of the model, the ensemble ones included, theory against simulation through the
     * DynamicsModel interface: D = 200, 8 trials, K = 3 feature draws per training set, with label noise so
     * that the noise parts of the bias matter. Tolerance 4 se + 3/D (CurveAssertions: t-distribution with 7
     * degrees of freedom for the standardised error, O(1/D) finite-size bias of the deterministic
     * equivalents). The simulated train loss and Hermitian risk never increase: in every trial they are sums
     * of decaying exponentials with non-negative weights.
     */
    @Test
    void theoryMatchesSimulationWithEnsemble() throws CancelledException {
        final int d = 200;
        final RandomFeatureDynamics model = new RandomFeatureDynamics(new Config(NOISY, d, Engine.RESOLVENT, true, 3));
        final double[] times = {0.25, 1, 3, 8};
        final LearningCurves theory = model.theory(times);
        final LearningCurves sim = model.simulate(times, 8, 11, Progress.NONE);
        assertEquals(List.of(RandomFeatureDynamics.TRAIN_LOSS, RandomFeatureDynamics.TEST_RISK,
            RandomFeatureDynamics.HERMITIAN_TEST_RISK, RandomFeatureDynamics.BIAS, RandomFeatureDynamics.VARIANCE,
            RandomFeatureDynamics.ENSEMBLE_TEST_RISK), theory.names());
        assertEquals(theory.names(), sim.names());
        CurveAssertions.assertAgrees(theory, sim, d);
        assertEquals(RandomFeatureDynamics.TIME, theory.timeName());
        for (String name : new String[] {RandomFeatureDynamics.TRAIN_LOSS, RandomFeatureDynamics.HERMITIAN_TEST_RISK}) {
            for (int i = 1; i < times.length; i++) {
                assertTrue(sim.curve(name).value(i) <= sim.curve(name).value(i - 1), name + " at " + times[i]);
            }
        }
        // noisy: no noiseless limit or early-stopping optimum, but the Hermitian limit 1 - psiN
        assertEquals(List.of("hermitian_risk_limit"), List.copyOf(theory.scalars().keySet()));
        assertEquals(0.4, theory.scalar("hermitian_risk_limit"), 1e-15);
    }

    /**
     * The non-monotone example through the model: theory minimum 0.737 at t = 1.096, limit 6/7, Hermitian
     * limit 1/2; the theory test risk falls then rises while the train loss and the Hermitian risk never
     * increase (to the resolvent's 1e-11). Simulation at D = 200, 12 single-trial runs of the model (seeds
     * 0..11) give paired rises test(60) - test(t*): their mean must exceed 4 of its standard errors and match
     * the theory's rise within 4 se + 3/D (per-trial standard deviation about 0.07 at this size, so se 0.02
     * against a rise of 0.117).
     */
    @Test
    void nonMonotoneExampleThroughTheModel() throws CancelledException {
        final int d = 200;
        final LearningCurves theory = new RandomFeatureDynamics(Config.example(d)).theory(logGrid(0.01, 60, 81));
        assertEquals(6.0 / 7, theory.scalar("risk_limit"), 1e-15);
        assertEquals(0.5, theory.scalar("hermitian_risk_limit"), 1e-15);
        final double tStar = theory.scalar("t_star");
        final double best = theory.scalar("risk_at_t_star");
        assertEquals(1.096, tStar, 1e-3);
        assertEquals(0.737, best, 1e-3);
        final Curve test = theory.curve(RandomFeatureDynamics.TEST_RISK);
        final Curve train = theory.curve(RandomFeatureDynamics.TRAIN_LOSS);
        final Curve hermitian = theory.curve(RandomFeatureDynamics.HERMITIAN_TEST_RISK);
        for (int i = 0; i < theory.size(); i++) {
            assertTrue(test.value(i) >= best - 1e-12, "minimum at " + theory.time(i));
            if (i > 0) {
                assertTrue(train.value(i) <= train.value(i - 1) + 1e-11, "train at " + theory.time(i));
                assertTrue(hermitian.value(i) <= hermitian.value(i - 1) + 1e-11, "hermitian at " + theory.time(i));
            }
        }
        final double theoryRise = test.value(theory.size() - 1) - best;
        assertTrue(theoryRise > 0.1, "rise " + theoryRise);

        final RandomFeatureDynamics model = new RandomFeatureDynamics(
            new Config(NonMonotoneTestLoss.EXAMPLE, d, Engine.RESOLVENT, false, 0));
        final double[] times = {tStar, 60};
        final CurveAccumulator rises = new CurveAccumulator(1);
        for (long seed = 0; seed < 12; seed++) {
            final Curve one = model.simulate(times, 1, seed, Progress.NONE).curve(RandomFeatureDynamics.TEST_RISK);
            rises.add("rise", new double[] {one.value(1) - one.value(0)});
        }
        final Curve rise = rises.curves().get(0);
        assertTrue(rise.value(0) > 4 * rise.stderr(0), "rise " + rise.value(0) + " +- " + rise.stderr(0));
        assertEquals(theoryRise, rise.value(0), 4 * rise.stderr(0) + 3.0 / d);
    }

    /**
     * Ensembling divides the variance by K. In runs with K = 2 and K = 8 feature draws per training set, the
     * risk of the first draw alone (K = 1) and the risk of the averaged predictor, both measured directly (not
     * through the decomposition), match bias + variance/K of the theory for K = 1, 2, 8 within 4 se + 3/D. The
     * theoretical reduction variance (1 - 1/K) exceeds the tolerance, so the test resolves the K dependence.
     * D = 200, 8 trials.
     */
    @Test
    void ensembleRiskFallsLikeOneOverK() throws CancelledException {
        final int d = 200;
        final double[] times = {3, 8};
        final Config base = new Config(NonMonotoneTestLoss.EXAMPLE, d, Engine.RESOLVENT, false, 2);
        final LearningCurves theory = new RandomFeatureDynamics(base).theory(times);
        final Curve bias = theory.curve(RandomFeatureDynamics.BIAS);
        final Curve variance = theory.curve(RandomFeatureDynamics.VARIANCE);
        for (int k : new int[] {2, 8}) {
            final LearningCurves sim = new RandomFeatureDynamics(base.withEnsemble(k)).simulate(times, 8, 23,
                Progress.NONE);
            final Curve single = sim.curve(RandomFeatureDynamics.TEST_RISK);
            final Curve ensemble = sim.curve(RandomFeatureDynamics.ENSEMBLE_TEST_RISK);
            for (int i = 0; i < times.length; i++) {
                final String where = "K = " + k + " at t = " + times[i];
                assertEquals(bias.value(i) + variance.value(i), single.value(i), 4 * single.stderr(i) + 3.0 / d, where);
                final double tolerance = 4 * ensemble.stderr(i) + 3.0 / d;
                assertEquals(bias.value(i) + variance.value(i) / k, ensemble.value(i), tolerance, where);
                assertTrue(variance.value(i) * (1 - 1.0 / k) > tolerance, "reduction too small to test, " + where);
            }
        }
    }

    /**
     * Closed forms at small t (expanding e^{-tBC} to second order; E_F B C B = C^2 + phi C for Wishart B,
     * (1/D) tr C = 1, (1/D) tr C^2 = 1 + a): bias = 1 - 2t + (2 + 2a + phi + s^2 a) t^2 + O(t^3) and
     * variance = phi (1 + a + s^2 a) t^2 + O(t^3), phi = 1/psiN, a = 1/psiP. The O(t) term of f(t)/t^2 is
     * removed by combining t = h and 2h (Richardson); rounding of the 1e-11-accurate contour sums contributes
     * 1e-11/h^2 = 1e-5 at h = 1e-3.
     */
    @Test
    void biasAndVarianceMatchSmallTimeExpansion() {
        final double phi = 1 / NOISY.psiN();
        final double a = 1 / NOISY.psiP();
        final double s2 = NOISY.noise() * NOISY.noise();
        final RandomFeatureFlowResolvent r = new RandomFeatureFlowResolvent(NOISY, 1, true);
        final double h = 1e-3;
        assertEquals(1, r.bias(0), 1e-12);
        assertEquals(2 + 2 * a + phi + s2 * a, curvature(t -> r.bias(t) - 1 + 2 * t, h), 1e-4);
        assertEquals(phi * (1 + a + s2 * a), curvature(t -> r.testLoss(t) - r.bias(t), h), 1e-4);
    }

    private static double[] logGrid(final double from, final double to, final int count) {
        final double[] grid = new double[count];
        for (int i = 0; i < count; i++) {
            grid[i] = from * Math.pow(to / from, i / (count - 1.0));
        }
        return grid;
    }

    /** 2 f(h)/h^2 - f(2h)/(2h)^2: the coefficient of t^2 when f = c t^2 + d t^3 + O(t^4). */
    private static double curvature(final java.util.function.DoubleUnaryOperator f, final double h) {
        return 2 * f.applyAsDouble(h) / (h * h) - f.applyAsDouble(2 * h) / (4 * h * h);
    }

    /**
     * Many features make the features' randomness irrelevant: as psiN grows the variance vanishes like phi
     * (the small-time coefficient phi (1 + a + s^2 a) and, measured, the whole curve).
     */
    @Test
    void varianceVanishesWithManyFeatures() {
        final double[] times = {0.5, 2, 8};
        double previous = Double.POSITIVE_INFINITY;
        for (double psiN : new double[] {10, 100, 1000}) {
            final RandomFeatureFlowResolvent r = new RandomFeatureFlowResolvent(new RandomFeatureFlow(psiN, 1.8, 0.5), 8,
                true);
            double largest = 0;
            for (double t : times) {
                largest = Math.max(largest, r.testLoss(t) - r.bias(t));
            }
            assertTrue(largest < 2 / psiN && largest < previous / 5, "psiN = " + psiN + ": variance " + largest);
            previous = largest;
        }
    }

    /**
     * The DMFT engine against the resolvent engine through the model, every curve: bias from the DMFT's
     * cross-replica equations against the independent-features two-point function, the Hermitian risk from the
     * DMFT propagator. The grid (t_max = 4, h lambda_+ = 0.3) gives about 1e-7 extrapolated error plus the
     * interpolation error at times between grid points (below 1e-5 for t >= 0.5); the reported estimate (of
     * the finer unextrapolated solution, so conservative) must bound the grid error of train, test and bias.
     */
    @Test
    void dmftEngineAgreesWithResolvent() throws CancelledException {
        final double[] times = {0.5, 1, 2, 4};
        final Config config = new Config(NOISY, 100, Engine.RESOLVENT, true, 3);
        final LearningCurves resolvent = new RandomFeatureDynamics(config).theory(times);
        final LearningCurves dmft = new RandomFeatureDynamics(config.withEngine(Engine.DMFT)).theory(times);
        assertEquals(resolvent.names(), dmft.names());
        for (String name : resolvent.names()) {
            for (int i = 0; i < times.length; i++) {
                assertEquals(resolvent.curve(name).value(i), dmft.curve(name).value(i), 1e-5, name + " at " + times[i]);
            }
        }
        // the estimate is the error of the finer second-order solution, far above that of the extrapolated one
        final double estimate = dmft.scalar("dmft_error_estimate");
        assertTrue(estimate > 0 && estimate < 1e-3, "estimate " + estimate);
        // at t = 4, a grid point, only the extrapolation error remains
        for (String name : new String[] {RandomFeatureDynamics.TRAIN_LOSS, RandomFeatureDynamics.TEST_RISK,
            RandomFeatureDynamics.BIAS}) {
            assertTrue(Math.abs(resolvent.curve(name).value(3) - dmft.curve(name).value(3)) <= estimate + 1e-10, name);
        }
        assertFalse(resolvent.scalars().containsKey("dmft_error_estimate"));
    }

    @Test
    void sameSeedSameOutputAndOptionsShapeTheCurves() throws CancelledException {
        final RandomFeatureDynamics model = new RandomFeatureDynamics(new Config(NOISY, 40, Engine.RESOLVENT, false, 0));
        final double[] times = {0.5, 3};
        final LearningCurves a = model.simulate(times, 3, 9, Progress.NONE);
        assertEquals(a, model.simulate(times, 3, 9, Progress.NONE));
        assertEquals(List.of(RandomFeatureDynamics.TRAIN_LOSS, RandomFeatureDynamics.TEST_RISK), a.names());
        // the first member of an ensemble is the plain simulation
        final LearningCurves ensemble = new RandomFeatureDynamics(model.config().withEnsemble(3)).simulate(times, 3, 9,
            Progress.NONE);
        assertArrayEquals(a.curve(RandomFeatureDynamics.TEST_RISK).values(),
            ensemble.curve(RandomFeatureDynamics.TEST_RISK).values(), 0);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new Config(NOISY, 100, Engine.RESOLVENT, true, 1));
        assertThrows(IllegalArgumentException.class, () -> new Config(NOISY, 100, Engine.RESOLVENT, true, -2));
        assertThrows(IllegalArgumentException.class, () -> new Config(NOISY, 0, Engine.RESOLVENT, true, 0));
        assertThrows(IllegalArgumentException.class, () -> new Config(new RandomFeatureFlow(0.001, 1, 0), 100,
            Engine.RESOLVENT, true, 0));
        assertThrows(IllegalArgumentException.class, () -> Engine.fromId("euler"));
        assertEquals(Engine.DMFT, Engine.fromId(" DMFT "));
        final RandomFeatureDynamics model = new RandomFeatureDynamics(Config.example(50));
        assertThrows(IllegalArgumentException.class, () -> model.theory(new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> model.simulate(new double[] {1}, 0, 1, Progress.NONE));
    }
}
