package org.rmtlab.core.resolvent;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.data.Dataset;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.ExpectedKernel;
import org.rmtlab.core.kernel.ExpectedKernels;
import org.rmtlab.core.linalg.DenseProduct;
import org.rmtlab.core.linalg.MatrixVector;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;

/**
 * Deterministic equivalents of the training and test MSE of ridge regression on random features
 * (Louart, Liao, Couillet 2018, Theorems 2 and 3; Liao's slides, "Asymptotic training and test MSEs").
 *
 * <p>Setting (conventions of {@link NonlinearGramEquivalent}): beta = (1/n) Sigma Q y minimises
 * (1/n) ||y - Sigma^T beta||^2 + gamma ||beta||^2; E_train = (1/n) ||y - Sigma^T beta||^2 and
 * E_test = (1/n_test) ||y_test - Sigma_test^T beta||^2 with Sigma_test = sigma(W X_test). With
 * Psi_AB = (N/n) K(A, B) / (1 + delta), Psi = Psi_XX, and Qbar = (Psi + gamma I_n)^{-1}:
 *
 * <pre>
 *   D       = 1 - (1/N) tr (Psi Qbar)^2
 *   E_train = (gamma^2 / n) y^T Qbar [ ((1/N) tr(Psi Qbar^2) / D) Psi + I_n ] Qbar y
 *   E_test  = (1/n_test) ||y_test - Psi_{X X_test}^T Qbar y||^2
 *           + ((1/N) y^T Qbar Psi Qbar y / D)
 *             * [ (1/n_test) tr Psi_{X_test X_test} - (1/n_test) tr (I_n + gamma Qbar) Psi_{X X_test} Psi_{X_test X} Qbar ]
 * </pre>
 *
 * <p>Cost: the constructor computes K, its eigendecomposition K = U diag(lambda) U^T, the coordinates
 * U^T y, the cross kernel K(X_test, X) and M = K(X_test, X) U (O(n^3 + n_test n^2) once). Then every
 * point (N/n, gamma) costs O(n) for delta and the training error and O(n n_test) for the test error:
 * all traces are sums over the eigenvalues, with the column norms of M for the cross term.
 */
public final class RandomFeatureRidgeRisk {
    private final NonlinearGramEquivalent equivalent;
    private final ExpectedKernel kernel;
    private final DMatrixRMaj x;
    private final int n;
    private final double[] yEigen;
    private final double[] yTest;
    private final DMatrixRMaj m;
    private final double[] mColumnNorms2;
    private final double testKernelTrace;

    private RandomFeatureRidgeRisk(final NonlinearGramEquivalent equivalent, final ExpectedKernel kernel,
        final DMatrixRMaj x, final double[] yEigen, final double[] yTest, final DMatrixRMaj m,
        final double[] mColumnNorms2, final double testKernelTrace) {
        this.equivalent = equivalent;
        this.kernel = kernel;
        this.x = x;
        this.n = x.numCols;
        this.yEigen = yEigen;
        this.yTest = yTest;
        this.m = m;
        this.mColumnNorms2 = mColumnNorms2;
        this.testKernelTrace = testKernelTrace;
    }

    /** Without test set (the test columns are NaN). */
    public static RandomFeatureRidgeRisk of(final Activation sigma, final Dataset train) {
        return Progress.silently(progress -> of(sigma, train.x(), train.y(), null, null, progress));
    }

    public static RandomFeatureRidgeRisk of(final Activation sigma, final Dataset train, final Dataset test) {
        return Progress.silently(progress -> of(sigma, train.x(), train.y(), test.x(), test.y(), progress));
    }

    /**
     * @param x p x n training data, samples as columns (any numeric data; the theory uses its own kernel matrix)
     * @param y n training targets
     * @param xTest p x n_test test data, or null (or n_test = 0) for no test error
     * @param yTest n_test test targets, or null
     */
    public static RandomFeatureRidgeRisk of(final Activation sigma, final DMatrixRMaj x, final double[] y,
        final DMatrixRMaj xTest, final double[] yTest, final Progress progress) throws CancelledException {
        Check.that(sigma != null, "The activation is missing.");
        return of(ExpectedKernels.forActivation(sigma), x, y, xTest, yTest, progress);
    }

