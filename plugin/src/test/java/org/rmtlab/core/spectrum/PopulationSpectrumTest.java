package org.rmtlab.core.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PopulationSpectrumTest {

    @Test
    void equalEigenvaluesMergeAndWeightsNormalise() {
        final PopulationSpectrum h = PopulationSpectrum.of(3, 1, 3, 2);
        assertArrayEquals(new double[] {1, 2, 3}, h.eigenvalues(), 0);
        assertArrayEquals(new double[] {0.25, 0.25, 0.5}, h.weights(), 1e-15);
        assertEquals(2.25, h.mean(), 1e-15);
    }

    @Test
    void diagonalRepeatsEachEigenvalueInProportion() {
        final PopulationSpectrum h = PopulationSpectrum.twoPoint(1, 4, 0.25);
        final double[] d = h.diagonal(8);
        assertArrayEquals(new double[] {1, 1, 4, 4, 4, 4, 4, 4}, d, 0);
        final double[] big = PopulationSpectrum.powerLaw(50, 1).diagonal(200);
        double mean = 0;
        for (double v : big) {
            mean += v / 200;
        }
        assertEquals(1, mean, 1e-12, "4 copies of each of the 50 eigenvalues keep the mean");
    }

    @Test
    void quantizingKeepsTheMeanAndTheOrder() {
        final PopulationSpectrum h = PopulationSpectrum.powerLaw(5000, 1);
        final PopulationSpectrum q = h.quantized(200);
        assertEquals(200, q.size());
        assertEquals(h.mean(), q.mean(), 1e-12);
        assertEquals(1.0 / 200, q.weight(17), 1e-12);
        assertTrue(q.min() >= h.min() && q.max() <= h.max());
        assertSame(q, q.quantized(500));
        // the law barely changes: the extreme group means move the edges slightly, the bulk CDF by < 1e-3
        final SampleCovarianceLaw a = new SampleCovarianceLaw(PopulationSpectrum.powerLaw(400, 1), 0.5,
            SampleMatrix.COVARIANCE);
        final SampleCovarianceLaw b = new SampleCovarianceLaw(PopulationSpectrum.powerLaw(400, 1).quantized(80), 0.5,
            SampleMatrix.COVARIANCE);
        for (double x = 0.2; x < 3; x += 0.4) {
            assertEquals(a.cdf(x), b.cdf(x), 1e-3, "F(" + x + ")");
        }
    }

    @Test
    void parsesTheDocumentedFormats() {
        assertEquals(1, PopulationSpectrum.parse("identity").eigenvalue(0), 0);
        assertEquals(2.5, PopulationSpectrum.parse("isotropic:2.5").eigenvalue(0), 0);
        final PopulationSpectrum two = PopulationSpectrum.parse("Two-Point:1:4:0.3");
        assertArrayEquals(new double[] {0.3, 0.7}, two.weights(), 1e-15);
        assertEquals(30, PopulationSpectrum.parse("power:30:0.5").size());
        for (String bad : new String[] {"", "identity:2", "two-point:1:4", "power:x:1", "isotropic:-1", "gauss"}) {
            assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.weighted(new double[] {1}, new double[] {0}));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new SilversteinEquation(PopulationSpectrum.powerLaw(SilversteinEquation.MAX_EIGENVALUES + 1, 1), 1));
        assertTrue(e.getMessage().contains("quantized"), e.getMessage());
    }
}
