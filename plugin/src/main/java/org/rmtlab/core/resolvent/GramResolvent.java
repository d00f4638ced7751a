package org.rmtlab.core.resolvent;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rmtlab.core.util.Check;

/**
 * The deterministic equivalent Qbar = (Psi + gamma I_n)^{-1}, Psi = (N/n) K / (1 + delta), at one point
 * (N/n, gamma); see {@link NonlinearGramEquivalent} for the conventions. Qbar is diagonal in K's
 * eigenbasis: Qbar = U diag(q) U^T with q_i = 1 / (psi_i + gamma), psi_i = (N/n) lambda_i / (1 + delta).
 * Traces cost O(n), products with vectors O(n^2); the dense matrix is built only on request.
 */
public final class GramResolvent {
    private final NonlinearGramEquivalent owner;
    private final double featureRatio;
    private final double gamma;
    private final DeltaSolution delta;
    private final double psiScale;
    private final double[] psi;
    private final double[] q;

    GramResolvent(final NonlinearGramEquivalent owner, final double featureRatio, final double gamma,
        final DeltaSolution delta) {
        this.owner = owner;
        this.featureRatio = featureRatio;
        this.gamma = gamma;
        this.delta = delta;
        final double[] lambda = owner.eigen().values();
        psiScale = featureRatio / (1 + delta.delta());
        psi = new double[lambda.length];
        q = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            psi[i] = psiScale * lambda[i];
            q[i] = 1 / (psi[i] + gamma);
        }
    }

    public double featureRatio() {
        return featureRatio;
    }

    public double gamma() {
        return gamma;
    }

    public DeltaSolution delta() {
        return delta;
    }

    /** (N/n) / (1 + delta): Psi_AB = psiScale * K(A, B). */
    public double psiScale() {
        return psiScale;
    }

    double[] psiShared() {
        return psi;
    }

    double[] qShared() {
        return q;
    }

    /** Eigenvalues q_i of Qbar in the order of {@link NonlinearGramEquivalent#kernelEigenvalues()} (a copy). */
    public double[] eigenvalues() {
        return q.clone();
    }

    /** Eigenvalues psi_i of Psi = (N/n) K / (1 + delta) (a copy). */
    public double[] psiEigenvalues() {
        return psi.clone();
    }

    /** (1/n) tr Qbar, the deterministic equivalent of (1/n) tr Q (and of the Stieltjes transform at -gamma). */
    public double normalizedTrace() {
        double s = 0;
        for (double v : q) {
            s += v;
        }
        return s / q.length;
    }

    /** Qbar v, O(n^2). */
    public double[] apply(final double[] v) {
        final double[] w = owner.toEigenBasis(v);
        for (int i = 0; i < w.length; i++) {
            w[i] *= q[i];
        }
        return owner.fromEigenBasis(w);
    }

    /** (1/n) a^T Qbar b, the deterministic equivalent of (1/n) a^T Q b, O(n^2). */
    public double quadraticForm(final double[] a, final double[] b) {
        final double[] ua = owner.toEigenBasis(a);
        final double[] ub = a == b ? ua : owner.toEigenBasis(b);
        double s = 0;
        for (int i = 0; i < q.length; i++) {
            s += ua[i] * q[i] * ub[i];
        }
        return s / q.length;
    }

    /** (1/n) tr(A Qbar) for an n x n matrix A, O(n^3) (A is rotated into K's eigenbasis). */
    public double normalizedTraceWith(final DMatrixRMaj a) {
        final int n = q.length;
        Check.that(a.numRows == n && a.numCols == n, "A must be " + n + " x " + n + ".");
        final DMatrixRMaj u = owner.eigen().vectors();
        final DMatrixRMaj au = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a, u, au);
        // tr(A U diag(q) U^T) = sum_k q_k (U^T A U)_kk = sum_k q_k sum_i U_ik (AU)_ik
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                s += q[k] * u.unsafe_get(i, k) * au.unsafe_get(i, k);
            }
        }
        return s / n;
    }

    /** The dense n x n matrix Qbar, O(n^3). */
    public DMatrixRMaj matrix() {
        final int n = q.length;
        final DMatrixRMaj u = owner.eigen().vectors();
        final DMatrixRMaj uq = u.copy();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                uq.unsafe_set(i, k, uq.unsafe_get(i, k) * q[k]);
            }
        }
        final DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(uq, u, out);
        return out;
    }

    /**
     * ||E - Qbar|| / ||Qbar|| in operator norm, for an empirical mean resolvent E (for example from
     * {@link EmpiricalResolvent#mean}); O(n^3).
     */
    public double relativeOperatorDistance(final DMatrixRMaj empiricalMean) {
        final int n = q.length;
        Check.that(empiricalMean.numRows == n && empiricalMean.numCols == n, "The mean resolvent must be " + n
            + " x " + n + ".");
        final DMatrixRMaj d = matrix();
        CommonOps_DDRM.subtractEquals(d, empiricalMean);
        // symmetrise: E is symmetric up to rounding
        final DMatrixRMaj sym = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(d, sym);
        CommonOps_DDRM.addEquals(sym, d);
        CommonOps_DDRM.scale(0.5, sym);
        final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(sym)) {
            throw new IllegalStateException("Eigendecomposition of Qbar - E did not converge.");
        }
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm = Math.max(norm, Math.abs(eig.getEigenvalue(i).real));
        }
        double qMax = 0;
        for (double v : q) {
            qMax = Math.max(qMax, v);
        }
        return norm / qMax;
    }
}
