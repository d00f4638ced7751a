package org.rmtlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.linalg.DenseProduct;
import org.rmtlab.core.util.Rng;

class RandomFeaturesTest {

    @Test
    void sameSeedGivesTheSameWeights() {
        for (WeightLaw law : WeightLaw.values()) {
            final DMatrixRMaj a = RandomFeatures.weights(30, 20, law, new Rng(5));
            final DMatrixRMaj b = RandomFeatures.weights(30, 20, law, new Rng(5));
            assertArrayEquals(a.data, b.data, 0.0);
        }
        // the default law is Gaussian, drawn row by row from the stream
        final DMatrixRMaj w = RandomFeatures.weights(4, 3, new Rng(8));
        final Rng rng = new Rng(8);
        for (int i = 0; i < 12; i++) {
            assertEquals(rng.gaussian(), w.data[i], 0.0);
        }
    }

    /**
     * The multithreaded product is bit-identical to the single-threaded one (rows split, same sums), and equal to
     * EJML's product to rounding (sums of 150 products of O(1) Gaussian terms: below 1e-12).
     */
    @Test
    void multithreadedProductIsBitIdentical() {
        final DMatrixRMaj w = RandomFeatures.weights(700, 150, new Rng(1));
        final DMatrixRMaj x = RandomFeatures.weights(150, 400, new Rng(2));
        final double[] single = new double[700 * 400];
        RandomFeatures.map(Activations.byId("linear"), w.data, 700, new DenseProduct(x), single, 0);
        assertArrayEquals(single, RandomFeatures.map(Activations.byId("linear"), w, x).data, 0.0);
        final DMatrixRMaj ejml = new DMatrixRMaj(700, 400);
        CommonOps_DDRM.mult(w, x, ejml);
        assertArrayEquals(ejml.data, single, 1e-12);
        final DMatrixRMaj relu = RandomFeatures.map(Activations.byId("relu"), w, x);
        for (int i = 0; i < single.length; i++) {
            assertEquals(Math.max(0, single[i]), relu.data[i], 0.0);
        }
    }

