package org.rmtlab.knime.spectrum;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.RandomFeatures;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Rng;

/**
 * The random feature map F = sigma(W X) in R^{N x n} of {@link RandomFeatures}: W in R^{N x p} with iid N(0, 1)
 * entries drawn from the seed, X in R^{p x n} with samples as columns (Louart, Liao and Couillet 2018, Sec. 2).
 * The spectrum is then that of (1/n) F F^T (N x N) or (1/n) F^T F (n x n, the paper's G = Sigma^T Sigma / T).
 *
 * @param count the number of features N
 * @param activation sigma
 * @param seed seed of W: the same seed gives the same W, hence the same spectrum
 */
record FeatureMap(int count, Activation activation, long seed) {
    /** Most random features accepted, as for the Data Generator's sizes. */
    static final int MAX_COUNT = 1_000_000;

    FeatureMap {
        Check.positive("The number of random features N", count);
        Check.that(count <= MAX_COUNT, "The number of random features N must be at most " + MAX_COUNT + ", not "
            + count + ".");
        Check.that(activation != null, "The activation of the random features is missing.");
    }

    /** @throws IllegalArgumentException for an unknown activation id, naming the valid ones */
    static FeatureMap of(final int count, final String activation, final long seed) {
        return new FeatureMap(count, Activations.byId(activation), seed);
    }

    /** Bytes of W (N x p) and F (N x n). */
    long bytes(final long p, final long n) {
        return Memory.doubles(count, p, 1) + Memory.doubles(count, n, 1);
    }

    /** sigma(W X); X is not modified. */
    DMatrixRMaj apply(final DMatrixRMaj x) {
        return RandomFeatures.map(activation, RandomFeatures.weights(count, x.numRows, new Rng(seed)), x);
    }
}
