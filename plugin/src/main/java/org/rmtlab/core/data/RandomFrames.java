package org.rmtlab.core.data;

import org.rmtlab.core.util.Rng;

/**
 * Uniformly random orthonormal directions (a Haar-distributed k-frame of R^p), for the class means of
 * the mixture and the spike directions of the spiked covariance.
 */
final class RandomFrames {
    /**
     * A Gaussian vector is redrawn when orthogonalising it against the earlier directions leaves less
     * than this share of its length: the direction would then carry mostly rounding error.
     */
    private static final double DEGENERATE = 1e-6;

    private RandomFrames() {
    }

    /**
     * k orthonormal vectors of length p, uniformly distributed: Gram-Schmidt applied to iid N(0, I_p)
     * vectors (rotation invariance of the Gaussian makes the result Haar distributed). The first
     * vector is g / ||g|| for the first Gaussian draw g, so a 1-frame is a uniform random unit vector.
     *
     * @return the vectors, {@code frame[j]} is the j-th direction
     */
    static double[][] orthonormal(final int p, final int k, final Rng rng) {
        final double[][] frame = new double[k][];
        for (int j = 0; j < k; j++) {
            final double[] u = new double[p];
            double norm;
            do {
                rng.gaussians(u, 1.0);
                final double before = Math.sqrt(dot(u, u));
                // twice, so that rounding left by the first pass is removed as well
                for (int pass = 0; pass < (j > 0 ? 2 : 0); pass++) {
                    for (int i = 0; i < j; i++) {
                        final double a = dot(u, frame[i]);
                        for (int r = 0; r < p; r++) {
                            u[r] -= a * frame[i][r];
                        }
                    }
                }
                norm = Math.sqrt(dot(u, u));
                if (norm <= DEGENERATE * before) {
                    norm = 0;
                }
            } while (norm == 0);
            for (int r = 0; r < p; r++) {
                u[r] /= norm;
            }
            frame[j] = u;
        }
        return frame;
    }

    static double dot(final double[] a, final double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
