package org.rmtlab.core.resolvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

/**
 * Bias and variance over W of random-feature ridge regression and the test error of ensembles of K fits with
 * independent W: theory ({@link RidgeRisk#ensembleTest(int)}) and simulation ({@link BiasVarianceAccumulator}).
 *
 * <p>Measured at n = p = n_test = 256 (mixture, ||mu||^2 = 4, ReLU, gamma = 0.01, N/n = 0.5 to 2), 30 runs of 24
 * trials with independent seeds: the spread of the simulated bias over runs is 0.6 to 0.8 times the standard
 * error of the simulated test error of one run, that of the variance 0.7 to 1.1 times. Finite-size bias of the
 * LLC18 equivalents against the mean of the 720 trials (standard error about 0.5%): the variance term is 1.6 to
 * 2.4% low and the bias term 0 to 1.1% high; at n = 128 (960 trials) the variance is 1.6 to 2.9% low, at n = 512
 * (192 trials, standard error about 1%) 1.0 to 1.6% low: a correction decaying slowly with n, as LLC18's
 * O(n^{-1/2}) bound allows (see {@link #SIM_TOLERANCE}).
 */
class EnsembleRiskTest {
    private static final int N = 256;
    private static final Activation RELU = Activations.byId("relu");
    private static final double GAMMA = 0.01;
    /** Around the interpolation peak N = n, where the variance over W dominates. */
    private static final double[] RATIOS = {0.5, 0.8, 1, 1.25, 2};
    /**
     * Theory against simulation: 4 standard errors of the simulated test error (at least 3.6 times the measured
     * spread of the simulated bias and variance, see the class comment) plus 4% of the value for the finite-size
     * corrections of the equivalents (measured 2.4% at most at n = 256 for either term).
     */
    private static final double SIM_TOLERANCE = 0.04;

    private static GeneratedData data(final long seed) {
        return DataGenerator.generate(new DataSpec(DataModel.MIXTURE, N, N, N, 4, 0.5, Scale.NORMALISED, seed));
    }

    /**
     * The theory's limits: K = 1 is the test error itself, bias + variance is the test error (to rounding), the
     * ensemble error decreases strictly in K and tends to the bias as 1/K; the variance over W vanishes like 1/N
     * for many features (the features' average concentrates: random-feature ridge becomes kernel ridge).
     */
    @Test
    void theoryDecomposesTheTestErrorAndEnsemblesRemoveTheVariance() {
        final GeneratedData d = data(31);
        final RandomFeatureRidgeRisk theory = RandomFeatureRidgeRisk.of(RELU, d.train(), d.test());
        for (double c : new double[] {0.3, 1, 3}) {
            for (double gamma : new double[] {1e-3, 1e-1}) {
                final RidgeRisk r = theory.at(c, gamma);
                final String where = "N/n = " + c + ", gamma = " + gamma;
                assertTrue(r.testBias() > 0 && r.testVariance() > 0, where);
                assertEquals(r.test(), r.ensembleTest(1), 0, where);
                assertEquals(r.test(), r.testBias() + r.testVariance(), 1e-12 * r.test(), where);
                double previous = r.ensembleTest(1);
                for (int k = 2; k <= 64; k *= 2) {
                    final double e = r.ensembleTest(k);
                    assertTrue(e < previous && e > r.testBias(), where + ", K = " + k);
                    // the excess over the bias halves exactly with each doubling of K
                    assertEquals(previous - r.testBias(), 2 * (e - r.testBias()), 1e-12 * r.test(), where);
                    previous = e;
                }
                assertEquals(r.testBias(), r.ensembleTest(1_000_000), 1e-6 * r.testVariance() * 1.0001, where);
            }
        }
        final double v100 = theory.at(100, GAMMA).testVariance();
        final double v1000 = theory.at(1000, GAMMA).testVariance();
        // N Var_W f converges: within 5% between N = 100 n and 1000 n (the correction is O(n/N))
        assertEquals(100 * v100, 1000 * v1000, 0.05 * 100 * v100);
        assertThrows(IllegalArgumentException.class, () -> theory.at(1, GAMMA).ensembleTest(0));
    }

    /**
     * Simulation at n = 256, 24 trials: the simulated bias, variance and ensemble error agree with the theory
     * within {@link #SIM_TOLERANCE}; the simulated bias + variance is the simulated test error (an exact identity of
     * the estimators, to rounding); and the ensemble error measured directly on groups of K trials agrees with
     * bias + variance / K estimated from all trials.
     *
     * <p>That last check compares two unbiased estimators of the same number from the same trials: their
     * difference is noise of the grouping. Measured over 30 runs of 24 trials at each of the five N, with K = 2 and
     * K = 4, its spread is 0.3 to 0.5 times the reported standard error of the ensemble and its largest value 1.5
     * times it; the tolerance of 3 standard errors leaves room for the standard error's own noise (estimated
     * from 12 and 6 groups here).
     */
    @Test
    void simulatedBiasVarianceAndEnsemblesMatchTheory() throws CancelledException {
        final GeneratedData d = data(21);
        for (int k : new int[] {2, 4}) {
            final List<DoubleDescentPoint> rows = DoubleDescent.run(
                new DoubleDescentSpec(RELU, RATIOS, new double[] {GAMMA}, 24, 5, 0, k), d.train(), d.test(),
                Progress.NONE);
            for (DoubleDescentPoint r : rows) {
                final String where = "K = " + k + ", N/n = " + r.featureRatio();
                final double se = r.testSimSe();
                assertEquals(r.testBiasTheory(), r.testBiasSim(), 4 * se + SIM_TOLERANCE * r.testBiasTheory(), where);
                assertEquals(r.testVarianceTheory(), r.testVarianceSim(),
                    4 * se + SIM_TOLERANCE * r.testVarianceTheory(), where);
                assertEquals(r.testSim(), r.testBiasSim() + r.testVarianceSim(), 1e-12 * r.testSim(), where);
                assertEquals(r.testBiasTheory() + r.testVarianceTheory() / k, r.ensembleTheory(), 1e-15, where);
                assertTrue(r.ensembleSimSe() > 0, where);
                assertEquals(r.ensembleTheory(), r.ensembleSim(),
                    4 * r.ensembleSimSe() + SIM_TOLERANCE * r.ensembleTheory(), where);
                assertEquals(r.testBiasSim() + r.testVarianceSim() / k, r.ensembleSim(), 3 * r.ensembleSimSe(), where);
                // averaging fits with independent W pays: the ensemble beats a single fit
                assertTrue(r.ensembleSim() < r.testSim() && r.ensembleTheory() < r.testTheory(), where);
            }
        }
    }