    /**
     * Features computed block by block are bit-identical to the full map, whatever the split: blocks of
     * one sample (EJML's matrix-vector product), of a few (its small-matrix product) and of many (its
     * reordered product) all sum over p in the same order.
     */
    @Test
    void blocksOfSamplesEqualTheFullMap() {
        final Activation sigma = Activations.byId("tanh");
        final DMatrixRMaj w = RandomFeatures.weights(40, 30, new Rng(4));
        final DMatrixRMaj x = RandomFeatures.weights(30, 70, new Rng(5));
        final DMatrixRMaj full = RandomFeatures.map(sigma, w, x);
        final int[] borders = {0, 1, 4, 40, 41, 70};
        for (int b = 0; b + 1 < borders.length; b++) {
            final DMatrixRMaj block = RandomFeatures.map(sigma, w, x, borders[b], borders[b + 1]);
            assertArrayEquals(CommonOps_DDRM.extract(full, 0, 40, borders[b], borders[b + 1]).data, block.data, 0.0);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RandomFeatures.map(sigma, w, x, 5, 5))
            .getMessage().contains("block of samples 5..5"));
        assertThrows(IllegalArgumentException.class, () -> RandomFeatures.map(sigma, w, x, 60, 71));
    }

    /** Rademacher entries are +-1; their mean over N p = 40000 entries is 0 within 5 standard errors (1/sqrt(Np)). */
    @Test
    void rademacherEntriesAreSigns() {
        final DMatrixRMaj w = RandomFeatures.weights(200, 200, WeightLaw.RADEMACHER, new Rng(3));
        double sum = 0;
        for (double v : w.data) {
            assertEquals(1.0, Math.abs(v), 0.0);
            sum += v;
        }
        assertEquals(0.0, sum / w.data.length, 5 / Math.sqrt(w.data.length));
    }

    /**
     * E[(1/N) Sigma^T Sigma] = K (Louart, Liao, Couillet 2018): with N = 40000 Gaussian rows, each entry
     * of the Gram matrix is a mean of N iid products sigma(w.x_i) sigma(w.x_j); it must lie within
     * 5 standard errors (from the sample variance of the products) of the expected kernel.
     */
    @Test
    void featureGramConvergesToTheExpectedKernel() {
        final DMatrixRMaj x = data(6, 8, 21);
        final DMatrixRMaj w = RandomFeatures.weights(40_000, 6, new Rng(22));
        for (String id : new String[] {"relu", "sign", "erf", "tanh", "gelu", "poly:0.2,1,-0.3"}) {
            final Activation a = Activations.byId(id);
            final DMatrixRMaj k = ExpectedKernels.matrix(ExpectedKernels.forActivation(a), x);
            checkGram(RandomFeatures.map(a, w, x), k, id);
        }
    }

    /**
     * Rademacher weights: for sigma(t) = t^2 the expected kernel is exactly aa bb + 2 ab^2 - 2 sum_i x_i^2 y_i^2
     * (E[w^4] = 1 instead of 3), which the Gram matrix must match within 5 standard errors; the Gaussian
     * formula differs from it by more than 10 standard errors on the diagonal here (p = 5, so the test can
     * tell the two laws apart), while the difference is O(1/p) for delocalised data.
     */
    @Test
    void rademacherGramMatchesItsOwnQuadraticKernel() {
        final int p = 5;
        final int n = 5;
        final DMatrixRMaj x = data(p, n, 31);
        final DMatrixRMaj w = RandomFeatures.weights(100_000, p, WeightLaw.RADEMACHER, new Rng(32));
        final Activation square = Activations.byId("quadratic");
        final DMatrixRMaj gaussian = ExpectedKernels.matrix(ExpectedKernels.forActivation(square), x);
        final DMatrixRMaj rademacher = gaussian.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double fourth = 0;
                for (int m = 0; m < p; m++) {
                    fourth += x.get(m, i) * x.get(m, i) * x.get(m, j) * x.get(m, j);
                }
                rademacher.set(i, j, gaussian.get(i, j) - 2 * fourth);
            }
        }
        final DMatrixRMaj sigma = RandomFeatures.map(square, w, x);
        final double[][] se = checkGram(sigma, rademacher, "quadratic, Rademacher");
        for (int i = 0; i < n; i++) {
            assertTrue(Math.abs(gaussian.get(i, i) - rademacher.get(i, i)) > 10 * se[i][i], "diagonal " + i);
        }
    }

    @Test
    void badSizesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> RandomFeatures.weights(1_000_000_000, 1000, new Rng(1))).getMessage().contains("memory"));
        assertThrows(IllegalArgumentException.class, () -> RandomFeatures.weights(0, 3, new Rng(1)));
        // the check alone, as a node's configure runs it before any data are read
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> RandomFeatures.requireWeightMemory(1_000_000_000, 1000)).getMessage()
            .contains("1000000000 x 1000 random weight matrix W"));
        RandomFeatures.requireWeightMemory(512, 256);
        assertThrows(IllegalArgumentException.class, () -> RandomFeatures.requireWeightMemory(5, 0));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> RandomFeatures.map(Activations.byId("relu"), new DMatrixRMaj(3, 4), new DMatrixRMaj(5, 2)))
            .getMessage().contains("columns"));
        assertEquals(WeightLaw.RADEMACHER, WeightLaw.fromId(" Rademacher"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeightLaw.fromId("uniform")).getMessage()
            .contains("gaussian"));
    }

    /** Asserts |(1/N) Sigma^T Sigma - k| &lt;= 5 se entrywise and returns the standard errors. */
    private static double[][] checkGram(final DMatrixRMaj sigma, final DMatrixRMaj k, final String what) {
        final int bigN = sigma.numRows;
        final int n = sigma.numCols;
        final double[][] se = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                double sum2 = 0;
                for (int r = 0; r < bigN; r++) {
                    final double prod = sigma.get(r, i) * sigma.get(r, j);
                    sum += prod;
                    sum2 += prod * prod;
                }
                final double mean = sum / bigN;
                se[i][j] = Math.sqrt(Math.max(0, sum2 / bigN - mean * mean) / (bigN - 1));
                se[j][i] = se[i][j];
                assertEquals(k.get(i, j), mean, 5 * se[i][j] + 1e-12, what + " entry " + i + "," + j);
            }
        }
        return se;
    }

    /** p x n Gaussian data with column norms spread over about [0.6, 1.6]. */
    private static DMatrixRMaj data(final int p, final int n, final long seed) {
        final Rng rng = new Rng(seed);
        final DMatrixRMaj x = new DMatrixRMaj(p, n);
        for (int j = 0; j < n; j++) {
            final double s = (0.6 + rng.uniform()) / Math.sqrt(p);
            for (int i = 0; i < p; i++) {
                x.set(i, j, s * rng.gaussian());
            }
        }
        return x;
    }
}
