package org.rmtlab.core.resolvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
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
 * Double descent: the LLC18 equivalents against Monte-Carlo simulation on the same data.
 *
 * <p>Tolerance of each point: 4 standard errors of the simulated mean (a false alarm has probability
 * about 6e-5 per point) plus 4% of the value for the finite-size corrections of the equivalents, which
 * are O(n^{-1/2}) by LLC18 (n^{-1/2} = 6% at n = 256; measured deviations are below 2 standard errors).
 * The alternative reading of the slides' "Kbar" as K / (1 + delta) (without N/n) misses by 40% and more.
 */
class DoubleDescentTest {
    private static final int N = 256;
    private static final double[] RATIOS = {0.25, 0.5, 0.8, 1.0, 1.25, 2, 4};

    private static GeneratedData data(final DataModel model, final long seed) {
        return DataGenerator.generate(new DataSpec(model, N, N, N, 4, 0.5, Scale.NORMALISED, seed));
    }

    @Test
    void reluOnMixtureMatchesSimulationAndPeaksAtInterpolation() throws CancelledException {
        checkAgainstSimulation(Activations.byId("relu"), DataModel.MIXTURE);
    }

    @Test
    void reluOnTeacherMatchesSimulationAndPeaksAtInterpolation() throws CancelledException {
        checkAgainstSimulation(Activations.byId("relu"), DataModel.TEACHER);
    }

    @Test
    void erfOnMixtureMatchesSimulationAndPeaksAtInterpolation() throws CancelledException {
        Assumptions.assumeTrue(Activations.ids().contains("erf"), "erf is not among the activations yet");
        checkAgainstSimulation(Activations.byId("erf"), DataModel.MIXTURE);
    }

    @Test
    void erfOnTeacherMatchesSimulationAndPeaksAtInterpolation() throws CancelledException {
        Assumptions.assumeTrue(Activations.ids().contains("erf"), "erf is not among the activations yet");
        checkAgainstSimulation(Activations.byId("erf"), DataModel.TEACHER);
    }

    /**
     * gamma = 1e-3 with 12 trials: every point within tolerance; the test error, theory and simulation,
     * is at least 1.5 times higher at N = n than at N = n/2 and N = 2n, and the theory's maximum over a
     * fine grid lies in [0.85, 1.15] n.
     */
    private static void checkAgainstSimulation(final Activation sigma, final DataModel model)
        throws CancelledException {
        final GeneratedData d = data(model, 21);
        final double gamma = 1e-3;
        final List<DoubleDescentPoint> rows = DoubleDescent.run(
            new DoubleDescentSpec(sigma, RATIOS, new double[] {gamma}, 12, 5, 0), d.train(), d.test(), Progress.NONE);
        assertEquals(RATIOS.length, rows.size());
        for (DoubleDescentPoint r : rows) {
            final String where = sigma.id() + " on " + model.id() + " at N/n = " + r.featureRatio();
            assertEquals(r.trainTheory(), r.trainSim(), 4 * r.trainSimSe() + 0.04 * r.trainTheory(), where);
            assertEquals(r.testTheory(), r.testSim(), 4 * r.testSimSe() + 0.04 * r.testTheory(), where);
        }
        final DoubleDescentPoint half = rows.get(1);
        final DoubleDescentPoint one = rows.get(3);
        final DoubleDescentPoint two = rows.get(5);
        assertEquals(1.0, one.featureRatio(), 0);
        assertTrue(one.testTheory() > 1.5 * Math.max(half.testTheory(), two.testTheory()), "theory peak");
        assertTrue(one.testSim() > 1.5 * Math.max(half.testSim(), two.testSim()), "simulated peak");
        final RandomFeatureRidgeRisk theory = RandomFeatureRidgeRisk.of(sigma, d.train(), d.test());
        double argmax = 0;
        double max = 0;
        for (double c = 0.5; c <= 2; c += 0.01) {
            final double e = theory.at(c, gamma).test();
            if (e > max) {
                max = e;
                argmax = c;
            }
        }
        assertEquals(1.0, argmax, 0.15, "peak of the test error");
    }

    /**
     * A gamma sweep with more values than {@link RidgeTrial#EIGEN_COST} takes the eigendecomposition
     * route of the simulation (one decomposition per N for all gammas) on both sides (N &lt; n and
     * N &gt; n); it must agree with the theory (same tolerance as above, 8 trials) and, trial by trial,
     * with the Cholesky route used for three gammas: the draws of W do not depend on the gammas, so the
     * two routes solve the same systems and may differ by rounding only (1e-8 relative; gamma down to
     * 1e-4 against a Gram norm of about 50 gives condition numbers up to 5e5).
     */
    @Test
    void gammaSweepAgreesWithTheoryAndBetweenSolvers() throws CancelledException {
        final GeneratedData d = data(DataModel.TEACHER, 22);
        final Activation relu = Activations.byId("relu");
        final double[] gammas = new double[(int) RidgeTrial.EIGEN_COST + 2];
        for (int g = 0; g < gammas.length; g++) {
            gammas[g] = 1e-4 * Math.pow(10, 5.0 * g / (gammas.length - 1));
        }
        final int[] counts = {N / 2, 2 * N};
        final RandomFeatureRidgeSimulation sim = new RandomFeatureRidgeSimulation(relu, d.train(), d.test());
        final RidgeSimulationResult eigen = sim.run(counts, gammas, 8, 9, 0, Progress.NONE);
        final RandomFeatureRidgeRisk theory = RandomFeatureRidgeRisk.of(relu, d.train(), d.test());
        for (int k = 0; k < counts.length; k++) {
            for (int g = 0; g < gammas.length; g++) {
                final RidgeRisk r = theory.at(counts[k] / (double) N, gammas[g]);
                final String where = "N = " + counts[k] + ", gamma = " + gammas[g];
                assertEquals(r.train(), eigen.trainMean(k, g), 4 * eigen.trainStandardError(k, g) + 0.04 * r.train(),
                    where);
                assertEquals(r.test(), eigen.testMean(k, g), 4 * eigen.testStandardError(k, g) + 0.04 * r.test(),
                    where);
            }
        }
        final int last = gammas.length - 1;
        final double[] few = {gammas[0], gammas[last / 2], gammas[last]};
        final RidgeSimulationResult chol = sim.run(counts, few, 8, 9, 0, Progress.NONE);
        for (int k = 0; k < counts.length; k++) {
            for (int i = 0; i < few.length; i++) {
                final int g = i == 0 ? 0 : i == 1 ? last / 2 : last;
                assertEquals(eigen.trainMean(k, g), chol.trainMean(k, i), 1e-8 * eigen.trainMean(k, g));
                assertEquals(eigen.testMean(k, g), chol.testMean(k, i), 1e-8 * eigen.testMean(k, g));
            }
        }
    }