    /** K = 1 (the default) reproduces the test columns exactly: groups of one trial are the trials. */
    @Test
    void ensembleOfOneIsTheTestError() throws CancelledException {
        final GeneratedData d = data(22);
        final List<DoubleDescentPoint> rows = DoubleDescent.run(
            new DoubleDescentSpec(RELU, new double[] {0.5, 2}, new double[] {GAMMA, 1}, 3, 5, 0), d.train(), d.test(),
            Progress.NONE);
        for (DoubleDescentPoint r : rows) {
            assertEquals(r.testTheory(), r.ensembleTheory(), 0);
            assertEquals(r.testSim(), r.ensembleSim(), 0);
            assertEquals(r.testSimSe(), r.ensembleSimSe(), 0);
        }
        final List<DoubleDescentPoint> theoryOnly = DoubleDescent.run(
            new DoubleDescentSpec(RELU, new double[] {1}, new double[] {GAMMA}, 0, 5, 0, 8), d.train(), d.test(),
            Progress.NONE);
        final DoubleDescentPoint r = theoryOnly.get(0);
        assertEquals(r.testBiasTheory() + r.testVarianceTheory() / 8, r.ensembleTheory(), 1e-15);
        assertTrue(Double.isNaN(r.ensembleSim()) && Double.isNaN(r.testBiasSim()) && Double.isNaN(r.testVarianceSim()));
        final List<DoubleDescentPoint> noTest = DoubleDescent.run(
            new DoubleDescentSpec(RELU, new double[] {1}, new double[] {GAMMA}, 4, 5, 0, 2), d.train(), null,
            Progress.NONE);
        assertTrue(Double.isNaN(noTest.get(0).ensembleTheory()) && Double.isNaN(noTest.get(0).ensembleSim()));
    }

    /**
     * The same seed gives bit-identical bias, variance and ensemble columns on one thread and on three (the
     * trials then run in different chunks: 4 per chunk on one thread, all 7 at once on three) and the same trials
     * whatever K: the test error does not depend on K.
     */
    @Test
    void resultsDependOnTheSeedOnlyNotOnThreadsOrChunks() throws CancelledException {
        final GeneratedData d = data(23);
        final int[] counts = {64, 300, 128};
        final double[] gammas = {0.01, 0.1};
        final RandomFeatureRidgeSimulation sim = new RandomFeatureRidgeSimulation(RELU, d.train(), d.test());
        final RidgeSimulationResult one = sim.run(counts, gammas, 7, 3, 77, 1, Progress.NONE);
        final RidgeSimulationResult three = sim.run(counts, gammas, 7, 3, 77, 3, Progress.NONE);
        final RidgeSimulationResult single = sim.run(counts, gammas, 7, 1, 77, 2, Progress.NONE);
        for (int k = 0; k < counts.length; k++) {
            for (int g = 0; g < gammas.length; g++) {
                assertEquals(one.testBias(k, g), three.testBias(k, g), 0);
                assertEquals(one.testVariance(k, g), three.testVariance(k, g), 0);
                assertEquals(one.ensembleMean(k, g), three.ensembleMean(k, g), 0);
                assertEquals(one.ensembleStandardError(k, g), three.ensembleStandardError(k, g), 0);
                assertEquals(one.testMean(k, g), single.testMean(k, g), 0);
                assertEquals(one.testBias(k, g), single.testBias(k, g), 0);
                assertEquals(one.testMean(k, g), single.ensembleMean(k, g), 0);
            }
        }
    }

    @Test
    void badEnsembleSizesAreRefusedWithAMessage() {
        final double[] r = {1};
        final double[] g = {GAMMA};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DoubleDescentSpec(RELU, r, g, 10, 1, 0, 0))
            .getMessage().contains(">= 1"));
        final String few = assertThrows(IllegalArgumentException.class,
            () -> new DoubleDescentSpec(RELU, r, g, 7, 1, 0, 4)).getMessage();
        assertTrue(few.contains("at least 8 trials") && few.contains("7 were given"), few);
        assertEquals(8, new DoubleDescentSpec(RELU, r, g, 0, 1, 0, 8).ensemble());
        assertEquals(3, new DoubleDescentSpec(RELU, r, g, 7, 1, 0, 3).ensemble());
        assertEquals(1, new DoubleDescentSpec(RELU, r, g, 1, 1, 0).ensemble());
        final GeneratedData d = data(24);
        final RandomFeatureRidgeSimulation sim = new RandomFeatureRidgeSimulation(RELU, d.train(), d.test());
        assertThrows(IllegalArgumentException.class, () -> sim.run(new int[] {8}, g, 2, 3, 1, 1, Progress.NONE));
    }
}