    /** As {@link #of(Activation, DMatrixRMaj, double[], DMatrixRMaj, double[], Progress)} for a given kernel. */
    public static RandomFeatureRidgeRisk of(final ExpectedKernel kernel, final DMatrixRMaj x, final double[] y,
        final DMatrixRMaj xTest, final double[] yTest, final Progress progress) throws CancelledException {
        final int n = x.numCols;
        final int nTest = xTest == null ? 0 : xTest.numCols;
        RidgeInputs.check(x, y, xTest, yTest);
        Memory.require(String.format("the risk equivalents (n = %d, n_test = %d)", n, nTest), bytes(n, nTest));
        progress.report(0, "kernel matrix");
        progress.checkCancelled();
        final DMatrixRMaj k = ExpectedKernels.matrix(kernel, x);
        progress.report(0.1, "eigendecomposition of the kernel matrix");
        progress.checkCancelled();
        final NonlinearGramEquivalent equivalent = NonlinearGramEquivalent.ofKernel(k);
        progress.checkCancelled();
        final double[] yEigen = equivalent.eigen().toEigenBasis(y);
        DMatrixRMaj m = null;
        double[] norms = null;
        double trace = Double.NaN;
        if (nTest > 0) {
            progress.report(0.8, "test kernel");
            m = DenseProduct.mult(ExpectedKernels.matrix(kernel, xTest, x), equivalent.eigen().vectors());
            norms = new double[n];
            for (int j = 0; j < nTest; j++) {
                for (int i = 0; i < n; i++) {
                    final double v = m.unsafe_get(j, i);
                    norms[i] += v * v;
                }
            }
            trace = Stats.mean(ExpectedKernels.diagonal(kernel, xTest));
        }
        progress.report(1, "done");
        return new RandomFeatureRidgeRisk(equivalent, kernel, x, yEigen, nTest > 0 ? yTest.clone() : null, m, norms,
            trace);
    }

    /** Working memory of {@link #of} in bytes: the kernel, its eigenvectors and the cross-kernel products. */
    static long bytes(final int n, final int nTest) {
        return Memory.doubles(n, n, 4) + Memory.doubles(nTest, n, 2);
    }

    /** The resolvent equivalent of the training kernel (shared, for traces and spectra). */
    public NonlinearGramEquivalent equivalent() {
        return equivalent;
    }

    public int n() {
        return n;
    }

    public int nTest() {
        return yTest == null ? 0 : yTest.length;
    }

    /** E_train and E_test equivalents at N/n = {@code featureRatio}, ridge {@code gamma}: O(n + n n_test). */
    public RidgeRisk at(final double featureRatio, final double gamma) {
        final Point p = point(featureRatio, gamma);
        final double bigN = featureRatio * n;
        double s1 = 0;
        double s2 = 0;
        double yqpqy = 0;
        double train = 0;
        for (int i = 0; i < n; i++) {
            final double q2 = p.q[i] * p.q[i];
            s1 += p.psi[i] * q2;
            s2 += p.psi[i] * p.psi[i] * q2;
            yqpqy += p.psi[i] * q2 * yEigen[i] * yEigen[i];
        }
        s1 /= bigN;
        s2 /= bigN;
        yqpqy /= bigN;
        final double d = 1 - s2;
        for (int i = 0; i < n; i++) {
            train += yEigen[i] * yEigen[i] * p.q[i] * p.q[i] * (1 + p.psi[i] * s1 / d);
        }
        train *= gamma * gamma / n;
        if (yTest == null) {
            return new RidgeRisk(featureRatio, gamma, p.delta, train, Double.NaN, Double.NaN, Double.NaN);
        }
        final double[] prediction = testPrediction(p);
        double bias = 0;
        for (int j = 0; j < yTest.length; j++) {
            final double r = yTest[j] - prediction[j];
            bias += r * r;
        }
        bias /= yTest.length;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            cross += (1 + gamma * p.q[i]) * p.q[i] * mColumnNorms2[i];
        }
        cross *= p.s * p.s / yTest.length;
        final double variance = yqpqy / d * (p.s * testKernelTrace - cross);
        return new RidgeRisk(featureRatio, gamma, p.delta, train, bias + variance, bias, variance);
    }

    /**
     * The deterministic equivalent of the mean prediction on the test set, Psi_{X X_test}^T Qbar y
     * (the expectation over W of Sigma_test^T beta, to leading order): O(n n_test).
     */
    public double[] predictTest(final double featureRatio, final double gamma) {
        Check.that(yTest != null, "No test set was given.");
        return testPrediction(point(featureRatio, gamma));
    }

    /**
     * Weights a with mean prediction f(x) = sum_i a_i K(x, x_i): a = Psi-scaled Qbar y = (N/n) / (1 + delta) Qbar y.
     */
    public double[] dualCoefficients(final double featureRatio, final double gamma) {
        final Point p = point(featureRatio, gamma);
        final double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = p.s * p.q[i] * yEigen[i];
        }
        return equivalent.eigen().fromEigenBasis(w);
    }

    /** Mean prediction at the columns of {@code xNew} (p x m): O(m n p + n^2). */
    public double[] predict(final double featureRatio, final double gamma, final DMatrixRMaj xNew) {
        Check.that(xNew.numRows == x.numRows, "New data have " + xNew.numRows + " features, the training data "
            + x.numRows + ".");
        final double[] a = dualCoefficients(featureRatio, gamma);
        return MatrixVector.times(ExpectedKernels.matrix(kernel, xNew, x), a);
    }

    private double[] testPrediction(final Point p) {
        final double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = p.s * p.q[i] * yEigen[i];
        }
        return MatrixVector.times(m, w);
    }

    private Point point(final double featureRatio, final double gamma) {
        final GramResolvent r = equivalent.at(featureRatio, gamma);
        return new Point(r.delta().delta(), r.psiScale(), r.psiShared(), r.qShared());
    }

    /** delta, s = (N/n) / (1 + delta), and the eigenvalues of Psi and Qbar (shared arrays). */
    private record Point(double delta, double s, double[] psi, double[] q) {
    }
}
