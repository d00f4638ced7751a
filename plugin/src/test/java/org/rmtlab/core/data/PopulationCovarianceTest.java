package org.rmtlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.Rng;

/**
 * The power-law and spiked population covariances: closed forms of the eigenvalues and of Sigma, then
 * the sample covariance of generated data against them (Monte Carlo, raw scale).
 */
class PopulationCovarianceTest {

    private static DataSpec gaussian(final int n, final int p, final CovarianceSpec cov, final long seed) {
        return new DataSpec(DataModel.GAUSSIAN, n, 0, p, 0, 0, Scale.RAW, seed).withCovariance(cov);
    }

    @Test
    void powerLawEigenvaluesDecayAsRequestedWithMeanOne() {
        final int p = 50;
        final double a = 1.3;
        final double[] ev = CovarianceSpec.powerLaw(a).eigenvalues(p);
        double mean = 0;
        for (double v : ev) {
            mean += v / p;
        }
        assertEquals(1.0, mean, 1e-14);
        for (int i = 1; i <= p; i++) {
            assertEquals(Math.pow(i, -a), ev[i - 1] / ev[0], 1e-14, "lambda_i / lambda_1 = i^-a at i = " + i);
        }
        // exponent 0 is white noise; the identity is all ones
        final double[] ones = new double[p];
        java.util.Arrays.fill(ones, 1.0);
        assertArrayEquals(ones, CovarianceSpec.powerLaw(0).eigenvalues(p), 1e-15);
        assertArrayEquals(ones, CovarianceSpec.identity().eigenvalues(p), 0.0);
    }

    @Test
    void spikedCovarianceIsIdentityPlusSpikesOnOrthonormalDirections() {
        final int p = 30;
        final double ell = 2.5;
        final PopulationCovariance cov = CovarianceSpec.spiked(3, ell).draw(p, new Rng(4));
        final double[] ev = cov.eigenvalues();
        for (int i = 0; i < p; i++) {
            assertEquals(i < 3 ? 1 + ell : 1, ev[i], 0.0);
        }
        final DMatrixRMaj v = cov.spikeDirections();
        assertEquals(3, v.numCols);
        final DMatrixRMaj sigma = cov.toMatrix();
        for (int j = 0; j < 3; j++) {
            final double[] vj = SampleStats.column(v, j);
            for (int l = 0; l < 3; l++) {
                assertEquals(j == l ? 1 : 0, SampleStats.dot(vj, SampleStats.column(v, l)), 1e-14);
            }
            // Sigma v_j = (1 + ell) v_j
            for (int r = 0; r < p; r++) {
                double sv = 0;
                for (int c = 0; c < p; c++) {
                    sv += sigma.get(r, c) * vj[c];
                }
                assertEquals((1 + ell) * vj[r], sv, 1e-13);
            }
        }
        // the eigenvalues of the dense Sigma are the ones announced
        assertArrayEquals(ev, SampleStats.eigenvaluesDescending(sigma), 1e-12);
    }

    /** applySquareRoot is a square root of toMatrix: Sigma^{1/2} Sigma^{1/2} e_c = Sigma e_c, for both shapes. */
    @Test
    void squareRootSquaresToSigma() {
        final int p = 12;
        for (CovarianceSpec spec : new CovarianceSpec[] {CovarianceSpec.powerLaw(0.8), CovarianceSpec.spiked(2, 3)}) {
            final PopulationCovariance cov = spec.draw(p, new Rng(8));
            final DMatrixRMaj sigma = cov.toMatrix();
            for (int c = 0; c < p; c++) {
                final double[] e = new double[p];
                e[c] = 1;
                cov.applySquareRoot(e);
                cov.applySquareRoot(e);
                for (int r = 0; r < p; r++) {
                    assertEquals(sigma.get(r, c), e[r], 1e-13, spec + " entry " + r + "," + c);
                }
            }
        }
    }

