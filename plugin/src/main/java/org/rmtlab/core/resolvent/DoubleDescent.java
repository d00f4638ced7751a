package org.rmtlab.core.resolvent;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.data.Dataset;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.TrialRunner;

/**
 * Double-descent sweeps of random-feature ridge regression over N/n and gamma: the deterministic
 * equivalents of {@link RandomFeatureRidgeRisk} beside the Monte-Carlo simulation of
 * {@link RandomFeatureRidgeSimulation} on the same data (conventions of {@link NonlinearGramEquivalent}).
 * For small gamma the test error peaks near N = n, the interpolation threshold.
 *
 * <p>Each row also splits the test error over the randomness of W into bias (the error of the mean predictor)
 * and variance, and gives the test error of an ensemble of {@link DoubleDescentSpec#ensemble()} fits, theory
 * ({@link RidgeRisk#ensembleTest(int)}) beside simulation (the same trials, see
 * {@link RandomFeatureRidgeSimulation#run(int[], double[], int, int, long, int, Progress)}).
 *
 * <p>The grid is the product ratios x gammas; rows are ordered by gamma, then by ratio. The feature
 * count is N = max(1, round(ratio n)) and the theory is evaluated at the exact N/n of that N, so that
 * both columns describe the same model.
 */
public final class DoubleDescent {
    private DoubleDescent() {
    }

    /**
     * @param spec activation, grid, trials (0: theory only), seed and threads
     * @param train training set (its X and y)
     * @param test test set, or null for training errors only
     */
    public static List<DoubleDescentPoint> run(final DoubleDescentSpec spec, final Dataset train, final Dataset test,
        final Progress progress) throws CancelledException {
        return run(spec, train.x(), train.y(), test == null ? null : test.x(), test == null ? null : test.y(), progress);
    }

    /** As {@link #run(DoubleDescentSpec, Dataset, Dataset, Progress)} for any numeric data (X is p x n, samples as columns). */
    public static List<DoubleDescentPoint> run(final DoubleDescentSpec spec, final DMatrixRMaj x, final double[] y,
        final DMatrixRMaj xTest, final double[] yTest, final Progress progress) throws CancelledException {
        Check.that(spec != null, "The sweep settings are missing.");
        RidgeInputs.check(x, y, xTest, yTest);
        final int n = x.numCols;
        requireMemory(spec, n, xTest == null ? 0 : xTest.numCols);
        final double[] ratios = spec.ratios();
        final double[] gammas = spec.gammas();
        final int[] counts = featureCounts(ratios, n);
        final double theoryShare = theoryShare(spec, x, xTest, counts);
        final RandomFeatureRidgeRisk theory = RandomFeatureRidgeRisk.of(spec.sigma(), x, y, xTest, yTest,
            progress.sub(0, theoryShare));
        RidgeSimulationResult sim = null;
        if (spec.trials() > 0) {
            sim = new RandomFeatureRidgeSimulation(spec.sigma(), x, y, xTest, yTest).run(counts, gammas, spec.trials(),
                spec.ensemble(), spec.seed(), spec.threads(), progress.sub(theoryShare, 1 - theoryShare));
        }
        final List<DoubleDescentPoint> rows = new ArrayList<>(ratios.length * gammas.length);
        for (int g = 0; g < gammas.length; g++) {
            for (int k = 0; k < counts.length; k++) {
                final double c = counts[k] / (double) n;
                final RidgeRisk r = theory.at(c, gammas[g]);
                final boolean s = sim != null;
                rows.add(new DoubleDescentPoint(c, counts[k], gammas[g], r.train(), r.test(),
                    s ? sim.trainMean(k, g) : Double.NaN, s ? sim.testMean(k, g) : Double.NaN,
                    s ? sim.trainStandardError(k, g) : Double.NaN, s ? sim.testStandardError(k, g) : Double.NaN,
                    r.delta(), r.testBias(), r.testVariance(), r.ensembleTest(spec.ensemble()),
                    s ? sim.testBias(k, g) : Double.NaN, s ? sim.testVariance(k, g) : Double.NaN,
                    s ? sim.ensembleMean(k, g) : Double.NaN, s ? sim.ensembleStandardError(k, g) : Double.NaN));
            }
        }
        progress.report(1, "done");
        return rows;
    }

    /**
     * Refuses, before anything is allocated, a sweep whose theory (the n x n kernel, its eigenvectors and the
     * test cross-kernel, kept during the simulation) and simulation (the N x (n + n_test) features and Gram
     * matrices of each parallel trial, N up to the largest ratio times n) together would not fit in the heap.
     * {@link #run} calls it first; callers that read their data in pieces can call it earlier.
     *
     * @param n training samples
     * @param nTest test samples (0 without test set)
     */
    public static void requireMemory(final DoubleDescentSpec spec, final int n, final int nTest) {
        Check.that(spec != null, "The sweep settings are missing.");
        Check.positive("n (training samples)", n);
        Check.that(nTest >= 0, "n_test must be >= 0, but is " + nTest + ".");
        final int[] sorted = IntStream.of(featureCounts(spec.ratios(), n)).distinct().sorted().toArray();
        final int workers = RandomFeatureRidgeSimulation.workers(spec.trials(), spec.threads());
        long bytes;
        try {
            bytes = RandomFeatureRidgeRisk.bytes(n, nTest);
            if (spec.trials() > 0) {
                bytes = Math.addExact(bytes, RandomFeatureRidgeSimulation.bytes(sorted, spec.gammas().length, n, nTest,
                    spec.trials(), spec.ensemble(), workers));
            }
        } catch (ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        Memory.require(String.format("the theory (n x n kernel, n = %d, n_test = %d)%s", n, nTest,
            spec.trials() == 0 ? "" : String.format(" and the simulation (N up to %d random features, %d parallel "
                + "trials)", sorted[sorted.length - 1], workers)), bytes);
    }

    /** N = max(1, round(ratio n)) for each ratio. */
    private static int[] featureCounts(final double[] ratios, final int n) {
        final int[] counts = new int[ratios.length];
        for (int k = 0; k < ratios.length; k++) {
            final double c = Math.rint(ratios[k] * n);
            Check.that(c <= Integer.MAX_VALUE, "N/n = " + ratios[k] + " gives too many features for n = " + n + ".");
            counts[k] = Math.max(1, (int) c);
        }
        return counts;
    }

    /** Rough share of the work taken by the theory (one n x n eigendecomposition) for the progress bar. */
    private static double theoryShare(final DoubleDescentSpec spec, final DMatrixRMaj x, final DMatrixRMaj xTest,
        final int[] counts) {
        if (spec.trials() == 0) {
            return 1;
        }
        final double n = x.numCols;
        final double all = n + (xTest == null ? 0 : xTest.numCols);
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        final double theory = 10 * n * n * n;
        final double trial = 2.0 * max * x.numRows * all + max * n * Math.min(max, n)
            + counts.length * Math.pow(Math.min(max, n), 3) / 3 * Math.min(spec.gammas().length, RidgeTrial.EIGEN_COST);
        return theory / (theory + spec.trials() * trial / Math.max(1, spec.threads() == 0
            ? TrialRunner.defaultThreads(spec.trials()) : spec.threads()));
    }
}
