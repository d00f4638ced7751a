package org.rmtlab.core.resolvent;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.ExpectedKernels;
import org.rmtlab.core.util.Check;

/**
 * Deterministic equivalent of the resolvent of the nonlinear Gram matrix of random features
 * (Louart, Liao, Couillet 2018, "A random matrix approach to neural networks", Ann. Appl. Probab. 28(2),
 * Theorem 1; Z. Liao's lecture slides, "Resolvent for nonlinear Gram matrix").
 *
 * <p>Conventions (used throughout this package, the CLI and the nodes): X in R^{p x n} holds the n
 * samples as columns (normalised data, ||x|| about 1); W in R^{N x p} has iid N(0, 1) entries;
 * Sigma = sigma(W X) in R^{N x n}; K = E_w[sigma(X^T w) sigma(w^T X)] in R^{n x n} with w ~ N(0, I_p);
 * c = N/n. For gamma &gt; 0,
 *
 * <pre>
 *   Q    = (Sigma^T Sigma / n + gamma I_n)^{-1},
 *   Qbar = (Psi + gamma I_n)^{-1},  Psi = (N/n) K / (1 + delta),  delta = (1/n) tr(K Qbar),
 * </pre>
 *
 * and ||E[Q] - Qbar|| -&gt; 0 as n, p, N grow at the same rate. Psi is the matrix that the slides write
 * "Kbar" in the MSE corollary; the factor N/n belongs to it (checked against simulation in the tests).
 *
 * <p>Cost: K is eigendecomposed once (O(n^3)); each {@link #at(double, double)} then solves delta in
 * O(n) per Newton iteration and returns Qbar in K's eigenbasis (diagonal).
 */
public final class NonlinearGramEquivalent {
    private final KernelEigen eigen;

    private NonlinearGramEquivalent(final KernelEigen eigen) {
        this.eigen = eigen;
    }

    /**
     * @param kernel the n x n expected-kernel matrix K (symmetric positive semi-definite; not modified)
     * @throws IllegalArgumentException when K is not square, not finite, not symmetric or clearly indefinite
     */
    public static NonlinearGramEquivalent ofKernel(final DMatrixRMaj kernel) {
        return new NonlinearGramEquivalent(KernelEigen.of(kernel, true));
    }

    /** Builds K = E_w[sigma(X^T w) sigma(w^T X)] of the columns of {@code x} (p x n) with the closed-form kernel. */
    public static NonlinearGramEquivalent of(final Activation sigma, final DMatrixRMaj x) {
        Check.that(sigma != null, "The activation is missing.");
        return ofKernel(ExpectedKernels.matrix(ExpectedKernels.forActivation(sigma), x));
    }

    KernelEigen eigen() {
        return eigen;
    }

    /** Number of samples n. */
    public int n() {
        return eigen.n();
    }

    /** Eigenvalues of K, ascending (a copy); values below the rounding tolerance are exactly 0. */
    public double[] kernelEigenvalues() {
        return eigen.values().clone();
    }

    /** Numerical rank of K. */
    public int kernelRank() {
        return eigen.rank();
    }

    /** U^T v for K = U diag(lambda) U^T: coordinates of v in K's eigenbasis, O(n^2). */
    public double[] toEigenBasis(final double[] v) {
        Check.that(v.length == n(), "Vector of length " + v.length + " given, the kernel has n = " + n() + ".");
        return eigen.toEigenBasis(v);
    }

    /** U w, the inverse of {@link #toEigenBasis(double[])}. */
    public double[] fromEigenBasis(final double[] w) {
        Check.that(w.length == n(), "Vector of length " + w.length + " given, the kernel has n = " + n() + ".");
        return eigen.fromEigenBasis(w);
    }

    /** delta at N/n = {@code featureRatio} and ridge {@code gamma}, with iterations and residual. */
    public DeltaSolution delta(final double featureRatio, final double gamma) {
        checkPoint(featureRatio, gamma);
        return new DeltaEquation(eigen.values(), featureRatio).solve(gamma);
    }

    /** Qbar at N/n = {@code featureRatio} and ridge {@code gamma}. */
    public GramResolvent at(final double featureRatio, final double gamma) {
        return new GramResolvent(this, featureRatio, gamma, delta(featureRatio, gamma));
    }

    /** The limiting spectrum of Sigma^T Sigma / n at N/n = {@code featureRatio}, sharing this eigendecomposition. */
    public NonlinearGramSpectrum spectrum(final double featureRatio) {
        return new NonlinearGramSpectrum(eigen, featureRatio);
    }

    static void checkPoint(final double featureRatio, final double gamma) {
        Check.positive("N/n (features per sample)", featureRatio);
        Check.positive("gamma (ridge regularisation)", gamma);
    }
}
