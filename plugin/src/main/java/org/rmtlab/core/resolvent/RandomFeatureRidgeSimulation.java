package org.rmtlab.core.resolvent;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rmtlab.core.data.Dataset;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;
import org.rmtlab.core.util.TrialRunner;

/**
 * Monte-Carlo simulation of random-feature ridge regression, the counterpart of
 * {@link RandomFeatureRidgeRisk} on the same data: each trial draws a fresh W (iid N(0, 1) entries),
 * fits beta = (1/n) Sigma Q y for every feature count N and ridge gamma of a grid, and records
 * E_train = (1/n) ||y - Sigma^T beta||^2 and E_test = (1/n_test) ||y_test - Sigma_test^T beta||^2
 * (conventions of {@link NonlinearGramEquivalent}).
 *
 * <p>Cost per trial (see {@code RidgeTrial}): W is drawn once for the largest N and smaller N use its
 * first rows; every model is solved on the smaller side min(N, n); Gram matrices are accumulated rather
 * than recomputed; a whole gamma grid costs one eigendecomposition per N (or one Cholesky
 * factorisation per gamma when there are only a few). Trials run in parallel on pre-split random
 * streams, so the result depends on the seed only, not on the number of threads.
 */
public final class RandomFeatureRidgeSimulation {
    private final Activation sigma;
    private final DMatrixRMaj both;
    private final int n;
    private final double[] y;
    private final double[] yTest;

    /**
     * @param x p x n training data, samples as columns
     * @param xTest p x n_test test data, or null for training errors only
     */
    public RandomFeatureRidgeSimulation(final Activation sigma, final DMatrixRMaj x, final double[] y,
        final DMatrixRMaj xTest, final double[] yTest) {
        Check.that(sigma != null, "The activation is missing.");
        RidgeInputs.check(x, y, xTest, yTest);
        this.sigma = sigma;
        this.n = x.numCols;
        this.y = y.clone();
        if (xTest == null || xTest.numCols == 0) {
            this.both = x.copy();
            this.yTest = new double[0];
        } else {
            this.both = new DMatrixRMaj(x.numRows, n + xTest.numCols);
            CommonOps_DDRM.concatColumns(x, xTest, both);
            this.yTest = yTest.clone();
        }
    }

    public RandomFeatureRidgeSimulation(final Activation sigma, final Dataset train, final Dataset test) {
        this(sigma, train.x(), train.y(), test == null ? null : test.x(), test == null ? null : test.y());
    }

    /**
     * @param featureCounts feature counts N (any order, repeats allowed)
     * @param gammas ridges, each &gt; 0
     * @param trials independent draws of W, &gt;= 1
     * @param seed the same seed gives the same result, whatever {@code threads}
     * @param threads worker threads; 0 for one per processor
     */
    public RidgeSimulationResult run(final int[] featureCounts, final double[] gammas, final int trials,
        final long seed, final int threads, final Progress progress) throws CancelledException {
        Check.that(featureCounts.length > 0, "Give at least one feature count N.");
        Check.that(gammas.length > 0, "Give at least one gamma.");
        for (int c : featureCounts) {
            Check.positive("N (random features)", c);
        }
        for (double g : gammas) {
            Check.positive("gamma (ridge regularisation)", g);
        }
        Check.positive("trials", trials);
        Check.that(threads >= 0, "threads must be >= 0 (0: one per processor), but is " + threads + ".");
        final TreeSet<Integer> distinct = new TreeSet<>();
        for (int c : featureCounts) {
            distinct.add(c);
        }
        final int[] sorted = distinct.stream().mapToInt(Integer::intValue).toArray();
        final int workers = workers(trials, threads);
        final int maxCount = sorted[sorted.length - 1];
        Memory.require(String.format("the simulation (N up to %d, n = %d, n_test = %d, %d parallel trials)",
            maxCount, n, both.numCols - n, workers), bytes(sorted, n, both.numCols - n, workers));
        final RidgeTrial trial = new RidgeTrial(sigma, both, n, y, yTest, sorted, gammas.clone());
        final List<double[][][]> results = TrialRunner.run(trials, workers, new Rng(seed),
            (index, rng, cancel) -> trial.run(rng, cancel), progress);
        final int kCount = featureCounts.length;
        final int gCount = gammas.length;
        final double[][] trainMean = new double[kCount][gCount];
        final double[][] trainSe = new double[kCount][gCount];
        final double[][] testMean = new double[kCount][gCount];
        final double[][] testSe = new double[kCount][gCount];
        final double[] sample = new double[trials];
        for (int k = 0; k < kCount; k++) {
            final int s = Arrays.binarySearch(sorted, featureCounts[k]);
            for (int g = 0; g < gCount; g++) {
                for (int t = 0; t < trials; t++) {
                    sample[t] = results.get(t)[0][s][g];
                }
                trainMean[k][g] = Stats.mean(sample);
                trainSe[k][g] = Stats.standardError(sample);
                for (int t = 0; t < trials; t++) {
                    sample[t] = results.get(t)[1][s][g];
                }
                testMean[k][g] = Stats.mean(sample);
                testSe[k][g] = Stats.standardError(sample);
            }
        }
        return new RidgeSimulationResult(featureCounts.clone(), gammas.clone(), trials, trainMean, trainSe, testMean,
            testSe);
    }

    /** Threads that run the trials: {@code threads}, or one per processor for 0, never more than the trials. */
    static int workers(final int trials, final int threads) {
        return threads == 0 ? TrialRunner.defaultThreads(trials) : Math.min(threads, trials);
    }

    /**
     * Working memory of a run, in bytes: {@code workers} trials at once, each holding the features of the largest
     * count in {@code sortedCounts} (ascending) and the Gram matrices of {@code RidgeTrial}.
     */
    static long bytes(final int[] sortedCounts, final int n, final int nTest, final int workers) {
        int largestDual = 0;
        for (int c : sortedCounts) {
            if (c <= n) {
                largestDual = c;
            }
        }
        return Math.multiplyExact((long) workers,
            RidgeTrial.bytes(n, n + nTest, sortedCounts[sortedCounts.length - 1], largestDual));
    }
}
