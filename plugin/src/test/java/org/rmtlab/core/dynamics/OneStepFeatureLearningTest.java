package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

class OneStepFeatureLearningTest {

    private static final Activation TANH = new Activation() {
        @Override
        public String id() {
            return "tanh";
        }

        @Override
        public double value(final double t) {
            return Math.tanh(t);
        }
    };

    private static final Activation CUBE = new Activation() {
        @Override
        public String id() {
            return "cube";
        }

        @Override
        public double value(final double t) {
            return t * t * t;
        }
    };

    private static OneStepFeatureLearning model(final int d, final int n, final int samples,
        final OneStepFeatureLearning.LossNormalisation loss, final long seed) {
        return new OneStepFeatureLearning(new OneStepFeatureLearning.Config(d, n, samples, TANH,
            Activations.byId("relu"), 0.2, loss, seed));
    }

    /** Gaussian moments against closed forms: ReLU E[xi relu] = E[relu^2] = 1/2, cube E[xi^4] = 3, E[xi^6] = 15. */
    @Test
    void gaussianMomentsMatchClosedForms() {
        final Activation relu = Activations.byId("relu");
        assertEquals(0.5, GaussianMoments.expect(x -> x * relu.value(x)), 1e-13);
        assertEquals(0.5, GaussianMoments.expect(x -> relu.value(x) * relu.value(x)), 1e-13);
        assertEquals(1 / Math.sqrt(2 * Math.PI), GaussianMoments.expect(relu::value), 1e-13);
        assertEquals(3, GaussianMoments.expect(x -> x * CUBE.value(x)), 1e-11);
        assertEquals(15, GaussianMoments.expect(x -> CUBE.value(x) * CUBE.value(x)), 1e-10);
        // Stein's lemma: E[xi sigma(xi)] = E[sigma'(xi)], the second through the numerical derivative
        assertEquals(GaussianMoments.expect(x -> x * TANH.value(x)),
            GaussianMoments.expect(x -> OneStepFeatureLearning.derivative(TANH, x)), 1e-9);
    }

