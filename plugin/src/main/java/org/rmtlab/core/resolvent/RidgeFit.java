package org.rmtlab.core.resolvent;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rmtlab.core.linalg.SymmetricEigen;
import org.rmtlab.core.linalg.SymmetricGram;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;

/**
 * Linear ridge regression fitted on given data for a whole grid of penalties, with the conventions of
 * {@link LinearRidgeRisk} (HMRT 2022): X is p x n with the samples as columns, S = (1/n) X X^T and
 * beta_lambda = (S + lambda I)^{-1} (1/n) X y; lambda = 0 gives the minimum-norm least-squares fit (the
 * interpolator when p >= n). No intercept: centre the data first for one. Reported are the training error
 * (1/n) ||y - X^T beta||^2 and the test error (1/n_test) ||y_test - X_test^T beta||^2.
 *
 * <p>Cost: one symmetric eigendecomposition on the smaller side m = min(p, n), after which every penalty costs
 * O((n + n_test) m). With p <= n and S = V D V^T the predictions are (X^T V) diag(1/(d + lambda)) V^T X y / n;
 * with p > n and K = (1/n) X^T X = U D U^T they are U D diag(1/(d + lambda)) U^T y on the training set and
 * ((1/n) X_test^T X U) diag(1/(d + lambda)) U^T y on the test set. Both are T diag(1/(d + lambda)) h for a
 * training basis T (n x m), a test basis M (n_test x m) and coordinates h fixed by the decomposition.
 * Eigenvalues below the rounding level (64 m eps d_max, as in {@link LinearRidgeSimulation}) count as zero and
 * drop out, which is the minimum-norm limit.
 */
public final class RidgeFit {
    private final double[] y;
    private final double[] yTest;
    private final double[] d;
    /** n x m. */
    private final DMatrixRMaj trainBasis;
    /** n_test x m, null without test set. */
    private final DMatrixRMaj testBasis;
    private final double[] h;

    /** Training and test error at one penalty (test NaN without test set). */
    public record Errors(double lambda, double train, double test) {
    }

    /**
     * Decomposes once: O(p n m + m^3 + n_test p m).
     *
     * @param x p x n training data, samples as columns (not modified)
     * @param y n training targets
     * @param xTest p x n_test test data, or null for training errors only
     * @param yTest n_test test targets, or null
     */
    public RidgeFit(final DMatrixRMaj x, final double[] y, final DMatrixRMaj xTest, final double[] yTest,
        final Progress progress) throws CancelledException {
        RidgeInputs.check(x, y, xTest, yTest);
        final int p = x.numRows;
        final int n = x.numCols;
        final int nTest = xTest == null ? 0 : xTest.numCols;
        final int m = Math.min(p, n);
        Memory.require(String.format("the ridge fit (X: %d x %d, eigenvectors: %d x %d, n_test = %d)", p, n, m, m,
            nTest), Memory.doubles(m, m, 3) + Memory.doubles(n + nTest, m, 1) + Memory.doubles(p, n, 1)
                + Memory.doubles(nTest, Math.max(p, n), 1));
        this.y = y.clone();
        this.yTest = nTest > 0 ? yTest.clone() : null;
        progress.report(0, "Gram matrix");
        progress.checkCancelled();
        final boolean primal = p <= n;
        final DMatrixRMaj gram = primal ? SymmetricGram.outer(x, 1.0 / n) : SymmetricGram.inner(x, 1.0 / n);
        progress.report(0.3, "eigendecomposition");
        progress.checkCancelled();
        final SymmetricEigen eig = SymmetricEigen.of(gram);
        progress.report(0.7, "projections");
        progress.checkCancelled();
        this.d = eig.values().clone();
        final DMatrixRMaj vectors = eig.vectors();
        final double largest = Math.max(0, d[m - 1]);
        final double zero = 64 * m * Math.ulp(1.0) * largest;
        for (int i = 0; i < m; i++) {
            if (d[i] <= zero) {
                d[i] = 0;
            }
        }
        this.h = new double[m];
        if (primal) {
            // T = X^T V, M = X_test^T V, h = V^T X y / n
            trainBasis = new DMatrixRMaj(n, m);
            CommonOps_DDRM.multTransA(x, vectors, trainBasis);
            testBasis = nTest > 0 ? new DMatrixRMaj(nTest, m) : null;
            if (testBasis != null) {
                CommonOps_DDRM.multTransA(xTest, vectors, testBasis);
            }
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    h[i] += trainBasis.unsafe_get(j, i) * y[j];
                }
            }
            for (int i = 0; i < m; i++) {
                h[i] /= n;
            }
        } else {
            // T = U D, M = X_test^T X U / n, h = U^T y
            trainBasis = vectors.copy();
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    trainBasis.unsafe_set(j, i, trainBasis.unsafe_get(j, i) * d[i]);
                    h[i] += vectors.unsafe_get(j, i) * y[j];
                }
            }
            if (nTest > 0) {
                final DMatrixRMaj cross = new DMatrixRMaj(nTest, n);
                CommonOps_DDRM.multTransA(xTest, x, cross);
                testBasis = new DMatrixRMaj(nTest, m);
                CommonOps_DDRM.mult(1.0 / n, cross, vectors, testBasis);
            } else {
                testBasis = null;
            }
        }
        progress.report(1, "done");
    }

    /** Training and test errors at each penalty (each >= 0): O((n + n_test) m) per penalty. */
    public List<Errors> errors(final double[] lambdas) {
        Check.that(lambdas != null && lambdas.length > 0, "The penalty grid is empty.");
        final List<Errors> out = new ArrayList<>(lambdas.length);
        final double[] w = new double[d.length];
        for (double lambda : lambdas) {
            Check.nonNegative("lambda (ridge penalty)", lambda);
            for (int i = 0; i < d.length; i++) {
                w[i] = d[i] == 0 ? 0 : h[i] / (d[i] + lambda);
            }
            out.add(new Errors(lambda, meanSquaredResidual(trainBasis, w, y),
                testBasis == null ? Double.NaN : meanSquaredResidual(testBasis, w, yTest)));
        }
        return out;
    }

    /**
     * The eigenvalues of S = (1/n) X X^T on the smaller side m = min(p, n) (for p &gt; n those of (1/n) X^T X, the
     * same nonzero values), those below the rounding level set to 0.
     */
    public double[] eigenvalues() {
        return d.clone();
    }

    /**
     * Degrees of freedom of the fit at penalty lambda &gt;= 0: the trace of the smoother X^T (S + lambda I)^{-1} X / n,
     * sum_i d_i / (d_i + lambda) over the nonzero eigenvalues (the rank at lambda = 0).
     */
    public double degreesOfFreedom(final double lambda) {
        Check.nonNegative("lambda (ridge penalty)", lambda);
        double df = 0;
        for (double v : d) {
            df += v == 0 ? 0 : v / (v + lambda);
        }
        return df;
    }

    /** Rank of X: the eigenvalues above the rounding level. */
    public int rank() {
        int r = 0;
        for (double v : d) {
            r += v > 0 ? 1 : 0;
        }
        return r;
    }

    /** (1/rows) ||target - basis w||^2. */
    private static double meanSquaredResidual(final DMatrixRMaj basis, final double[] w, final double[] target) {
        final int m = w.length;
        double sum = 0;
        for (int j = 0; j < basis.numRows; j++) {
            double prediction = 0;
            final int row = j * m;
            for (int i = 0; i < m; i++) {
                prediction += basis.data[row + i] * w[i];
            }
            final double r = target[j] - prediction;
            sum += r * r;
        }
        return sum / basis.numRows;
    }
}
