package org.rmtlab.core.resolvent;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.RandomFeatures;
import org.rmtlab.core.linalg.Cholesky;
import org.rmtlab.core.linalg.DenseProduct;
import org.rmtlab.core.linalg.MatrixVector;
import org.rmtlab.core.linalg.SymmetricEigen;
import org.rmtlab.core.linalg.SymmetricGram;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Rng;
import org.rmtlab.core.util.TrialRunner;

/**
 * One Monte-Carlo trial of random-feature ridge regression for a whole grid of feature counts N and
 * ridges gamma, with one draw of W: the N_max rows are drawn once and the model with N features uses
 * the first N of them (rows of W are iid, so every N sees an exact sample of its own law).
 *
 * <p>Each model is solved on the smaller side m = min(N, n):
 * <ul>
 * <li>N &lt;= n (dual): beta = (Sigma Sigma^T / n + gamma I_N)^{-1} Sigma y / n; the N x N matrices of all
 * such N are leading blocks of one Gram matrix of the first rows, computed once.</li>
 * <li>N &gt; n (primal): z = Q y = (Sigma^T Sigma / n + gamma I_n)^{-1} y, so that y - Sigma^T beta = gamma z and
 * E_train = gamma^2 ||z||^2 / n; the n x n Gram matrix is updated with each new block of rows.</li>
 * </ul>
 * Gammas are solved either by one {@link Cholesky} factorisation each (on the dual side one per gamma
 * for all N &lt;= n, whose matrices are leading blocks of each other), or by one symmetric
 * eigendecomposition per N that serves every gamma at O(m^2) each, whichever costs less by
 * {@link #EIGEN_COST}; each side decides for itself.
 */
final class RidgeTrial {
    /**
     * Cost of an EJML symmetric eigendecomposition with vectors in units of a {@link Cholesky}
     * factorisation of the same size (measured 10 at m = 256, 27 at 512, 34 at 1024).
     */
    static final double EIGEN_COST = 30;

    private final Activation sigma;
    private final DMatrixRMaj both;
    private final DenseProduct features;
    private final int n;
    private final int nAll;
    private final double[] y;
    private final double[] yTest;
    private final int[] counts;
    private final double[] gammas;

    /**
     * @param both p x (n + n_test): training columns then test columns
     * @param counts distinct feature counts, ascending
     */
    RidgeTrial(final Activation sigma, final DMatrixRMaj both, final int n, final double[] y, final double[] yTest,
        final int[] counts, final double[] gammas) {
        this.sigma = sigma;
        this.both = both;
        this.features = new DenseProduct(both.data, both.numRows, both.numCols);
        this.n = n;
        this.nAll = both.numCols;
        this.y = y;
        this.yTest = yTest;
        this.counts = counts;
        this.gammas = gammas;
    }

    /** Bytes one trial allocates at most while it runs (for the memory guard; its {@link Outcome} comes on top). */
    static long bytes(final int n, final int nAll, final int maxCount, final int largestDual) {
        final long m = Math.max(Math.min(maxCount, n), 1);
        return 8L * ((long) maxCount * nAll + (long) n * largestDual + (long) largestDual * largestDual
            + (long) n * n + 4 * m * m);
    }

    /** Bytes of one {@link Outcome}: the errors and the test predictions of every (N, gamma). */
    static long outcomeBytes(final int points, final int nTest) {
        return Memory.doubles(points, nTest + 2, 1);
    }

    /**
     * Errors and test predictions of one trial.
     *
     * @param train E_train at counts[k], gammas[g]
     * @param test E_test (NaN without test set)
     * @param predictions the test predictions Sigma_test^T beta at counts[k], gammas[g] (n_test each; null
     *        without test set)
     */
    record Outcome(double[][] train, double[][] test, double[][][] predictions) {
    }

    Outcome run(final Rng rng, final TrialRunner.Cancel cancel) throws CancelledException {
        final double[] f = new double[Math.multiplyExact(counts[counts.length - 1], nAll)];
        final Outcome out = new Outcome(new double[counts.length][gammas.length],
            new double[counts.length][gammas.length], nAll == n ? null : new double[counts.length][gammas.length][]);
        int dual = 0;
        while (dual < counts.length && counts[dual] <= n) {
            dual++;
        }
        int rows = 0;
        if (dual > 0) {
            rows = draw(rng, f, 0, counts[dual - 1], cancel);
            solveDual(f, dual, out, cancel);
        }
        if (dual < counts.length) {
            solvePrimal(rng, f, rows, dual, out, cancel);
        }
        return out;
    }