    /**
     * The spiked-rectangular formulas against a direct simulation of X + theta u v^T (X 400 x 200, c = 2),
     * theta = 2 (above the threshold 2^{1/4} = 1.19). An outlier singular value and its overlaps fluctuate by
     * O(N^{-1/2}) = 0.05 per draw; with 4 draws we allow 4 standard errors plus 0.02 for the O(1/N) bias.
     */
    @Test
    void spikedRectangularFormulasMatchSimulation() {
        final int rows = 400;
        final int cols = 200;
        final double c = rows / (double) cols;
        final double theta = 2;
        final int trials = 4;
        final double[][] s = new double[trials][3];
        final Rng rng = new Rng(17);
        for (int r = 0; r < trials; r++) {
            final DMatrixRMaj y = new DMatrixRMaj(rows, cols);
            rng.gaussians(y.data, 1 / Math.sqrt(cols));
            final double[] u = unit(rows, rng);
            final double[] v = unit(cols, rng);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    y.data[i * cols + j] += theta * u[i] * v[j];
                }
            }
            final TopSingular top = TopSingular.of(y);
            s[r][0] = top.s1();
            s[r][1] = TopSingular.overlap(top.left(), u);
            s[r][2] = TopSingular.overlap(top.right(), v);
        }
        final double[][] m = DeepLinearNetwork.meanSe(s);
        assertEquals(SpikedRectangular.topSingularValue(theta, c), m[0][0], 4 * m[1][0] + 0.02);
        assertEquals(SpikedRectangular.leftOverlap(theta, c), m[0][1], 4 * m[1][1] + 0.02);
        assertEquals(SpikedRectangular.rightOverlap(theta, c), m[0][2], 4 * m[1][2] + 0.02);
        // continuity at the threshold and the large-theta limit s1 ~ theta
        final double tc = SpikedRectangular.threshold(c);
        assertEquals(SpikedRectangular.bulkEdge(c), SpikedRectangular.topSingularValue(tc * (1 + 1e-9), c), 1e-6);
        // s1 = theta + (1 + c) / (2 theta) + O(theta^-3)
        assertEquals(1e4 + 1.5e-4, SpikedRectangular.topSingularValue(1e4, c), 1e-9);
    }

    private static double[] unit(final int n, final Rng rng) {
        final double[] u = new double[n];
        rng.gaussians(u, 1);
        double s = 0;
        for (double x : u) {
            s += x * x;
        }
        s = Math.sqrt(s);
        for (int i = 0; i < n; i++) {
            u[i] /= s;
        }
        return u;
    }

    /**
     * Above the threshold (tanh student, ReLU teacher, noise 0.2, D = 100, N = n = 200, eta_c = 2.72):
     * the top singular value of W1 against the spiked-matrix prediction at each trial's realised theta
     * (the rank-one remainder of G0 is about 14% of ||G0|| at this size and shifts the outlier by a few %:
     * 4 standard errors + 4%), the realised theta against its limit (O(n^{-1/2}) = 7% per trial: 4 standard
     * errors + 4% for the O(1/n) bias of ||X r|| / n), and the overlap of the top right singular vector
     * with beta (4 standard errors + 0.03).
     */
    @Test
    void spikeAndOverlapBeyondThresholdMatchTheory() throws CancelledException {
        final OneStepFeatureLearning m = model(100, 200, 200, OneStepFeatureLearning.LossNormalisation.HALF_MSE, 5);
        final double[] etas = {8, 12};
        final OneStepResult r = m.run(etas, 8, Progress.NONE);
        for (int i = 0; i < etas.length; i++) {
            assertTrue(etas[i] > 2 * r.thresholdEta());
            assertEquals(r.topConditional()[i], r.topSim()[i], 4 * r.topSimSe()[i] + 0.04 * r.topConditional()[i],
                "top singular value, eta = " + etas[i]);
            assertEquals(r.theta()[i], r.thetaSim()[i], 0.04 * r.theta()[i] + 4 * 0.07 * r.theta()[i] / Math.sqrt(8),
                "theta, eta = " + etas[i]);
            assertEquals(r.topTheory()[i], r.topSim()[i], 4 * r.topSimSe()[i] + 0.04 * r.topTheory()[i],
                "top singular value (limit), eta = " + etas[i]);
            assertEquals(r.overlapBetaTheory()[i], r.overlapBetaSim()[i], 4 * r.overlapBetaSimSe()[i] + 0.03,
                "overlap with beta, eta = " + etas[i]);
            // the spike is well separated from the rest of the spectrum
            assertTrue(r.topSim()[i] > r.secondSim()[i] + 1, "separated, eta = " + etas[i]);
        }
    }

    /**
     * Below the threshold (eta = 1, theta / theta_c = 0.37) the top singular value is that of W0 (the
     * bulk edge, whose finite-N mean lies O(N^{-2/3}) below 1 + sqrt(psi1)) and carries no teacher direction:
     * moving eta from 0 to 1 changes s1 by far less than the edge fluctuation, and the overlap with beta
     * stays at the 1/D level of a random direction.
     */
    @Test
    void noSpikeBelowThreshold() throws CancelledException {
        final OneStepFeatureLearning m = model(100, 200, 200, OneStepFeatureLearning.LossNormalisation.HALF_MSE, 6);
        final OneStepResult r = m.run(new double[] {0, 1}, 3, Progress.NONE);
        assertTrue(1 < r.thresholdEta() / 2);
        assertEquals(r.bulkEdge(), r.topTheory()[1], 0.0);
        assertEquals(r.topSim()[0], r.topSim()[1], 0.02);
        assertEquals(r.bulkEdge(), r.topSim()[1], 0.1);
        assertTrue(r.overlapBetaSim()[1] < 0.05, "overlap " + r.overlapBetaSim()[1]);
        assertEquals(0, r.overlapBetaTheory()[1], 0.0);
    }

    /**
     * The rank-one remainder vanishes: ||G0 - A||_op / ||G0||_op decreases like N^{-1/2} (up to logs),
     * so quadrupling all sizes should about halve it; at least a factor 1.5 is required.
     */
    @Test
    void rankOneRatioDecreasesWithSize() throws CancelledException {
        final OneStepResult small = model(50, 100, 100, OneStepFeatureLearning.LossNormalisation.HALF_MSE, 8)
            .simulate(new double[] {1}, 2, Progress.NONE);
        final OneStepResult large = model(200, 400, 400, OneStepFeatureLearning.LossNormalisation.HALF_MSE, 8)
            .simulate(new double[] {1}, 2, Progress.NONE);
        assertTrue(large.rankOneRatio() < small.rankOneRatio() / 1.5,
            small.rankOneRatio() + " -> " + large.rankOneRatio());
        assertTrue(large.gradientGap() < small.gradientGap() / 1.5, small.gradientGap() + " -> " + large.gradientGap());
        assertTrue(large.rankOneRatio() < 0.15, "ratio " + large.rankOneRatio());
    }

    /** (1/n) in front of the loss doubles G0: the threshold halves and MSE at eta equals HALF_MSE at 2 eta. */
    @Test
    void lossNormalisationMovesTheThresholdByTwo() throws CancelledException {
        final OneStepFeatureLearning half = model(40, 60, 50, OneStepFeatureLearning.LossNormalisation.HALF_MSE, 4);
        final OneStepFeatureLearning full = model(40, 60, 50, OneStepFeatureLearning.LossNormalisation.MSE, 4);
        assertEquals(half.constants().thresholdEta() / 2, full.constants().thresholdEta(), 1e-12);
        final OneStepResult a = half.simulate(new double[] {6}, 1, Progress.NONE);
        final OneStepResult b = full.simulate(new double[] {3}, 1, Progress.NONE);
        assertArrayEquals(a.topSim(), b.topSim(), 1e-9);
        assertArrayEquals(a.overlapBetaSim(), b.overlapBetaSim(), 1e-9);
        assertEquals(OneStepFeatureLearning.LossNormalisation.MSE, OneStepFeatureLearning.LossNormalisation.fromId("MSE"));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OneStepFeatureLearning.Config(0, 10, 10, TANH, TANH, 0,
            OneStepFeatureLearning.LossNormalisation.MSE, 1));
        assertThrows(IllegalArgumentException.class, () -> new OneStepFeatureLearning.Config(10, 10, 10, TANH, TANH, -1,
            OneStepFeatureLearning.LossNormalisation.MSE, 1));
        final OneStepFeatureLearning m = model(10, 10, 10, OneStepFeatureLearning.LossNormalisation.MSE, 1);
        assertThrows(IllegalArgumentException.class, () -> m.theory(new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> m.theory(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> OneStepFeatureLearning.LossNormalisation.fromId("l1"));
    }
}
