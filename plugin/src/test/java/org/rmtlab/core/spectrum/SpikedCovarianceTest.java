package org.rmtlab.core.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;

class SpikedCovarianceTest {
    private static final int P = 200;
    private static final int N = 400;
    private static final int TRIALS = 4;

    /** Largest eigenvalue and its eigenvector of (1/n) X X^T. */
    private static double[] top(final DMatrixRMaj x, final double[] direction) {
        final DMatrixRMaj s = SymmetricProducts.outer(x, 1.0 / x.numCols);
        final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(s.numRows, true, true);
        assertTrue(eig.decompose(s));
        int best = 0;
        for (int i = 1; i < s.numRows; i++) {
            if (eig.getEigenvalue(i).real > eig.getEigenvalue(best).real) {
                best = i;
            }
        }
        final DMatrixRMaj v = eig.getEigenVector(best);
        double dot = 0;
        double norm = 0;
        double dnorm = 0;
        for (int i = 0; i < s.numRows; i++) {
            dot += v.get(i, 0) * direction[i];
            norm += v.get(i, 0) * v.get(i, 0);
            dnorm += direction[i] * direction[i];
        }
        return new double[] {eig.getEigenvalue(best).real, dot * dot / (norm * dnorm)};
    }

    @Test
    void formulasAreContinuousAtTheThreshold() {
        for (double c : new double[] {0.1, 1, 3}) {
            final SpikedCovariance bbp = new SpikedCovariance(c, 2);
            final double t = bbp.threshold();
            final double edge = MarchenkoPastur.of(c, 2).upperEdge();
            assertEquals(edge, bbp.largestEigenvalue(t), 1e-12 * edge, "at the threshold the outlier is the edge");
            assertEquals(edge, bbp.largestEigenvalue(t * (1 - 1e-9)), 1e-12 * edge, "below: the edge");
            assertEquals(edge, bbp.largestEigenvalue(t * (1 + 1e-9)), 1e-6 * edge, "just above: at the edge");
            assertEquals(0, bbp.overlap(t * (1 + 1e-12)), 1e-9, "overlap vanishes at the threshold");
            assertEquals(0, bbp.overlap(1.0), 0);
            // far above: lambda -> ell (1 + c/ell), overlap -> 1
            assertEquals(2 * 1e6 * (1 + c / (1e6 - 1)), bbp.largestEigenvalue(1e6), 1e-6);
            assertEquals(1, bbp.overlap(1e9), 1e-8);
            // the mixture is the spike ell = 1 + rho
            assertEquals(Math.sqrt(c), bbp.mixtureThreshold(), 1e-15);
            assertEquals(2 * (1 + 3 + c + c / 3), bbp.mixtureLargestEigenvalue(3), 1e-12);
            assertFalse(bbp.separates(t));
        }
    }

    @Test
    void spikedOutlierAndOverlapMatchSimulation() {
        // ell = 3 at c = 1/2: outlier at 3 (1 + 0.5/2) = 3.75, squared overlap (1 - 0.5/4)/(1 + 0.5/2) = 0.7.
        // Paul (2007, Thm 3): sqrt(n)(lambda - 3.75) -> N(0, 2 ell^2 (1 - c/(ell - 1)^2)), sd 0.198 at n = 400,
        // so the mean of 4 trials has se 0.099; the overlap fluctuates by O(n^{-1/2}) too (per-trial sd below
        // 0.03 here, 0.01 measured), so 4 se of the mean of 4 trials is 0.06.
        final SpikedCovariance bbp = SpikedCovariance.of(0.5);
        final double ell = 3;
        final double[] diag = EmpiricalSpectrumTest.fill(P, 1);
        diag[0] = ell;
        final double[] e1 = new double[P];
        e1[0] = 1;
        double mean = 0;
        double overlap = 0;
        for (int t = 0; t < TRIALS; t++) {
            final double[] r = top(Simulations.gaussian(diag, N, 100 + t), e1);
            mean += r[0] / TRIALS;
            overlap += r[1] / TRIALS;
        }
        final double sd = Math.sqrt(2 * ell * ell * (1 - 0.5 / ((ell - 1) * (ell - 1))) / N);
        assertEquals(bbp.largestEigenvalue(ell), mean, 4 * sd / Math.sqrt(TRIALS), "outlier location");
        assertEquals(bbp.overlap(ell), overlap, 0.06, "squared overlap");
        // sub-critical spike: the largest eigenvalue stays at the edge within Tracy-Widom fluctuations
        diag[0] = 1.3;
        final MarchenkoPastur mp = MarchenkoPastur.of(0.5, 1);
        final EmpiricalSpectrum es = EmpiricalSpectrum.of(Simulations.gaussian(diag, N, 7), SampleMatrix.COVARIANCE);
        final double[] e = es.eigenvalues();
        assertEquals(mp.upperEdge(), e[P - 1], 5 * mp.edgeScale(true, P), "sub-critical: at the edge");
        assertEquals(0, es.outliers(mp, EmpiricalSpectrum.DEFAULT_EDGE_MARGIN).count(), "sub-critical: no outlier");
    }

    @Test
    void mixtureOutlierMatchesSimulation() {
        // DataGenerator mixture, normalised: covariance (I + mu mu^T)/p, so variance 1/p and ell = 1 + rho
        final SpikedCovariance bbp = new SpikedCovariance(P / (double) N, 1.0 / P);
        final double rho = 2;
        double mean = 0;
        double overlap = 0;
        for (int t = 0; t < TRIALS; t++) {
            final GeneratedData d = DataGenerator.generate(
                new DataSpec(DataModel.MIXTURE, N, 0, P, rho, 0, Scale.NORMALISED, 300 + t));
            final double[] r = top(d.train().x(), d.mu());
            mean += r[0] / TRIALS;
            overlap += r[1] / TRIALS;
            final EmpiricalSpectrum es = EmpiricalSpectrum.of(d.train().x(), SampleMatrix.COVARIANCE);
            final Outliers o = es.outliers(es.marchenkoPastur(1.0 / P), EmpiricalSpectrum.DEFAULT_EDGE_MARGIN);
            assertEquals(1, o.above().length, "one outlier above the bulk, trial " + t);
            assertEquals(0, o.below().length, "none below, trial " + t);
        }
        // the same fluctuation scales as the Gaussian spike ell = 3 (sd 0.198/p per trial), 4 trials
        final double sd = Math.sqrt(2 * 9 * (1 - 0.5 / 4) / N) / P;
        assertEquals(bbp.mixtureLargestEigenvalue(rho), mean, 4 * sd / Math.sqrt(TRIALS), "mixture outlier");
        assertEquals(bbp.mixtureOverlap(rho), overlap, 0.06, "mixture overlap");
        // below the threshold sqrt(c) = 0.71: no outlier
        final GeneratedData weak = DataGenerator.generate(
            new DataSpec(DataModel.MIXTURE, N, 0, P, 0.3, 0, Scale.NORMALISED, 9));
        final EmpiricalSpectrum es = EmpiricalSpectrum.of(weak.train().x(), SampleMatrix.COVARIANCE);
        assertEquals(0, es.outliers(es.marchenkoPastur(1.0 / P), EmpiricalSpectrum.DEFAULT_EDGE_MARGIN).count());
    }
}
