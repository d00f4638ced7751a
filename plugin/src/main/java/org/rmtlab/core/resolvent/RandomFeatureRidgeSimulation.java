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
    /** Trials per worker thread in one chunk (see {@link #run(int[], double[], int, int, long, int, Progress)}). */
    static final int CHUNK_PER_WORKER = 4;

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

    /** As {@link #run(int[], double[], int, int, long, int, Progress)} with ensembles of one (K = 1). */
    public RidgeSimulationResult run(final int[] featureCounts, final double[] gammas, final int trials,
        final long seed, final int threads, final Progress progress) throws CancelledException {
        return run(featureCounts, gammas, trials, 1, seed, threads, progress);
    }

    /**
     * Runs the trials and reduces them in trial order: errors, the bias and variance of the test prediction over
     * W, and the test error of ensembles of K fits measured on floor(trials / K) disjoint groups of trials (see
     * {@link BiasVarianceAccumulator}).
     *
     * <p>The trials run in chunks of {@value #CHUNK_PER_WORKER} per worker thread, each chunk's outcomes folded
     * into the accumulator in trial order before the next chunk starts: the test predictions of a trial
     * (n_test numbers per (N, gamma) point) are then held for one chunk only, so that memory does not grow with
     * the number of trials. The random streams are split from one root in trial order whatever the chunks, so
     * the result depends on the seed only.
     *
     * @param featureCounts feature counts N (any order, repeats allowed)
     * @param gammas ridges, each &gt; 0
     * @param trials independent draws of W, &gt;= 1
     * @param ensemble ensemble size K, 1 &lt;= K &lt;= trials
     * @param seed the same seed gives the same result, whatever {@code threads}; the streams come from
     *        {@link Rng#simulationSeed}, independent of data drawn with the same seed
     * @param threads worker threads; 0 for one per processor
     */
    public RidgeSimulationResult run(final int[] featureCounts, final double[] gammas, final int trials,
        final int ensemble, final long seed, final int threads, final Progress progress) throws CancelledException {
        Check.that(featureCounts.length > 0, "Give at least one feature count N.");
        Check.that(gammas.length > 0, "Give at least one gamma.");
        for (int c : featureCounts) {
            Check.positive("N (random features)", c);
        }
        for (double g : gammas) {
            Check.positive("gamma (ridge regularisation)", g);
        }
        Check.positive("trials", trials);
        Check.positive("the ensemble size K", ensemble);
        Check.that(ensemble <= trials, "The ensemble size K = " + ensemble + " needs at least K trials, but "
            + trials + " were given.");
        Check.that(threads >= 0, "threads must be >= 0 (0: one per processor), but is " + threads + ".");
        final TreeSet<Integer> distinct = new TreeSet<>();
        for (int c : featureCounts) {
            distinct.add(c);
        }
        final int[] sorted = distinct.stream().mapToInt(Integer::intValue).toArray();
        final int workers = workers(trials, threads);
        final int maxCount = sorted[sorted.length - 1];
        final int nTest = yTest.length;
        Memory.require(String.format("the simulation (N up to %d, n = %d, n_test = %d, %d parallel trials)",
            maxCount, n, nTest, workers), bytes(sorted, gammas.length, n, nTest, trials, ensemble, workers));
        final RidgeTrial trial = new RidgeTrial(sigma, both, n, y, yTest, sorted, gammas.clone());
        final int gCount = gammas.length;
        final double[][][] train = new double[sorted.length][gCount][trials];
        final double[][][] test = new double[sorted.length][gCount][trials];
        final BiasVarianceAccumulator moments = nTest == 0 ? null
            : new BiasVarianceAccumulator(yTest, sorted.length * gCount, trials, ensemble);
        final double[][] predictions = new double[sorted.length * gCount][];
        final Rng root = new Rng(Rng.simulationSeed(seed));
        final int chunk = CHUNK_PER_WORKER * workers;
        for (int from = 0; from < trials; from += chunk) {
            final int count = Math.min(chunk, trials - from);
            final List<RidgeTrial.Outcome> outcomes = TrialRunner.run(count, workers, root,
                (index, rng, cancel) -> trial.run(rng, cancel),
                progress.sub(from / (double) trials, count / (double) trials));
            for (int i = 0; i < count; i++) {
                final RidgeTrial.Outcome o = outcomes.get(i);
                for (int s = 0; s < sorted.length; s++) {
                    for (int g = 0; g < gCount; g++) {
                        train[s][g][from + i] = o.train()[s][g];
                        test[s][g][from + i] = o.test()[s][g];
                        if (moments != null) {
                            predictions[s * gCount + g] = o.predictions()[s][g];
                        }
                    }
                }
                if (moments != null) {
                    moments.add(predictions);
                }
            }
        }
        final int kCount = featureCounts.length;
        final double[][][] stats = new double[8][kCount][gCount];
        for (int k = 0; k < kCount; k++) {
            final int s = Arrays.binarySearch(sorted, featureCounts[k]);
            for (int g = 0; g < gCount; g++) {
                stats[0][k][g] = Stats.mean(train[s][g]);
                stats[1][k][g] = Stats.standardError(train[s][g]);
                stats[2][k][g] = Stats.mean(test[s][g]);
                stats[3][k][g] = Stats.standardError(test[s][g]);
                final int point = s * gCount + g;
                stats[4][k][g] = moments == null ? Double.NaN : moments.bias(point);
                stats[5][k][g] = moments == null ? Double.NaN : moments.variance(point);
                stats[6][k][g] = moments == null ? Double.NaN : moments.ensembleMean(point);
                stats[7][k][g] = moments == null ? Double.NaN : moments.ensembleStandardError(point);
            }
        }
        progress.report(1, "done");
        return new RidgeSimulationResult(featureCounts.clone(), gammas.clone(), trials, ensemble, stats);
    }

    /** Threads that run the trials: {@code threads}, or one per processor for 0, never more than the trials. */
    static int workers(final int trials, final int threads) {
        return threads == 0 ? TrialRunner.defaultThreads(trials) : Math.min(threads, trials);
    }

    /**
     * Working memory of a run, in bytes: {@code workers} trials at once, each holding the features of the largest
     * count in {@code sortedCounts} (ascending) and the Gram matrices of {@code RidgeTrial}; the outcomes of one
     * chunk of trials (errors and test predictions of every (N, gamma) point); the per-trial errors and the
     * bias-variance accumulator.
     */
    static long bytes(final int[] sortedCounts, final int gammas, final int n, final int nTest, final int trials,
        final int ensemble, final int workers) {
        int largestDual = 0;
        for (int c : sortedCounts) {
            if (c <= n) {
                largestDual = c;
            }
        }
        final int points = Math.multiplyExact(sortedCounts.length, gammas);
        long bytes = Math.multiplyExact((long) workers,
            RidgeTrial.bytes(n, n + nTest, sortedCounts[sortedCounts.length - 1], largestDual));
        bytes = Math.addExact(bytes, Math.multiplyExact((long) CHUNK_PER_WORKER * workers,
            RidgeTrial.outcomeBytes(points, nTest)));
        bytes = Math.addExact(bytes, Memory.doubles(points, trials, 2));
        return nTest == 0 ? bytes : Math.addExact(bytes, BiasVarianceAccumulator.bytes(points, nTest, trials, ensemble));
    }
}