    /** The same seed gives bit-identical results on one thread and on three. */
    @Test
    void resultsDependOnTheSeedOnlyNotOnThreads() throws CancelledException {
        final GeneratedData d = data(DataModel.MIXTURE, 23);
        final RandomFeatureRidgeSimulation sim = new RandomFeatureRidgeSimulation(Activations.byId("relu"),
            d.train(), d.test());
        final int[] counts = {64, 300, 128};
        final double[] gammas = {0.01, 0.1};
        final RidgeSimulationResult one = sim.run(counts, gammas, 5, 77, 1, Progress.NONE);
        final RidgeSimulationResult three = sim.run(counts, gammas, 5, 77, 3, Progress.NONE);
        final RidgeSimulationResult other = sim.run(counts, gammas, 5, 78, 3, Progress.NONE);
        for (int k = 0; k < counts.length; k++) {
            for (int g = 0; g < gammas.length; g++) {
                assertEquals(one.trainMean(k, g), three.trainMean(k, g), 0);
                assertEquals(one.testMean(k, g), three.testMean(k, g), 0);
                assertEquals(one.testStandardError(k, g), three.testStandardError(k, g), 0);
                assertTrue(one.testMean(k, g) != other.testMean(k, g));
            }
        }
    }

    @Test
    void cancellationStopsTheSimulation() {
        final GeneratedData d = data(DataModel.MIXTURE, 24);
        final AtomicInteger polls = new AtomicInteger();
        final Progress cancelSoon = new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                // not needed
            }

            @Override
            public void checkCancelled() throws CancelledException {
                if (polls.incrementAndGet() > 2) {
                    throw new CancelledException();
                }
            }
        };
        final RandomFeatureRidgeSimulation sim = new RandomFeatureRidgeSimulation(Activations.byId("relu"),
            d.train(), d.test());
        assertThrows(CancelledException.class,
            () -> sim.run(new int[] {2 * N}, new double[] {0.1}, 50, 1, 2, cancelSoon));
        assertThrows(CancelledException.class,
            () -> sim.run(new int[] {2 * N}, new double[] {0.1}, 50, 1, 1, cancelSoon));
    }

    @Test
    void badSettingsAreRejected() {
        final Activation relu = Activations.byId("relu");
        assertThrows(IllegalArgumentException.class,
            () -> new DoubleDescentSpec(relu, new double[] {0}, new double[] {1}, 1, 1, 0));
        assertThrows(IllegalArgumentException.class,
            () -> new DoubleDescentSpec(relu, new double[] {1}, new double[] {Double.NaN}, 1, 1, 0));
        assertThrows(IllegalArgumentException.class,
            () -> new DoubleDescentSpec(relu, new double[] {1}, new double[] {1}, -1, 1, 0));
        assertThrows(IllegalArgumentException.class,
            () -> new DoubleDescentSpec(null, new double[] {1}, new double[] {1}, 1, 1, 0));
    }

    /**
     * The memory guard counts the theory and the simulation together and refuses before any work: N/n = 1000 at
     * n = 2000 means 2e6 features of 2000 + 2000 samples, 64 GB per trial; theory alone (4 n^2) fits.
     */
    @Test
    void memoryGuardRefusesBeforeAllocating() {
        final Activation relu = Activations.byId("relu");
        final DoubleDescentSpec huge = new DoubleDescentSpec(relu, new double[] {0.5, 1000}, new double[] {1e-3}, 2, 1,
            1);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> DoubleDescent.requireMemory(huge, 2000, 2000));
        assertTrue(e.getMessage().contains("Not enough memory") && e.getMessage().contains("N up to 2000000"),
            e.getMessage());
        DoubleDescent.requireMemory(new DoubleDescentSpec(relu, new double[] {0.5, 1000}, new double[] {1e-3}, 0, 1,
            1), 2000, 2000);
        // run checks first: a tiny data set with an impossible sweep fails at once, whatever the data
        final AtomicInteger reports = new AtomicInteger();
        final Progress counting = new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                reports.incrementAndGet();
            }

            @Override
            public void checkCancelled() {
                // never cancels
            }
        };
        final GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 20, 0, 5, 4, 0.5,
            Scale.NORMALISED, 1));
        final DoubleDescentSpec impossible = new DoubleDescentSpec(relu, new double[] {1e7}, new double[] {1e-3}, 1, 1,
            1);
        assertThrows(IllegalArgumentException.class, () -> DoubleDescent.run(impossible, d.train(), null, counting));
        assertEquals(0, reports.get(), "refused before the theory started");
    }
}
