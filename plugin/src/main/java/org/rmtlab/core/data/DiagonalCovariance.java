package org.rmtlab.core.data;

import org.ejml.data.DMatrixRMaj;

/** Sigma = diag(lambda) in the canonical basis: coordinate i of the noise has variance lambda_i. */
final class DiagonalCovariance implements PopulationCovariance {
    private final double[] eigenvalues;
    private final double[] roots;

    DiagonalCovariance(final double[] eigenvalues) {
        this.eigenvalues = eigenvalues.clone();
        this.roots = new double[eigenvalues.length];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = Math.sqrt(eigenvalues[i]);
        }
    }

    @Override
    public int p() {
        return eigenvalues.length;
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public DMatrixRMaj spikeDirections() {
        return new DMatrixRMaj(eigenvalues.length, 0);
    }

    /** For Sigma = I the roots are exactly 1.0, so the noise is z itself, bit for bit. */
    @Override
    public void applySquareRoot(final double[] z) {
        for (int i = 0; i < z.length; i++) {
            z[i] *= roots[i];
        }
    }

    @Override
    public DMatrixRMaj toMatrix() {
        final DMatrixRMaj s = new DMatrixRMaj(eigenvalues.length, eigenvalues.length);
        for (int i = 0; i < eigenvalues.length; i++) {
            s.unsafe_set(i, i, eigenvalues[i]);
        }
        return s;
    }
}
