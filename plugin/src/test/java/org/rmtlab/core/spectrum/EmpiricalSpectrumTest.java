package org.rmtlab.core.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataSpec;

class EmpiricalSpectrumTest {

    @Test
    void symmetricProductsMatchEjml() {
        for (int[] size : new int[][] {{1, 1}, {5, 3}, {7, 13}, {37, 300}, {300, 37}}) {
            final DMatrixRMaj x = Simulations.gaussian(new double[size[0]], size[1], 3);
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = Math.sin(1.7 * i) + 0.1 * i / x.data.length;
            }
            final DMatrixRMaj outer = new DMatrixRMaj(size[0], size[0]);
            CommonOps_DDRM.multTransB(0.5, x, x, outer);
            final DMatrixRMaj inner = new DMatrixRMaj(size[1], size[1]);
            CommonOps_DDRM.multTransA(0.5, x, x, inner);
            // sums of up to 300 products of O(1) terms: rounding ~300 eps
            assertArrayEquals(outer.data, SymmetricProducts.outer(x, 0.5).data, 1e-12, "X X^T " + size[0] + "x" + size[1]);
            assertArrayEquals(inner.data, SymmetricProducts.inner(x, 0.5).data, 1e-12, "X^T X " + size[0] + "x" + size[1]);
        }
    }

    @Test
    void parallelEigensolverAgreesWithTheSequentialOne() {
        final int m = SymmetricEigen.PARALLEL_SIZE + 50;
        final DMatrixRMaj a = SymmetricProducts.outer(Simulations.gaussian(fill(m, 1), m + 100, 12), 1.0 / m);
        final org.ejml.interfaces.decomposition.EigenDecomposition_F64<DMatrixRMaj> seq =
            org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(m, false, true);
        assertTrue(seq.decompose(a.copy()));
        final double[] expected = new double[m];
        for (int i = 0; i < m; i++) {
            expected[i] = seq.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(expected);
        // backward-stable solvers: eigenvalues agree to m eps ||A||
        assertArrayEquals(expected, SymmetricEigen.values(a), 1e-11 * expected[m - 1]);
    }

    @Test
    void smallerSideWithZerosEqualsTheDirectDecomposition() {
        for (int[] size : new int[][] {{30, 50}, {50, 30}}) {
            final DMatrixRMaj x = Simulations.gaussian(fill(size[0], 1), size[1], 8);
            final int n = size[1];
            final DMatrixRMaj cov = new DMatrixRMaj(size[0], size[0]);
            CommonOps_DDRM.multTransB(1.0 / n, x, x, cov);
            final DMatrixRMaj gram = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransA(1.0 / n, x, x, gram);
            final EmpiricalSpectrum c = EmpiricalSpectrum.of(x, SampleMatrix.COVARIANCE);
            final EmpiricalSpectrum g = EmpiricalSpectrum.of(x, SampleMatrix.GRAM);
            assertArrayEquals(g.eigenvalues(), c.companion().eigenvalues(), 0, "companion of the covariance spectrum");
            assertArrayEquals(c.eigenvalues(), g.companion().eigenvalues(), 0, "companion of the Gram spectrum");
            final double[] directC = SymmetricEigen.values(cov);
            final double[] directG = SymmetricEigen.values(gram);
            // the direct decomposition of the larger side returns its zeros as +-1e-15: compare absolutely
            assertArrayEquals(directC, c.eigenvalues(), 1e-12);
            assertArrayEquals(directG, g.eigenvalues(), 1e-12);
            assertEquals(Math.max(0, size[0] - n), c.zeroCount());
            assertEquals(Math.max(0, n - size[0]), g.zeroCount());
            assertEquals(size[0], c.dimension());
            assertEquals(n, g.dimension());
            // the same zeros counted from eigenvalues with rounding noise, as read from a table
            assertEquals(c.zeroCount(), EmpiricalSpectrum.of(directC, size[0], n, SampleMatrix.COVARIANCE).zeroCount());
            assertEquals(g.zeroCount(), EmpiricalSpectrum.of(directG, size[0], n, SampleMatrix.GRAM).zeroCount());
            assertEquals(c.varianceEstimate(), g.varianceEstimate(), 1e-13, "same trace on both sides");
        }
    }

    @Test
    void kolmogorovDistanceToMarchenkoPasturIsSmallAtThousandSamples() {
        // normalised gaussian data: x ~ N(0, I_p / p), so the law has variance 1/p
        final int n = 1000;
        for (int p : new int[] {500, 1000}) {
            final DataSpec spec = DataSpec.gaussian(n, p, 2024);
            final EmpiricalSpectrum covariance = EmpiricalSpectrum.of(DataGenerator.generate(spec).train().x(),
                SampleMatrix.COVARIANCE);
            for (EmpiricalSpectrum es : new EmpiricalSpectrum[] {covariance, covariance.companion()}) {
                final SampleMatrix side = es.side();
                final MarchenkoPastur law = es.marchenkoPastur(1.0 / p);
                final double ks = es.kolmogorovDistance(law);
                final double tol = Simulations.ksTolerance(es.dimension());
                assertTrue(ks < tol, "KS " + ks + " >= " + tol + " for p = " + p + ", " + side);
                // and it sees a 10% error in the variance: F moves by about 0.1 max(x f(x)) ~ 0.05 (0.04 with
                // the atom's weight on the Gram side), more than twice the tolerance
                final double wrong = es.kolmogorovDistance(es.marchenkoPastur(1.1 / p));
                assertTrue(wrong > 2 * tol, "KS to a wrong variance " + wrong + " for p = " + p + ", " + side);
            }
        }
    }

    @Test
    void kolmogorovDistanceHandlesTheAtomAtZero() {
        // c = 2: 300 of the 600 covariance eigenvalues are zero, the law has the atom 1/2
        final DMatrixRMaj x = DataGenerator.generate(DataSpec.gaussian(300, 600, 4)).train().x();
        final EmpiricalSpectrum es = EmpiricalSpectrum.of(x, SampleMatrix.COVARIANCE);
        assertEquals(300, es.zeroCount());
        final MarchenkoPastur law = es.marchenkoPastur(1.0 / 600);
        assertTrue(es.kolmogorovDistance(law) < Simulations.ksTolerance(600), "KS with the atom");
        // without the zeros the distance would be the atom itself
        final double[] nz = es.nonzero();
        assertTrue(EmpiricalSpectrum.kolmogorovDistance(nz, law) > 0.45, "missing atom is detected");
        // exactly: all mass at 0 against a law with atom 1/2 is 1/2 off
        assertEquals(0.5, EmpiricalSpectrum.kolmogorovDistance(new double[] {0, 0, 0, 0}, law), 1e-15);
        // and the rounding noise of a larger-side decomposition counts as zeros
        final double[] noisy = es.eigenvalues();
        for (int i = 0; i < 300; i++) {
            noisy[i] = (i % 2 == 0 ? 1 : -1) * 1e-17 * (i + 1);
        }
        assertEquals(es.kolmogorovDistance(law), EmpiricalSpectrum.kolmogorovDistance(noisy, law), 1e-15);
    }

    @Test
    void histogramDensityFollowsTheLaw() {
        final int n = 1000;
        final int p = 500;
        final EmpiricalSpectrum es = EmpiricalSpectrum.of(
            DataGenerator.generate(DataSpec.gaussian(n, p, 77)).train().x(), SampleMatrix.COVARIANCE);
        final MarchenkoPastur law = es.marchenkoPastur(1.0 / p);
        final Histogram h = es.histogram(0);
        // Freedman-Diaconis: width 2 IQR N^(-1/3), with the law's IQR in place of the sample's (10 bins)
        final double expectedBins = (law.upperEdge() - law.lowerEdge()) * Math.cbrt(p)
            / (2 * (law.quantile(0.75) - law.quantile(0.25)));
        assertEquals(expectedBins, h.bins(), 1.5, "bins");
        double mass = 0;
        for (int b = 0; b < h.bins(); b++) {
            mass += h.density(b) * (h.upper(b) - h.lower(b));
            final double expected = law.binDensity(h.lower(b), h.upper(b));
            // eigenvalues fluctuate less than independent points (rigidity), so the Poisson standard error
            // sqrt(count)/(N width) is a conservative scale; 4 of them plus one eigenvalue of discreteness
            final double width = h.upper(b) - h.lower(b);
            final double tol = (4 * Math.sqrt(expected * p * width) + 1) / (p * width);
            assertEquals(expected, h.density(b), tol, "bin " + b);
        }
        assertEquals(1, mass, 1e-12);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EmpiricalSpectrum.of(new double[] {1, 2}, 3, 4,
            SampleMatrix.COVARIANCE));
        assertThrows(IllegalArgumentException.class, () -> EmpiricalSpectrum.of(new double[] {1, Double.NaN, 2}, 3, 4,
            SampleMatrix.COVARIANCE));
        final DMatrixRMaj x = new DMatrixRMaj(2, 2);
        x.set(0, 0, Double.POSITIVE_INFINITY);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> EmpiricalSpectrum.of(x, SampleMatrix.GRAM));
        assertTrue(e.getMessage().contains("NaN or infinite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SampleMatrix.fromId("square"));
    }

    static double[] fill(final int size, final double value) {
        final double[] d = new double[size];
        java.util.Arrays.fill(d, value);
        return d;
    }
}
