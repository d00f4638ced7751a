package org.rmtlab.core.resolvent;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.RandomFeatures;
import org.rmtlab.core.linalg.Cholesky;
import org.rmtlab.core.linalg.DenseProduct;
import org.rmtlab.core.linalg.SymmetricGram;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * Monte-Carlo counterpart of {@link GramResolvent}: the resolvent Q = (Sigma^T Sigma / n + gamma I_n)^{-1}
 * of Sigma = sigma(W X) averaged over independent draws of W (conventions of
 * {@link NonlinearGramEquivalent}), with the per-draw normalised traces for standard errors.
 */
public final class EmpiricalResolvent {
    private final DMatrixRMaj mean;
    private final double[] normalizedTraces;

    private EmpiricalResolvent(final DMatrixRMaj mean, final double[] normalizedTraces) {
        this.mean = mean;
        this.normalizedTraces = normalizedTraces;
    }

    /**
     * @param x p x n data, samples as columns
     * @param bigN number of random features N
     * @param trials independent draws of W
     * @param seed the same seed gives the same result
     */
    public static EmpiricalResolvent sample(final Activation sigma, final DMatrixRMaj x, final int bigN,
        final double gamma, final int trials, final long seed, final Progress progress) throws CancelledException {
        Check.positive("N (random features)", bigN);
        Check.positive("gamma (ridge regularisation)", gamma);
        Check.positive("trials", trials);
        final int n = x.numCols;
        Memory.require(String.format("the resolvent simulation (N = %d, n = %d)", bigN, n),
            Memory.doubles(Math.max(bigN, n), n, 4));
        final Rng root = new Rng(Rng.simulationSeed(seed));
        final DMatrixRMaj sum = new DMatrixRMaj(n, n);
        final double[] traces = new double[trials];
        final DMatrixRMaj q = new DMatrixRMaj(n, n);
        final DenseProduct product = new DenseProduct(x);
        final double[] features = new double[Math.multiplyExact(bigN, n)];
        final double[] upper = new double[n * n];
        for (int trial = 0; trial < trials; trial++) {
            progress.checkCancelled();
            progress.report(trial / (double) trials, "draw " + (trial + 1) + " of " + trials);
            RandomFeatures.map(sigma, RandomFeatures.weights(bigN, x.numRows, root.split()).data, bigN, product,
                features, 0);
            Arrays.fill(upper, 0);
            SymmetricGram.addUpper(features, n, 0, bigN, 0, n, 1.0 / n, upper);
            for (int i = 0; i < n; i++) {
                upper[i * n + i] += gamma;
            }
            if (Cholesky.factorUpper(upper, n) < n) {
                throw new IllegalArgumentException("Sigma^T Sigma / n + gamma I is numerically singular: increase gamma.");
            }
            Cholesky.inverse(upper, n, q.data);
            CommonOps_DDRM.addEquals(sum, q);
            traces[trial] = CommonOps_DDRM.trace(q) / n;
        }
        CommonOps_DDRM.scale(1.0 / trials, sum);
        progress.report(1, "done");
        return new EmpiricalResolvent(sum, traces);
    }

    /** The mean of Q over the draws (n x n). */
    public DMatrixRMaj mean() {
        return mean;
    }

    /** (1/n) tr Q of each draw. */
    public double[] normalizedTraces() {
        return normalizedTraces.clone();
    }

    public double normalizedTraceMean() {
        return Stats.mean(normalizedTraces);
    }

    /** Standard error of {@link #normalizedTraceMean()} (NaN for a single draw). */
    public double normalizedTraceStandardError() {
        return Stats.standardError(normalizedTraces);
    }
}
