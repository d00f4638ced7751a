package org.rmtlab.core.resolvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.RandomFeatures;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * The isotropy check of a design and the linear-ridge sweep's fallback on non-isotropic designs: random ReLU
 * features fed to linear ridge (the Data Generator, then the Random Feature Map, then the Resolvent Predictor in
 * linear-ridge mode).
 */
class DesignIsotropyTest {

    private static double[] spectrum(final DMatrixRMaj x) throws CancelledException {
        final DMatrixRMaj c = x.copy();
        for (int i = 0; i < x.numRows; i++) {
            double s = 0;
            for (int j = 0; j < x.numCols; j++) {
                s += x.get(i, j);
            }
            for (int j = 0; j < x.numCols; j++) {
                c.set(i, j, x.get(i, j) - s / x.numCols);
            }
        }
        return new RidgeFit(c, new double[x.numCols], null, null, Progress.NONE).eigenvalues();
    }

    private static DMatrixRMaj gaussian(final int p, final int n, final double[] scales, final long seed) {
        final Rng rng = new Rng(seed);
        final DMatrixRMaj x = new DMatrixRMaj(p, n);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < n; j++) {
                x.set(i, j, scales[i] * rng.gaussian());
            }
        }
        return x;
    }

    private static double[] constant(final int p, final double v) {
        final double[] s = new double[p];
        java.util.Arrays.fill(s, v);
        return s;
    }

    /**
     * Gaussian designs with equal variances follow MP: edge ratio within Tracy-Widom fluctuations of 1 (measured
     * 0.91 to 0.98 at n = 100, where the n^{-2/3} scale is 5% and the left-out intercept lowers the edge) and
     * Kolmogorov distance O(1/p) (measured 0.01 to 0.03). The limit case: an exact MP quantile spectrum has
     * distance at most 1/p.
     */
    @Test
    void isotropicGaussianDesignsPass() throws CancelledException {
        for (int[] size : new int[][] {{100, 100}, {50, 100}, {200, 100}}) {
            final DesignIsotropy d = DesignIsotropy.of(spectrum(gaussian(size[0], size[1], constant(size[0], 0.1),
                size[0])), size[0], size[1]);
            assertTrue(d.isotropic(), d.toString());
            assertEquals(1, d.edgeRatio(), 0.15, d.toString());
            assertTrue(d.distance() < 0.05, d.toString());
        }
        final int p = 400;
        final org.rmtlab.core.spectrum.MarchenkoPastur law = org.rmtlab.core.spectrum.MarchenkoPastur.of(0.5, 1);
        final double[] quantiles = new double[p];
        for (int i = 0; i < p; i++) {
            double lo = 0;
            double hi = 10;
            for (int it = 0; it < 100; it++) {
                final double mid = 0.5 * (lo + hi);
                if (law.cdf(mid) < (i + 0.5) / p) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            quantiles[i] = 3 * lo;
        }
        final DesignIsotropy exact = DesignIsotropy.of(quantiles, p, 800);
        assertTrue(exact.distance() <= 1.0 / p + 1e-9, exact.toString());
    }

    /**
     * Unequal variances (half the columns 4 times the variance of the others) distort the bulk, and random ReLU
     * features have a spike (the norm of x is a common factor of all features): both are refused.
     */
    @Test
    void correlatedOrUnequalDesignsFail() throws CancelledException {
        final double[] scales = new double[100];
        for (int i = 0; i < scales.length; i++) {
            scales[i] = i < 50 ? 1 : 2;
        }
        final DesignIsotropy unequal = DesignIsotropy.of(spectrum(gaussian(100, 200, scales, 3)), 100, 200);
        assertFalse(unequal.isotropic(), unequal.toString());
        assertTrue(unequal.distance() > 0.15, unequal.toString());
        final GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 200, 200, 100, 4, 0.1,
            Scale.NORMALISED, 42));
        final DMatrixRMaj f = RandomFeatures.map(Activations.byId("relu"), RandomFeatures.weights(200, 100,
            new Rng(7)), d.train().x());
        final DesignIsotropy relu = DesignIsotropy.of(spectrum(f), 200, 200);
        assertFalse(relu.isotropic(), relu.toString());
        assertTrue(relu.edgeRatio() > 2 && relu.distance() > 0.12, relu.toString());
    }

    /**
     * The defect this check fixes. Random ReLU features at N = n = 200 (mixture data, p = 100) in linear ridge:
     * least squares has no residual degrees of freedom, Dicker's moments (which assume isotropy) put all of the
     * target into signal and none into noise, and the isotropic theory then predicts a test error of 0.0084 at
     * lambda = 1e-4 where the fit on the data has 5.6 (and 0 where it has 52 at lambda = 0). The sweep now detects
     * the design and reports generalised cross-validation instead: against the fitted test error (200 test
     * samples, whose own relative noise is about 10%) it is within 40% at every lambda &gt; 0 (measured 5% to 25%
     * at n = 200 and n = 512; GCV is consistent, with O(n^{-1/2}) fluctuations largest near interpolation), and
     * missing at the interpolating lambda = 0 instead of a wrong number.
     */
    @Test
    void randomFeaturesInLinearRidgeGetCrossValidationNotTheIsotropicTheory() throws CancelledException {
        final GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 200, 200, 100, 4, 0.1,
            Scale.NORMALISED, 42));
        final DMatrixRMaj w = RandomFeatures.weights(200, 100, new Rng(7));
        final DMatrixRMaj f = RandomFeatures.map(Activations.byId("relu"), w, d.train().x());
        final DMatrixRMaj ft = RandomFeatures.map(Activations.byId("relu"), w, d.test().x());
        final double[] lambdas = {0, 1e-4, 1e-3, 1e-2, 0.1, 1};
        final LinearRidgeSweep.Result r = LinearRidgeSweep.run(f, d.train().y(), ft, d.test().y(), lambdas,
            Progress.NONE);
        assertEquals(LinearRidgeSweep.Theory.CROSS_VALIDATION, r.theory());
        assertEquals(LinearRidgeSweep.Source.MOMENTS, r.source());
        assertTrue(Double.isNaN(r.points().get(0).testTheory()), "interpolating fit: no estimate");
        for (LinearRidgeSweep.Point p : r.points().subList(1, lambdas.length)) {
            assertEquals(p.testFit(), p.testTheory(), 0.4 * p.testFit(), "lambda = " + p.lambda());
            assertTrue(Double.isNaN(p.trainTheory()));
        }
        // the isotropic theory on the same estimate: orders of magnitude low at the peak
        final double isotropic = r.model().risk(1).at(r.model().unitPenalty(1e-4)).total()
            + r.model().noise() * r.model().noise();
        assertTrue(isotropic < 0.01 * r.points().get(1).testFit(), isotropic + " vs " + r.points().get(1).testFit());
    }
}
