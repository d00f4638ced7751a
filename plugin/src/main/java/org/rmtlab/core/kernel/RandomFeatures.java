package org.rmtlab.core.kernel;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rmtlab.core.linalg.DenseProduct;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Rng;

/**
 * The random feature map Sigma = sigma(W X) in R^{N x n}: W in R^{N x p} with iid entries of mean 0
 * and variance 1 ({@link WeightLaw}), X in R^{p x n} with samples as columns (Louart, Liao, Couillet
 * 2018, Sec. 2). With Gaussian W, E[(1/N) Sigma^T Sigma] = K, the expected kernel matrix of
 * {@link ExpectedKernels#matrix(ExpectedKernel, DMatrixRMaj)}.
 *
 * <p>Determinism: W is drawn row by row from the given {@link Rng}, so the same seed gives the same W.
 * The product W X is {@link DenseProduct}'s, whose parallel variant splits the output by rows and computes
 * every entry with the same summation order as the single-threaded one: the result is bit-identical
 * whatever the number of threads (checked in the tests).
 */
public final class RandomFeatures {
    private RandomFeatures() {
    }

    /** W in R^{N x p}, iid N(0, 1), drawn row by row from {@code rng}. */
    public static DMatrixRMaj weights(final int bigN, final int p, final Rng rng) {
        return weights(bigN, p, WeightLaw.GAUSSIAN, rng);
    }

    /**
     * W in R^{N x p} with iid entries of the given law, drawn row by row from {@code rng}.
     *
     * @throws IllegalArgumentException when a size is not positive or W would not fit in memory
     */
    public static DMatrixRMaj weights(final int bigN, final int p, final WeightLaw law, final Rng rng) {
        requireWeightMemory(bigN, p);
        final DMatrixRMaj w = new DMatrixRMaj(bigN, p);
        law.fill(w.data, bigN * p, rng);
        return w;
    }

    /**
     * Checks, before anything is drawn, that N and p are positive and that W fits in memory (for a
     * node's configure step, where the data are not yet read).
     *
     * @throws IllegalArgumentException naming the sizes and the heap
     */
    public static void requireWeightMemory(final int bigN, final int p) {
        Check.positive("The number of random features N", bigN);
        Check.positive("The dimension p", p);
        Memory.require("the " + bigN + " x " + p + " random weight matrix W", Memory.doubles(bigN, p, 1));
    }

    /**
     * sigma(W X), entrywise.
     *
     * @throws IllegalArgumentException when the inner dimensions differ or the N x n result would not
     *         fit in memory
     */
    public static DMatrixRMaj map(final Activation sigma, final DMatrixRMaj w, final DMatrixRMaj x) {
        Check.that(w.numCols == x.numRows, "The weights W have " + w.numCols + " columns but the data X has "
            + x.numRows + " rows (features); they must be equal.");
        Memory.require("the " + w.numRows + " x " + x.numCols + " random feature matrix sigma(WX)",
            Memory.doubles(w.numRows, x.numCols, 1));
        final DMatrixRMaj s = new DMatrixRMaj(w.numRows, x.numCols);
        new DenseProduct(x).multiplyParallel(w.data, w.numRows, s.data, 0);
        apply(sigma, s.data, 0, s.getNumElements());
        return s;
    }

    /**
     * sigma(W X[:, from:to]), the features of the samples (columns) {@code from} (inclusive) to
     * {@code to} (exclusive) of X: bit-identical to those columns of {@link #map(Activation, DMatrixRMaj,
     * DMatrixRMaj)}, since every entry is the same sum over p in the same order (checked in the tests).
     * For computing the features of many samples a block at a time, with memory for one block only.
     *
     * @throws IllegalArgumentException when the range is empty or outside 0..n, or as {@link #map}
     */
    public static DMatrixRMaj map(final Activation sigma, final DMatrixRMaj w, final DMatrixRMaj x, final int from,
        final int to) {
        Check.that(0 <= from && from < to && to <= x.numCols, "The block of samples " + from + ".." + to
            + " is not a non-empty range within the " + x.numCols + " samples of X.");
        Memory.require("a " + x.numRows + " x " + (to - from) + " block of the data X",
            Memory.doubles(x.numRows, to - from, 1));
        return map(sigma, w, CommonOps_DDRM.extract(x, 0, x.numRows, from, to));
    }

    /**
     * sigma(W X) for the {@code rows} rows of W (row-major, rows x p) and X packed once for many draws (for
     * example by a simulation that reuses X in every trial), written into {@code out} from {@code offset} on;
     * single-threaded, for callers that run trials in parallel.
     */
    public static void map(final Activation sigma, final double[] w, final int rows, final DenseProduct x,
        final double[] out, final int offset) {
        x.multiply(w, rows, out, offset);
        apply(sigma, out, offset, rows * x.columns());
    }

    private static void apply(final Activation sigma, final double[] d, final int offset, final int length) {
        for (int i = offset; i < offset + length; i++) {
            d[i] = sigma.value(d[i]);
        }
    }
}
