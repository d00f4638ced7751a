package org.rmtlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MixtureEstimatorTest {

    private static MixtureEstimator.Estimate estimate(final double[][] a, final double[][] b, final double scale,
        final double offset) {
        MixtureEstimator e = new MixtureEstimator(a[0].length);
        for (double[][] cls : new double[][][] {a, b}) {
            for (double[] x : cls) {
                double[] moved = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    moved[i] = scale * x[i] + offset;
                }
                e.add(moved, cls == a ? 0 : 1);
            }
        }
        return e.estimate();
    }

    private static final double[][] A = {{1, 0}, {3, 0}, {2, 1}, {2, -1}};
    private static final double[][] B = {{-1, 0}, {-3, 0}, {-2, 1}, {-2, -1}};

    /**
     * By hand: class means (2, 0) and (-2, 0), so ||D||^2 = 16; within-class sum of squares 4 + 4 = 8 over
     * nu = p (n - 2) = 2 x 6 = 12 degrees of freedom, s^2 = 2/3 and ||D||^2 / s^2 = 24; bias
     * p (1/4 + 1/4) = 1; rho = (10/12 x 24 - 1) / 4 = 19/4.
     */
    @Test
    void smallExampleByHand() {
        MixtureEstimator.Estimate e = estimate(A, B, 1, 0);
        assertEquals(2.0 / 3, e.noiseVariance(), 1e-15);
        assertEquals(24, e.meanGap(), 1e-13);
        assertEquals(4.75, e.rho(), 1e-13);
        assertEquals(8, e.n());
        assertEquals(0.25, e.ratio(), 0);
    }

    /** rho is in noise units: scaling the data or shifting every feature leaves it unchanged. */
    @Test
    void invariantUnderScaleAndCommonOffset() {
        double rho = estimate(A, B, 1, 0).rho();
        assertEquals(rho, estimate(A, B, 7.5, 0).rho(), 1e-12);
        // an offset of 1e6 would cancel about 12 digits in a sum-of-squares formula; Welford keeps them
        assertEquals(rho, estimate(A, B, 1, 1e6).rho(), 1e-8);
        assertEquals(49 * 2.0 / 3, estimate(A, B, 7, 0).noiseVariance(), 1e-12);
    }

    /**
     * Unbiasedness against simulation: 400 mixtures at p = 20, n = 40 (normalised scale, noise variance 1/p,
     * so the estimator must also find the noise level) with rho = 1.5. The mean of rho_hat must be within
     * 4 standard errors of rho (standard error from the spread of the 400 estimates, about 0.025); the
     * plug-in ||D||^2 / (4 s^2) is biased by about p (1/n_a + 1/n_b) / 4 = 0.5 = 20 standard errors, so this
     * test tells the two apart. The standard-error formula is checked against the observed spread within 15%
     * (sampling error of a standard deviation over 400 draws: 3.5%; the formula leaves out the noise
     * estimate's own variance, about 3% here).
     */
    @Test
    void unbiasedOverManyDrawsWhereThePlugInIsNot() {
        int draws = 400;
        int p = 20;
        int n = 40;
        double rho = 1.5;
        double sum = 0;
        double sum2 = 0;
        double plugIn = 0;
        double bias = 0;
        double formula = 0;
        for (int k = 0; k < draws; k++) {
            Dataset d = DataGenerator
                .generate(new DataSpec(DataModel.MIXTURE, n, 0, p, rho, 0, Scale.NORMALISED, 1000 + k)).train();
            MixtureEstimator e = new MixtureEstimator(p);
            double[] x = new double[p];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < p; i++) {
                    x[i] = d.x().get(i, j);
                }
                e.add(x, d.label()[j] > 0 ? 0 : 1);
            }
            MixtureEstimator.Estimate est = e.estimate();
            sum += est.rho();
            sum2 += est.rho() * est.rho();
            plugIn += est.meanGap() / 4;
            bias += p * (1.0 / est.n0() + 1.0 / est.n1()) / 4;
            formula += est.rhoStandardError();
        }
        double mean = sum / draws;
        double sd = Math.sqrt((sum2 - draws * mean * mean) / (draws - 1));
        double se = sd / Math.sqrt(draws);
        assertEquals(rho, mean, 4 * se);
        assertTrue(plugIn / draws - rho > 10 * se, "the plug-in estimate should be visibly biased upwards");
        assertEquals(bias / draws, plugIn / draws - rho, 4 * se + 0.01 * bias / draws);
        assertEquals(sd, formula / draws, 0.15 * sd);
    }

    @Test
    void refusesWhatCannotBeEstimated() {
        MixtureEstimator one = new MixtureEstimator(2);
        one.add(new double[] {1, 2}, 0);
        one.add(new double[] {2, 2}, 0);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, one::estimate);
        assertTrue(empty.getMessage().contains("Both classes need samples"), empty.getMessage());

        MixtureEstimator few = new MixtureEstimator(1);
        few.add(new double[] {1}, 0);
        few.add(new double[] {2}, 0);
        few.add(new double[] {-1}, 1);
        IllegalArgumentException dof = assertThrows(IllegalArgumentException.class, few::estimate);
        assertTrue(dof.getMessage().contains("must exceed 2"), dof.getMessage());

        MixtureEstimator flat = new MixtureEstimator(2);
        for (int j = 0; j < 3; j++) {
            flat.add(new double[] {1, 1}, 0);
            flat.add(new double[] {-1, -1}, 1);
        }
        IllegalArgumentException noise = assertThrows(IllegalArgumentException.class, flat::estimate);
        assertTrue(noise.getMessage().contains("no noise"), noise.getMessage());

        MixtureEstimator e = new MixtureEstimator(2);
        assertThrows(IllegalArgumentException.class, () -> e.add(new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> e.add(new double[] {1, 2}, 2));
        assertThrows(IllegalArgumentException.class, () -> e.add(new double[] {1, Double.NaN}, 0));
    }
}
