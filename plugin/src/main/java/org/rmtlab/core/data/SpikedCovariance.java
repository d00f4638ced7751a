package org.rmtlab.core.data;

import org.ejml.data.DMatrixRMaj;

/**
 * Sigma = I_p + ell sum_j v_j v_j^T with orthonormal v_1..v_k: eigenvalue 1 + ell on each v_j and 1 on
 * their orthogonal complement. Since the v_j are orthonormal, Sigma^{1/2} = I_p + (sqrt(1 + ell) - 1) V V^T,
 * applied in O(p k) per sample without forming a p x p matrix.
 */
final class SpikedCovariance implements PopulationCovariance {
    private final double[] eigenvalues;
    private final double[][] directions;
    private final double strength;
    private final int p;

    /**
     * @param eigenvalues from {@link CovarianceSpec#eigenvalues(int)}: k values 1 + ell, then ones
     * @param directions k orthonormal vectors of length p
     * @param strength ell
     */
    SpikedCovariance(final double[] eigenvalues, final double[][] directions, final double strength) {
        this.eigenvalues = eigenvalues.clone();
        this.p = eigenvalues.length;
        this.directions = directions;
        this.strength = strength;
    }

    @Override
    public int p() {
        return p;
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public DMatrixRMaj spikeDirections() {
        final DMatrixRMaj v = new DMatrixRMaj(p, directions.length);
        for (int j = 0; j < directions.length; j++) {
            for (int i = 0; i < p; i++) {
                v.unsafe_set(i, j, directions[j][i]);
            }
        }
        return v;
    }

    @Override
    public void applySquareRoot(final double[] z) {
        final double gain = Math.sqrt(1 + strength) - 1;
        // all projections first: z must not change while they are taken
        final double[] a = new double[directions.length];
        for (int j = 0; j < directions.length; j++) {
            a[j] = gain * RandomFrames.dot(z, directions[j]);
        }
        for (int j = 0; j < directions.length; j++) {
            for (int i = 0; i < p; i++) {
                z[i] += a[j] * directions[j][i];
            }
        }
    }

    @Override
    public DMatrixRMaj toMatrix() {
        final DMatrixRMaj s = new DMatrixRMaj(p, p);
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                double v = r == c ? 1 : 0;
                for (double[] d : directions) {
                    v += strength * d[r] * d[c];
                }
                s.unsafe_set(r, c, v);
            }
        }
        return s;
    }
}
