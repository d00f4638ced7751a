package org.rmtlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;

/** The K-class mixture and the single-index teacher: exact structure of the law, then Monte Carlo. */
class ExtendedLawsTest {

    private static DataSpec mixture(final int n, final int p, final int k, final double rho, final long seed) {
        return new DataSpec(DataModel.MIXTURE, n, 0, p, rho, 0, Scale.RAW, seed).withClasses(k);
    }

    /** The class means are a centred regular simplex: ||mu_k||^2 = rho, mu_k . mu_l = -rho/(K-1), sum 0. */
    @Test
    void classMeansFormACentredRegularSimplex() {
        final double rho = 3;
        for (int k : new int[] {3, 5}) {
            final GeneratedData d = DataGenerator.generate(mixture(10, 12, k, rho, 2));
            final DMatrixRMaj m = d.means();
            assertEquals(k, m.numCols);
            assertNull(d.mu(), "mu() is the two-class mean only");
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    assertEquals(a == b ? rho : -rho / (k - 1), SampleStats.dot(SampleStats.column(m, a), SampleStats.column(m, b)),
                        1e-12, "K = " + k + ", mu_" + a + " . mu_" + b);
                }
            }
            for (int i = 0; i < 12; i++) {
                double sum = 0;
                for (int a = 0; a < k; a++) {
                    sum += m.get(i, a);
                }
                assertEquals(0, sum, 1e-12);
            }
        }
        // K = 2 keeps the original law: columns -mu and +mu
        final GeneratedData two = DataGenerator.generate(mixture(10, 12, 2, rho, 2));
        assertArrayEquals(two.mu(), SampleStats.column(two.means(), 1), 0.0);
        for (int i = 0; i < 12; i++) {
            assertEquals(-two.mu()[i], two.means().get(i, 0), 0.0);
        }
    }

    /**
     * Monte Carlo, K = 4, raw scale: classes 0..3 equiprobable (binomial standard deviation
     * sqrt(n (1/K)(1 - 1/K)) = 19 of 500), y equal to the class, and x - mu_class white noise: its mean
     * square per coordinate is 1 with standard error sqrt(2/(n p)) = 0.0058; its projection on each mean
     * direction is N(0, 1/n_k) when averaged over class k. Tolerances: 5 standard errors.
     */
    @Test
    void kClassSamplesScatterAroundTheirMeans() {
        final int n = 2000;
        final int p = 30;
        final int k = 4;
        final double rho = 3;
        final GeneratedData d = DataGenerator.generate(mixture(n, p, k, rho, 5));
        final DMatrixRMaj x = d.train().x();
        final int[] count = new int[k];
        final double[][] residualSum = new double[k][p];
        double square = 0;
        for (int j = 0; j < n; j++) {
            final int c = d.train().label()[j];
            assertTrue(c >= 0 && c < k, "class " + c);
            assertEquals(c, d.train().y()[j], 0.0);
            count[c]++;
            for (int i = 0; i < p; i++) {
                final double r = x.get(i, j) - d.means().get(i, c);
                residualSum[c][i] += r;
                square += r * r;
            }
        }
        assertEquals(1.0, square / ((double) n * p), 5 * Math.sqrt(2.0 / ((double) n * p)));
        for (int c = 0; c < k; c++) {
            assertEquals(n / (double) k, count[c], 5 * Math.sqrt(n * (1.0 / k) * (1 - 1.0 / k)));
            for (int a = 0; a < k; a++) {
                final double proj = SampleStats.dot(residualSum[c], SampleStats.column(d.means(), a)) / count[c] / Math.sqrt(rho);
                assertEquals(0.0, proj, 5 / Math.sqrt(count[c]), "class " + c + " along mu_" + a);
            }
        }
    }

    /** Classes and covariance compose: with power-law noise, x - mu_class has variance lambda_i per coordinate. */
    @Test
    void mixtureNoiseFollowsThePopulationCovariance() {
        final int n = 3000;
        final int p = 10;
        final GeneratedData d = DataGenerator.generate(mixture(n, p, 3, 2, 6).withCovariance(CovarianceSpec.powerLaw(1.5)));
        final double[] lambda = d.populationEigenvalues();
        for (int i = 0; i < p; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                final double r = d.train().x().get(i, j) - d.means().get(i, d.train().label()[j]);
                v += r * r / n;
            }
            // sample variance over lambda_i: standard deviation sqrt(2/n) = 0.026
            assertEquals(1.0, v / lambda[i], 5 * Math.sqrt(2.0 / n), "x" + (i + 1));
        }
    }

    /**
     * Single-index teacher with ReLU, normalised scale: y - relu(x_raw . beta / sqrt(p)) is the label noise
     * (variance noise^2, standard error noise^2 sqrt(2/n)); the mean of y is E relu(g) = s / sqrt(2 pi)
     * for g ~ N(0, s^2), s^2 = ||beta||^2 / p (zero for the linear teacher), with standard error
     * sqrt((s^2 (1/2 - 1/(2 pi)) + noise^2) / n). Tolerances: 5 standard errors.
     */
    @Test
    void singleIndexTeacherAppliesTheActivation() {
        final int n = 4000;
        final int p = 20;
        final double noise = 0.2;
        final DataSpec spec = new DataSpec(DataModel.TEACHER, n, 0, p, 0, noise, Scale.NORMALISED, 12).withActivation("ReLU ");
        assertEquals("relu", spec.activation(), "the id is stored in its canonical form");
        final GeneratedData d = DataGenerator.generate(spec);
        final Activation relu = Activations.byId("relu");
        final double[] beta = d.beta();
        double ss = 0;
        double mean = 0;
        for (int j = 0; j < n; j++) {
            double dot = 0;
            for (int i = 0; i < p; i++) {
                dot += d.train().x().get(i, j) * Math.sqrt(p) * beta[i];
            }
            final double r = d.train().y()[j] - relu.value(dot / Math.sqrt(p));
            ss += r * r;
            mean += d.train().y()[j] / n;
        }
        assertEquals(noise * noise, ss / n, 5 * noise * noise * Math.sqrt(2.0 / n));
        final double s2 = SampleStats.dot(beta, beta) / p;
        final double se = Math.sqrt((s2 * (0.5 - 1 / (2 * Math.PI)) + noise * noise) / n);
        assertEquals(Math.sqrt(s2 / (2 * Math.PI)), mean, 5 * se);
    }

    /**
     * Teacher on anisotropic features: the signal is x^T beta / sqrt(p) with x = Sigma^{1/2} z, so
     * Var y = beta^T Sigma beta / p + noise^2 (6.5 for this seed, against about 1.1 with white noise). The mean of y^2
     * has standard error Var y sqrt(2/n); 5 allowed.
     */
    @Test
    void teacherSignalVarianceFollowsTheCovariance() {
        final int n = 4000;
        final int p = 20;
        final double noise = 0.3;
        final GeneratedData d = DataGenerator.generate(
            new DataSpec(DataModel.TEACHER, n, 0, p, 0, noise, Scale.RAW, 13).withCovariance(CovarianceSpec.spiked(3, 10)));
        final double[] sb = d.beta().clone();
        d.covariance().applySquareRoot(sb);
        final double expected = SampleStats.dot(sb, sb) / p + noise * noise;
        double y2 = 0;
        for (double y : d.train().y()) {
            y2 += y * y / n;
        }
        assertEquals(expected, y2, 5 * expected * Math.sqrt(2.0 / n));
        assertTrue(expected > 2 * (SampleStats.dot(d.beta(), d.beta()) / p + noise * noise),
            "the spikes make the signal stronger than white noise would: " + expected);
    }

    @Test
    void newParametersAreCheckedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mixture(10, 5, 6, 1, 1));
        assertTrue(e.getMessage().contains("K (number of classes) must be at most p = 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> mixture(10, 5, 1, 1, 1));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> new DataSpec(DataModel.TEACHER, 10, 0, 5, 0, 0, Scale.RAW, 1).withActivation("swish-9"));
        assertTrue(e.getMessage().contains("Unknown activation"), e.getMessage());
        // K > p is fine where classes are not used
        assertEquals(6, new DataSpec(DataModel.TEACHER, 10, 0, 5, 0, 0, Scale.RAW, 1).withClasses(6).classes());
    }
}
