package org.rmtlab.core.data;

import org.ejml.data.DMatrixRMaj;

/**
 * The population covariance Sigma of the noise of a drawn law, before scaling: the noise of a sample
 * is Sigma^{1/2} z with z ~ N(0, I_p) (divided by sqrt(p) under {@link Scale#NORMALISED}, which makes
 * the covariance Sigma / p). Made by {@link CovarianceSpec#draw}; kept in {@link GeneratedData} so that
 * the theory can use the population spectrum (Silverstein's equation) and the spikes (BBP threshold).
 *
 * <p>Two shapes: a diagonal Sigma = diag(eigenvalues()) in the canonical basis ({@link #spikeDirections()}
 * has no columns), or a spiked Sigma = I_p + ell V V^T whose first k eigenvalues 1 + ell belong to the
 * orthonormal columns of V = {@link #spikeDirections()} and whose other eigenvalues are 1.
 */
public sealed interface PopulationCovariance permits DiagonalCovariance, SpikedCovariance {

    /** Dimension p. */
    int p();

    /** The p eigenvalues of Sigma in decreasing order (a copy). */
    double[] eigenvalues();

    /** p x k matrix of the orthonormal spike directions (k = 0 for a diagonal Sigma); a copy. */
    DMatrixRMaj spikeDirections();

    /** Replaces z (length p) by Sigma^{1/2} z. */
    void applySquareRoot(double[] z);

    /** Sigma as a dense p x p matrix (p^2 doubles: for checks and moderate p). */
    DMatrixRMaj toMatrix();
}