    /** The models counts[0..dual) (N &lt;= n): all their N x N matrices are leading blocks of one Gram matrix. */
    private void solveDual(final double[] f, final int dual, final Outcome out, final TrialRunner.Cancel cancel) throws CancelledException {
        final int nd = counts[dual - 1];
        double cubes = 0;
        for (int k = 0; k < dual; k++) {
            cubes += Math.pow(counts[k], 3);
        }
        final boolean eigen = EIGEN_COST * cubes < gammas.length * Math.pow(nd, 3);
        final double[] gram = dualGram(f, nd);
        final double[] b = new double[nd];
        for (int r = 0; r < nd; r++) {
            b[r] = MatrixVector.dot(f, r * nAll, y, n) / n;
        }
        if (eigen) {
            for (int k = 0; k < dual; k++) {
                cancel.check();
                final int bigN = counts[k];
                final double[] a = new double[bigN * bigN];
                SymmetricGram.leadingBlock(gram, nd, bigN, a);
                final double[][] betas = eigenSolve(a, bigN, Arrays.copyOf(b, bigN));
                for (int g = 0; g < gammas.length; g++) {
                    dualErrors(f, bigN, betas[g], out, k, g);
                }
            }
            return;
        }
        // one factorisation per gamma serves every N <= n: the factor of a leading block is the leading
        // block of the factor, and so is the forward substitution
        final double[] u = new double[nd * nd];
        for (int g = 0; g < gammas.length; g++) {
            cancel.check();
            final int usable = factor(gram, nd, gammas[g], u);
            final double[] forward = b.clone();
            Cholesky.solveTransposed(u, nd, usable, forward);
            for (int k = 0; k < dual; k++) {
                final int bigN = counts[k];
                checkUsable(usable, bigN, gammas[g]);
                final double[] beta = Arrays.copyOf(forward, bigN);
                Cholesky.solveUpper(u, nd, bigN, beta);
                dualErrors(f, bigN, beta, out, k, g);
            }
        }
    }

    /**
     * The models counts[dual..] (N &gt; n), drawing their rows as N grows and updating the n x n Gram matrix
     * with each new block; the first {@code drawn} rows of f are already drawn.
     */
    private void solvePrimal(final Rng rng, final double[] f, final int drawn, final int dual, final Outcome out,
        final TrialRunner.Cancel cancel) throws CancelledException {
        final double[] gram = new double[n * n];
        SymmetricGram.addUpper(f, nAll, 0, drawn, 0, n, 1.0 / n, gram);
        final double[] work = new double[n * n];
        final boolean eigen = EIGEN_COST < gammas.length;
        int rows = drawn;
        for (int k = dual; k < counts.length; k++) {
            final int bigN = counts[k];
            final int from = rows;
            rows = draw(rng, f, rows, bigN, cancel);
            cancel.check();
            SymmetricGram.addUpper(f, nAll, from, rows, 0, n, 1.0 / n, gram);
            if (eigen) {
                SymmetricGram.leadingBlock(gram, n, n, work);
                final double[][] zs = eigenSolve(work, n, y.clone());
                for (int g = 0; g < gammas.length; g++) {
                    primalErrors(f, bigN, gammas[g], zs[g], out, k, g);
                }
                continue;
            }
            for (int g = 0; g < gammas.length; g++) {
                cancel.check();
                checkUsable(factor(gram, n, gammas[g], work), n, gammas[g]);
                final double[] z = y.clone();
                Cholesky.solveTransposed(work, n, n, z);
                Cholesky.solveUpper(work, n, n, z);
                primalErrors(f, bigN, gammas[g], z, out, k, g);
            }
        }
    }

    /** Draws rows [from, to) of W and fills the same rows of f = sigma(W [X, X_test]). */
    private int draw(final Rng rng, final double[] f, final int from, final int to, final TrialRunner.Cancel cancel)
        throws CancelledException {
        // blocks bound the temporary matrices and let cancellation through on large N
        final int block = Math.max(1, (1 << 20) / Math.max(nAll, both.numRows));
        final int p = both.numRows;
        for (int r = from; r < to; r += block) {
            cancel.check();
            final int count = Math.min(block, to - r);
            RandomFeatures.map(sigma, RandomFeatures.weights(count, p, rng).data, count, features, f, r * nAll);
        }
        return to;
    }

