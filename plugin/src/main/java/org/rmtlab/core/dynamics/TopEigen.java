package org.rmtlab.core.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
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
 * @param l1 largest eigenvalue
 * @param l2 second largest eigenvalue (equal to l1 for a 1 x 1 matrix)
 * @param vector unit eigenvector of l1
 */
record TopEigen(double l1, double l2, double[] vector) {

    private static final int SOLVES = 3;
    private static final double SHIFT = 1e-10;

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
