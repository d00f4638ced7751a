package org.rmtlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataGeneratorTest {

    @Test
    void sameSeedGivesIdenticalData() {
        DataSpec spec = new DataSpec(DataModel.MIXTURE, 50, 20, 30, 2.0, 0, Scale.NORMALISED, 7);
        GeneratedData a = DataGenerator.generate(spec);
        GeneratedData b = DataGenerator.generate(spec);
        assertArrayEquals(a.train().x().data, b.train().x().data, 0.0);
        assertArrayEquals(a.test().x().data, b.test().x().data, 0.0);
        assertArrayEquals(a.train().y(), b.train().y(), 0.0);
    }

    @Test
    void testSetDoesNotDependOnTrainingSize() {
        GeneratedData a = DataGenerator.generate(new DataSpec(DataModel.TEACHER, 40, 10, 8, 0, 0.1, Scale.RAW, 3));
        GeneratedData b = DataGenerator.generate(new DataSpec(DataModel.TEACHER, 90, 10, 8, 0, 0.1, Scale.RAW, 3));
        assertArrayEquals(a.test().x().data, b.test().x().data, 0.0);
    }

    /**
     * Moments of the normalised Gaussian: every entry has variance 1/p, so the mean of x_ij^2 * p over
     * n p = 200 * 100 entries is 1 with standard error sqrt(2 / (n p)) = 0.01; 5 standard errors allowed.
     */
    @Test
    void gaussianEntriesHaveVarianceOneOverP() {
        int n = 200;
        int p = 100;
        GeneratedData d = DataGenerator.generate(DataSpec.gaussian(n, p, 11));
        double sum = 0;
        double mean = 0;
        for (double v : d.train().x().data) {
            sum += v * v * p;
            mean += v;
        }
        assertEquals(1.0, sum / (n * p), 5 * Math.sqrt(2.0 / (n * p)));
        // mean of n p entries of sd 1/sqrt(p): standard error 1/(sqrt(p) sqrt(n p))
        assertEquals(0.0, mean / (n * p), 5 / Math.sqrt(p) / Math.sqrt((double) n * p));
    }

    /**
     * Mixture: ||mu||^2 = rho exactly; the class-mean difference projected on mu / ||mu|| is 2 sqrt(rho)
     * (raw scale) up to the noise of the class means, standard error about 2 / sqrt(n/2).
     */
    @Test
    void mixtureHasClassMeansPlusMinusMu() {
        int n = 2000;
        int p = 20;
        double rho = 4;
        GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, n, 0, p, rho, 0, Scale.RAW, 5));
        double norm2 = 0;
        for (double m : d.mu()) {
            norm2 += m * m;
        }
        assertEquals(rho, norm2, 1e-12);
        double proj = 0;
        int plus = 0;
        for (int j = 0; j < n; j++) {
            double dot = 0;
            for (int i = 0; i < p; i++) {
                dot += d.train().x().get(i, j) * d.mu()[i] / Math.sqrt(rho);
            }
            proj += d.train().label()[j] * dot;
            plus += d.train().label()[j] > 0 ? 1 : 0;
            assertEquals(d.train().label()[j], d.train().y()[j], 0.0);
        }
        assertEquals(Math.sqrt(rho), proj / n, 5 / Math.sqrt(n));
        // balanced classes: binomial(n, 1/2), sd sqrt(n)/2
        assertEquals(n / 2.0, plus, 5 * Math.sqrt(n) / 2);
    }

    /** Teacher: y - z^T beta / sqrt(p) is the label noise, of variance noise^2 (standard error noise^2 sqrt(2/n)). */
    @Test
    void teacherNoiseHasTheRequestedVariance() {
        int n = 3000;
        int p = 10;
        double noise = 0.5;
        GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.TEACHER, n, 0, p, 0, noise, Scale.NORMALISED, 9));
        double ss = 0;
        for (int j = 0; j < n; j++) {
            double dot = 0;
            for (int i = 0; i < p; i++) {
                dot += d.train().x().get(i, j) * Math.sqrt(p) * d.beta()[i];
            }
            double r = d.train().y()[j] - dot / Math.sqrt(p);
            ss += r * r;
        }
        assertEquals(noise * noise, ss / n, 5 * noise * noise * Math.sqrt(2.0 / n));
    }

    /**
     * Regression guard for saved workflows and scripts: these numbers were recorded from the generator
     * before the laws were extended (commit b51cdb7). The original laws must keep giving them exactly for
     * the same seed; a change of the sampling order or of a formula fails here.
     */
    @Test
    void originalLawsKeepTheirNumbers() {
        final long seed = 20240607L;
        GeneratedData g = DataGenerator.generate(new DataSpec(DataModel.GAUSSIAN, 6, 3, 5, 2.5, 0.3, Scale.NORMALISED, seed));
        assertEquals(-0.35766439618885293, g.train().x().get(0, 0), 0.0);
        assertEquals(0.4189824525165491, g.train().x().get(4, 5), 0.0);
        assertEquals(0.4029393921764303, g.test().x().get(1, 2), 0.0);
        g = DataGenerator.generate(new DataSpec(DataModel.GAUSSIAN, 6, 3, 5, 2.5, 0.3, Scale.RAW, seed));
        assertEquals(1.485663398712445, g.train().x().get(2, 3), 0.0);

        final GeneratedData m = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 6, 3, 5, 2.5, 0.3, Scale.NORMALISED, seed));
        assertEquals(-0.318598322487602, m.train().x().get(0, 0), 0.0);
        assertEquals(-0.5236320084202382, m.train().x().get(4, 5), 0.0);
        assertEquals(0.07722285202723729, m.test().x().get(1, 2), 0.0);
        assertArrayEquals(new int[] {1, -1, 1, 1, -1, 1}, m.train().label());
        assertArrayEquals(new double[] {1, 1, -1}, m.test().y(), 0.0);
        assertEquals(1.0533377842298715, m.mu()[3], 0.0);

        final GeneratedData t = DataGenerator.generate(new DataSpec(DataModel.TEACHER, 6, 3, 5, 2.5, 0.3, Scale.RAW, seed));
        assertEquals(-0.5817278655923065, t.train().x().get(2, 3), 0.0);
        assertEquals(-1.1009746415871515, t.train().y()[0], 0.0);
        assertEquals(-1.714225312898281, t.train().y()[5], 0.0);
        assertEquals(-1.0825257504225059, t.test().y()[2], 0.0);
        assertEquals(-1.4805484621356109, t.beta()[4], 0.0);
    }

    /** The extended laws are as reproducible as the original ones, and their test sets do not depend on n. */
    @Test
    void extendedLawsAreDeterministic() {
        final DataSpec spiked = new DataSpec(DataModel.MIXTURE, 40, 15, 12, 2, 0, Scale.RAW, 8).withClasses(3)
            .withCovariance(CovarianceSpec.spiked(2, 4));
        final GeneratedData a = DataGenerator.generate(spiked);
        final GeneratedData b = DataGenerator.generate(spiked);
        assertArrayEquals(a.train().x().data, b.train().x().data, 0.0);
        assertArrayEquals(a.train().label(), b.train().label());
        assertArrayEquals(a.covariance().spikeDirections().data, b.covariance().spikeDirections().data, 0.0);
        final GeneratedData bigger = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 90, 15, 12, 2, 0, Scale.RAW, 8)
            .withClasses(3).withCovariance(CovarianceSpec.spiked(2, 4)));
        assertArrayEquals(a.test().x().data, bigger.test().x().data, 0.0);
        assertArrayEquals(a.means().data, bigger.means().data, 0.0);

        final DataSpec relu = new DataSpec(DataModel.TEACHER, 30, 5, 6, 0, 0.1, Scale.NORMALISED, 4).withActivation("relu")
            .withCovariance(CovarianceSpec.powerLaw(1));
        assertArrayEquals(DataGenerator.generate(relu).train().y(), DataGenerator.generate(relu).train().y(), 0.0);
        assertArrayEquals(relu.populationEigenvalues(), DataGenerator.generate(relu).populationEigenvalues(), 0.0);
    }

    /** The white law has all population eigenvalues 1, whatever the model. */
    @Test
    void whiteNoiseHasUnitPopulationEigenvalues() {
        final double[] ev = DataGenerator.generate(new DataSpec(DataModel.TEACHER, 5, 0, 7, 0, 0, Scale.RAW, 1))
            .populationEigenvalues();
        assertEquals(7, ev.length);
        for (double v : ev) {
            assertEquals(1.0, v, 0.0);
        }
    }

    @Test
    void badParametersAreRejectedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new DataSpec(DataModel.GAUSSIAN, 0, 0, 10, 0, 0, Scale.RAW, 1));
        assertTrue(e.getMessage().contains("n (training samples)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataModel.fromId("spiral"));
        assertTrue(e.getMessage().contains("gaussian, mixture, teacher"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> new DataSpec(DataModel.MIXTURE, 10, 0, 10, -1, 0, Scale.RAW, 1));
        assertTrue(e.getMessage().contains("rho"), e.getMessage());
    }

    @Test
    void hugeSizesAreRefusedBeforeAllocating() {
        DataSpec spec = new DataSpec(DataModel.GAUSSIAN, 1_000_000, 0, 1_000_000, 0, 0, Scale.RAW, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataGenerator.generate(spec));
        assertTrue(e.getMessage().contains("Not enough memory"), e.getMessage());
    }
}