    /**
     * Power law, canonical basis: coordinate i has variance lambda_i and the coordinates are uncorrelated.
     * With n = 2000 the sample variance over lambda_i has standard deviation sqrt(2/n) = 0.032 and a sample
     * correlation 1/sqrt(n) = 0.022; the maxima over 40 variances and 780 pairs stay below 5.5 standard
     * deviations except with probability below 1e-4.
     */
    @Test
    void powerLawCoordinatesHaveTheirVariances() {
        final int n = 2000;
        final int p = 40;
        final GeneratedData d = DataGenerator.generate(gaussian(n, p, CovarianceSpec.powerLaw(1.0), 21));
        final double[] lambda = d.populationEigenvalues();
        assertArrayEquals(CovarianceSpec.powerLaw(1.0).eigenvalues(p), lambda, 0.0);
        final DMatrixRMaj s = SampleStats.covariance(d.train().x());
        for (int i = 0; i < p; i++) {
            assertEquals(1.0, s.get(i, i) / lambda[i], 5.5 * Math.sqrt(2.0 / n), "variance of x" + (i + 1));
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, s.get(i, j) / Math.sqrt(lambda[i] * lambda[j]), 5.5 / Math.sqrt(n));
            }
        }
    }

    /**
     * Moments of the sample spectrum against the exact Wishart moments: for S = X X^T / n with columns
     * N(0, Sigma), E tr(S)/p = m1 and E tr(S^2)/p = (1 + 1/n) m2 + c m1^2 (c = p/n, m_k = tr(Sigma^k)/p),
     * the first two moments of the generalised Marchenko-Pastur law of Silverstein's equation. Ten trials;
     * tolerance five standard errors of their mean.
     */
    @Test
    void sampleSpectrumMomentsMatchWishart() {
        final int n = 200;
        final int p = 100;
        final CovarianceSpec cov = CovarianceSpec.powerLaw(0.5);
        final double[] lambda = cov.eigenvalues(p);
        double m2 = 0;
        for (double l : lambda) {
            m2 += l * l / p;
        }
        final int trials = 10;
        final double[] first = new double[trials];
        final double[] second = new double[trials];
        for (int t = 0; t < trials; t++) {
            final DMatrixRMaj s = SampleStats.covariance(DataGenerator.generate(gaussian(n, p, cov, 100 + t)).train().x());
            for (int i = 0; i < p; i++) {
                first[t] += s.get(i, i) / p;
                for (int j = 0; j < p; j++) {
                    second[t] += s.get(i, j) * s.get(j, i) / p;
                }
            }
        }
        final double[] m1Hat = SampleStats.meanAndError(first);
        final double[] m2Hat = SampleStats.meanAndError(second);
        assertEquals(1.0, m1Hat[0], 5 * m1Hat[1]);
        assertEquals((1 + 1.0 / n) * m2 + p / (double) n, m2Hat[0], 5 * m2Hat[1]);
        // the power law is not white: m2 = 1.5 here, against 1 for the identity
        assertTrue(m2 > 1.4, "m2 = " + m2);
    }

    /**
     * The sorted sample eigenvalues approach the population ones as n grows with p = 40 fixed. Each
     * eigenvalue has a relative fluctuation of about sqrt(2/n) and a spreading bias of order c = p/n (the
     * Marchenko-Pastur effect), so the root-mean-square relative error over the 40 eigenvalues is about
     * sqrt(2/n) + c: we require it below 2 sqrt(2/n) + 2c at n = 200 and n = 6400 (0.6 and 0.048), and a
     * fall by at least 5 between them (sqrt(32) = 5.7 from the fluctuations alone, more as c shrinks as well;
     * about 11 is seen over seeds). White data would miss the tail lambda_40 = 0.23 by a factor 4.
     */
    @Test
    void sampleEigenvaluesConvergeToThePowerLaw() {
        final int p = 40;
        final CovarianceSpec cov = CovarianceSpec.powerLaw(1.0);
        final double[] lambda = cov.eigenvalues(p);
        final double[] error = new double[2];
        final int[] sizes = {200, 6400};
        for (int k = 0; k < 2; k++) {
            final int n = sizes[k];
            final double[] l = SampleStats.eigenvaluesDescending(
                SampleStats.covariance(DataGenerator.generate(gaussian(n, p, cov, 31)).train().x()));
            double sum = 0;
            for (int i = 0; i < p; i++) {
                sum += (l[i] / lambda[i] - 1) * (l[i] / lambda[i] - 1);
            }
            error[k] = Math.sqrt(sum / p);
            assertTrue(error[k] < 2 * Math.sqrt(2.0 / n) + 2.0 * p / n, "n = " + n + ": relative error " + error[k]);
        }
        assertTrue(error[1] < error[0] / 5, "errors " + error[0] + " -> " + error[1]);
    }

    /**
     * Spikes above the BBP threshold ell &gt; sqrt(c) leave the Marchenko-Pastur bulk: with c = 1/4 and
     * ell = 2 the sample covariance has k = 2 outliers near (1 + ell)(1 + c/ell) = 3.375 (Baik, Ben Arous,
     * Peche 2005; Paul 2007), each with standard deviation about (1 + ell) sqrt(2 (1 - c/ell^2) / n) = 0.15,
     * allowed 0.6; the next eigenvalue stays at the bulk edge (1 + sqrt c)^2 = 2.25 (Tracy-Widom scale 0.025
     * here, allowed 0.2). Below the threshold (ell = 0.3) no eigenvalue leaves the bulk.
     */
    @Test
    void spikesAboveTheBbpThresholdAreVisible() {
        final int p = 200;
        final int n = 800;
        final double c = p / (double) n;
        final double edge = (1 + Math.sqrt(c)) * (1 + Math.sqrt(c));
        final double ell = 2;
        final GeneratedData d = DataGenerator.generate(gaussian(n, p, CovarianceSpec.spiked(2, ell), 41));
        final DMatrixRMaj s = SampleStats.covariance(d.train().x());
        final double[] l = SampleStats.eigenvaluesDescending(s);
        final double outlier = (1 + ell) * (1 + c / ell);
        assertEquals(outlier, l[0], 0.6);
        assertEquals(outlier, l[1], 0.6);
        assertEquals(edge, l[2], 0.2);
        // the spike directions carry variance 1 + ell: v^T S v has standard deviation (1 + ell) sqrt(2/n) = 0.15
        final DMatrixRMaj v = d.covariance().spikeDirections();
        for (int j = 0; j < 2; j++) {
            final double[] vj = SampleStats.column(v, j);
            double q = 0;
            for (int r = 0; r < p; r++) {
                for (int cc = 0; cc < p; cc++) {
                    q += vj[r] * s.get(r, cc) * vj[cc];
                }
            }
            assertEquals(1 + ell, q, 5 * (1 + ell) * Math.sqrt(2.0 / n));
        }

        final double[] weak = SampleStats.eigenvaluesDescending(SampleStats.covariance(
            DataGenerator.generate(gaussian(n, p, CovarianceSpec.spiked(1, 0.3), 41)).train().x()));
        assertEquals(edge, weak[0], 0.2);
    }

    /**
     * Above the threshold the top sample eigenvector is aligned with the spike: |u^T v|^2 tends to
     * (1 - c/ell^2) / (1 + c/ell) = 0.833 for c = 1/4, ell = 2 (Paul 2007); fluctuations O(1/sqrt(n)) = 0.035
     * at n = 800, allowed 0.1. A random unit vector would give about 1/p = 0.005.
     */
    @Test
    void topEigenvectorAlignsWithTheSpike() {
        final int p = 200;
        final int n = 800;
        final double c = p / (double) n;
        final double ell = 2;
        final GeneratedData d = DataGenerator.generate(gaussian(n, p, CovarianceSpec.spiked(1, ell), 43));
        final double[] u = SampleStats.topEigenvector(SampleStats.covariance(d.train().x()));
        final double overlap = SampleStats.dot(u, SampleStats.column(d.covariance().spikeDirections(), 0));
        assertEquals((1 - c / (ell * ell)) / (1 + c / ell), overlap * overlap, 0.1);
    }

    @Test
    void badCovarianceSettingsSayHowToFixThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> gaussian(10, 5, CovarianceSpec.spiked(6, 1), 1));
        assertTrue(e.getMessage().contains("at most p = 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CovarianceSpec.spiked(0, 1));
        assertTrue(e.getMessage().contains("spikes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CovarianceSpec.powerLaw(-1));
        assertTrue(e.getMessage().contains("exponent"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CovarianceSpec.powerLaw(Double.NaN));
        assertTrue(e.getMessage().contains("exponent"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CovarianceSpec.powerLaw(11));
        assertTrue(e.getMessage().contains("at most 10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CovarianceSpec.spiked(1, Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("spike strength"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CovarianceModel.fromId("toeplitz"));
        assertTrue(e.getMessage().contains("identity, power-law, spiked"), e.getMessage());
    }
}
