package org.rmtlab.core.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The largest eigenvalue of a symmetric matrix, a unit eigenvector for it, and the second largest eigenvalue.
 *
 * <p>Why not a full eigendecomposition: the spectral curves of this package need one eigenvector per matrix,
 * and EJML's symmetric eigenvalues without vectors cost about a third of eigenvalues with vectors (measured
 * at n = 100 to 200). The eigenvector then follows from inverse iteration at the computed eigenvalue
 * (Wilkinson): one LU factorisation of S - sigma I, sigma = l1 + 1e-10 scale, and three solves, each of which
 * shrinks the other components by (sigma - l1) / (sigma - l_k) relative to the top one. When l1 and l2 agree to
 * about 1e-10 the vector is some unit vector of their joint eigenspace, which is all a full decomposition
 * could promise either.
 *
 * <p>{@link #above(DMatrixRMaj, double, double[])} serves the common question "is there an eigenvalue above
 * this bound, and if so which is the top one and its eigenvector" without any eigensolver of size n: a Cholesky
 * factorisation of (bound I - S) exists iff every eigenvalue is below the bound (Sylvester's law of inertia);
 * otherwise Lanczos iteration with full reorthogonalisation finds the top Ritz pair (theta, y), a Ritz value
 * never exceeds the top eigenvalue, and a second Cholesky factorisation of ((theta + r) I - S), r the residual
 * norm of (theta, y), certifies that no eigenvalue lies above theta + r: the pair is the top one. Without the
 * certificate (a start vector nearly orthogonal to the top eigenvector) the dense method decides.
 *
 * @param l1 largest eigenvalue
 * @param l2 second largest eigenvalue (equal to l1 for a 1 x 1 matrix)
 * @param vector unit eigenvector of l1
 */
record TopEigen(double l1, double l2, double[] vector) {

    private static final int SOLVES = 3;
    private static final double SHIFT = 1e-10;
    /** Lanczos stops when the residual of the top Ritz pair is below this times the largest Ritz value in size. */
    private static final double RESIDUAL = 1e-12;
    /**
     * Lanczos checks convergence after 4 iterations, then each time the iteration count has grown by half: a
     * check costs a dense eigenproblem of the m x m tridiagonal matrix, so checks at geometric counts cost about
     * three times the last one, and at most half the iterations are spent past convergence.
     */
    private static final int FIRST_CHECK = 4;

    /** @param s a symmetric matrix; not modified */
    static TopEigen of(final DMatrixRMaj s) {
        final int n = s.numRows;
        final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(s.copy())) {
            throw new IllegalStateException("The symmetric eigendecomposition did not converge.");
        }
        double l1 = Double.NEGATIVE_INFINITY;
        double l2 = Double.NEGATIVE_INFINITY;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            final double l = eig.getEigenvalue(i).real;
            scale = Math.max(scale, Math.abs(l));
            if (l > l1) {
                l2 = l1;
                l1 = l;
            } else if (l > l2) {
                l2 = l;
            }
        }
        if (n == 1) {
            return new TopEigen(l1, l1, new double[] {1});
        }
        final double[] v = new double[n];
        if (scale == 0) {
            v[0] = 1;
            return new TopEigen(0, 0, v);
        }
        final DMatrixRMaj shifted = s.copy();
        final double sigma = l1 + SHIFT * scale;
        for (int i = 0; i < n; i++) {
            shifted.add(i, i, -sigma);
        }
        final LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        if (!lu.setA(shifted)) {
            throw new IllegalStateException("Inverse iteration: the shifted matrix could not be factorised.");
        }
        // a start with every component nonzero; later solves remove what rounding leaves of the others
        for (int i = 0; i < n; i++) {
            v[i] = 1 + 0.5 * Math.sin(i + 1);
        }
        final DMatrixRMaj b = DMatrixRMaj.wrap(n, 1, v);
        final DMatrixRMaj x = new DMatrixRMaj(n, 1);
        for (int k = 0; k < SOLVES; k++) {
            normalise(v);
            lu.solve(b, x);
            System.arraycopy(x.data, 0, v, 0, n);
        }
        normalise(v);
        return new TopEigen(l1, l2, v);
    }

    /**
     * The top eigenpair when some eigenvalue of {@code s} exceeds {@code bound}, else {@code null}. {@link #l2()}
     * is not computed here (NaN).
     *
     * @param s a symmetric matrix; not modified
     * @param bound the threshold, for example the edge of a bulk
     * @param start Lanczos start vector, ideally close to the expected eigenvector; must not be zero
     */
    static TopEigen above(final DMatrixRMaj s, final double bound, final double[] start) {
        if (belowAll(s, bound)) {
            return null;
        }
        final int n = s.numRows;
        final double[][] q = new double[n][];
        final double[] alpha = new double[n];
        final double[] beta = new double[n];
        double[] v = start.clone();
        normalise(v);
        int check = FIRST_CHECK;
        for (int j = 0; j < n; j++) {
            q[j] = v;
            final double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double acc = 0;
                final int row = i * n;
                for (int k = 0; k < n; k++) {
                    acc += s.data[row + k] * v[k];
                }
                z[i] = acc;
            }
            alpha[j] = SimulationSupport.dot(v, z);
            // full reorthogonalisation, twice ("twice is enough", Parlett): the Ritz values stay exact
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    final double c = SimulationSupport.dot(q[i], z);
                    for (int k = 0; k < n; k++) {
                        z[k] -= c * q[i][k];
                    }
                }
            }
            beta[j] = Math.sqrt(SimulationSupport.dot(z, z));
            final boolean exhausted = j == n - 1 || beta[j] <= RESIDUAL * Math.abs(alpha[j]);
            if (exhausted || j + 1 == check) {
                check = Math.max(check + FIRST_CHECK, check + check / 2);
                final TopEigen ritz = ritz(q, alpha, beta, j + 1, s, bound);
                if (ritz != null || exhausted) {
                    return ritz != null ? ritz : of(s);
                }
            }
            for (int k = 0; k < n; k++) {
                z[k] /= beta[j];
            }
            v = z;
        }
        return of(s);
    }

    /**
     * The top Ritz pair of the first m Lanczos vectors if it has converged and is certified to be the top
     * eigenpair, else null.
     */
    private static TopEigen ritz(final double[][] q, final double[] alpha, final double[] beta, final int m,
        final DMatrixRMaj s, final double bound) {
        final DMatrixRMaj t = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < m) {
                t.set(i, i + 1, beta[i]);
                t.set(i + 1, i, beta[i]);
            }
        }
        final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(t)) {
            return null;
        }
        int top = 0;
        for (int i = 1; i < m; i++) {
            if (eig.getEigenvalue(i).real > eig.getEigenvalue(top).real) {
                top = i;
            }
        }
        final double theta = eig.getEigenvalue(top).real;
        final double[] y = eig.getEigenVector(top).data;
        // ||S x - theta x|| = beta_m |y_m| for the Ritz vector x = Q y
        final double residual = Math.abs(beta[m - 1] * y[m - 1]) / Math.sqrt(SimulationSupport.dot(y, y));
        if (residual > RESIDUAL * Math.max(Math.abs(theta), Math.abs(bound)) || !belowAll(s, theta + 2 * residual
            + RESIDUAL * Math.max(Math.abs(theta), Math.abs(bound)))) {
            return null;
        }
        final int n = s.numRows;
        final double[] x = new double[n];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) {
                x[k] += y[i] * q[i][k];
            }
        }
        normalise(x);
        return new TopEigen(theta, Double.NaN, x);
    }

    /** True iff every eigenvalue of s is below {@code bound}: bound I - s has a Cholesky factorisation. */
    private static boolean belowAll(final DMatrixRMaj s, final double bound) {
        final int n = s.numRows;
        final DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = -s.data[i];
        }
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] += bound;
        }
        final CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        return chol.decompose(m);
    }

    static void normalise(final double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        s = Math.sqrt(s);
        if (s > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= s;
            }
        }
    }
}
