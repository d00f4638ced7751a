package org.rmtlab.core.spectrum;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.util.Rng;

/** Data draws shared by the spectrum tests. */
final class Simulations {
    private Simulations() {
    }

    /** X = Sigma^{1/2} Z, Sigma = diag(diagonal), Z iid N(0, 1), p x n. */
    static DMatrixRMaj gaussian(final double[] diagonal, final int n, final long seed) {
        final Rng rng = new Rng(seed);
        final int p = diagonal.length;
        final DMatrixRMaj x = new DMatrixRMaj(p, n);
        for (int i = 0; i < p; i++) {
            final double s = Math.sqrt(diagonal[i]);
            for (int j = 0; j < n; j++) {
                x.unsafe_set(i, j, s * rng.gaussian());
            }
        }
        return x;
    }

    /**
     * Tolerance for the Kolmogorov distance between N eigenvalues and their limiting law. The empirical CDF
     * jumps by 1/N, and eigenvalue rigidity (Erdos, Yau and Yin 2012; Pillai and Yin 2014 for sample
     * covariances) places every eigenvalue within N^(-1 + eps) of its classical location in the bulk and
     * N^(-2/3 + eps) at the edges, where the density is small: sup |F_N - F| = O(log N / N) with high
     * probability. Observed N * KS lies in 1.5..4 over seeds and laws at N = 40..1000 (Gaussian and
     * two-point, power-law populations, both sides); 1.5 ln N / N is 2 to 3 times that (0.010 at N = 1000).
     */
    static double ksTolerance(final int dimension) {
        return 1.5 * Math.log(dimension) / dimension;
    }
}