    /** Upper triangle of Sigma Sigma^T / n for the first nd rows, via the transpose so that the kernel streams rows. */
    private double[] dualGram(final double[] f, final int nd) {
        final double[] t = new double[n * nd];
        for (int r = 0; r < nd; r++) {
            final int base = r * nAll;
            for (int i = 0; i < n; i++) {
                t[i * nd + r] = f[base + i];
            }
        }
        final double[] gram = new double[nd * nd];
        SymmetricGram.addUpper(t, nd, 0, n, 0, nd, 1.0 / n, gram);
        return gram;
    }

    /** Cholesky factor of the upper triangle of gram (m x m) plus gamma I into u; returns the usable leading size. */
    private static int factor(final double[] gram, final int m, final double gamma, final double[] u) {
        for (int i = 0; i < m; i++) {
            System.arraycopy(gram, i * m + i, u, i * m + i, m - i);
            u[i * m + i] += gamma;
        }
        return Cholesky.factorUpper(u, m);
    }

    private static void checkUsable(final int usable, final int size, final double gamma) {
        if (usable < size) {
            throw new IllegalArgumentException("gamma = " + gamma + " is too small for the scale of the features: "
                + "the regularised Gram matrix is numerically singular. Increase gamma.");
        }
    }

    /**
     * (A + gamma I)^{-1} rhs for every gamma from one symmetric eigendecomposition of A (a full m x m
     * array): O(m^2) per gamma.
     */
    private double[][] eigenSolve(final double[] a, final int m, final double[] rhs) {
        final SymmetricEigen eig = SymmetricEigen.of(DMatrixRMaj.wrap(m, m, a));
        final double[] lambda = eig.values();
        final double[] u = MatrixVector.transposeTimes(eig.vectors(), rhs);
        final double[][] out = new double[gammas.length][];
        final double[] w = new double[m];
        for (int g = 0; g < gammas.length; g++) {
            for (int i = 0; i < m; i++) {
                w[i] = u[i] / (lambda[i] + gammas[g]);
            }
            out[g] = MatrixVector.times(eig.vectors(), w);
        }
        return out;
    }

    /** Predictions Sigma^T beta on training and test columns at once. */
    private void dualErrors(final double[] f, final int bigN, final double[] beta, final Outcome out, final int k,
        final int g) {
        final double[] pred = new double[nAll];
        for (int r = 0; r < bigN; r++) {
            final double b = beta[r];
            final int base = r * nAll;
            for (int j = 0; j < nAll; j++) {
                pred[j] += b * f[base + j];
            }
        }
        double e = 0;
        for (int j = 0; j < n; j++) {
            final double d = y[j] - pred[j];
            e += d * d;
        }
        out.train[k][g] = e / n;
        test(pred, out, k, g);
    }

    /** y - Sigma^T beta = gamma z; test predictions Sigma_test^T (Sigma z / n). */
    private void primalErrors(final double[] f, final int bigN, final double gamma, final double[] z,
        final Outcome out, final int k, final int g) {
        double zz = 0;
        for (double v : z) {
            zz += v * v;
        }
        out.train[k][g] = gamma * gamma * zz / n;
        if (nAll == n) {
            out.test[k][g] = Double.NaN;
            return;
        }
        final double[] pred = new double[nAll];
        for (int r = 0; r < bigN; r++) {
            final int base = r * nAll;
            final double beta = MatrixVector.dot(f, base, z, n) / n;
            for (int j = n; j < nAll; j++) {
                pred[j] += beta * f[base + j];
            }
        }
        test(pred, out, k, g);
    }

    /** Test error and test predictions from the predictions on all columns (test columns from n on). */
    private void test(final double[] pred, final Outcome out, final int k, final int g) {
        if (nAll == n) {
            out.test[k][g] = Double.NaN;
            return;
        }
        double e = 0;
        for (int j = n; j < nAll; j++) {
            final double d = yTest[j - n] - pred[j];
            e += d * d;
        }
        out.test[k][g] = e / (nAll - n);
        out.predictions[k][g] = Arrays.copyOfRange(pred, n, nAll);
    }
}
