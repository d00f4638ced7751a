package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

class DeepLinearNetworkTest {

    /**
     * Feature learning (gamma0 = 3, alpha = 1/2, population loss): simulation at D = 100, N = 200 against
     * the proportional-limit theory. Tolerance: 4 standard errors over the trials plus an allowance for
     * the O(1/D) finite-size bias (5% of the value; the fluctuations themselves are O(D^{-1/2}) per trial
     * and are covered by the standard error).
     */
    @Test
    void theoryMatchesSimulationWhileFeaturesAreLearnt() throws CancelledException {
        final DeepLinearNetwork net = new DeepLinearNetwork(
            new DeepLinearNetwork.Config(2, 200, 100, DeepLinearNetwork.POPULATION, 3.0, 0, 1, 0, 11));
        final double[] times = {0.5, 1, 3};
        final DeepLinearCurves c = net.curves(times, 4, Progress.NONE);
        for (int i = 0; i < times.length; i++) {
            near(c.testTheory()[i], c.testSim()[i], c.testSimSe()[i], "test loss, t = " + times[i]);
            near(c.topEigTheory()[i], c.topEigSim()[i], c.topEigSimSe()[i], "top eigenvalue, t = " + times[i]);
        }
        // the spike has left the bulk edge (1 + sqrt(1/2))^2 = 2.91 and points at the teacher
        assertTrue(c.topEigTheory()[2] > 3.5, "theory spike " + c.topEigTheory()[2]);
        near(c.overlapTheory()[2], c.overlapSim()[2], c.overlapSimSe()[2], "overlap, t = 3");
        assertTrue(c.overlapSim()[2] > 0.9, "overlap " + c.overlapSim()[2]);
        // population: train = test + noise^2 exactly
        assertEquals(c.testSim()[1], c.trainSim()[1], 1e-15);
    }

    private static void near(final double theory, final double sim, final double se, final String what) {
        assertEquals(theory, sim, 4 * se + 0.05 * Math.abs(theory), what + ": theory " + theory + ", sim " + sim + " +- " + se);
    }

    /**
     * gamma0 -&gt; 0 (readout started at 0): the network must follow the linear model with its frozen initial
     * tangent kernel M0, beta' = M0 (b - C beta) with C = X X^T / P, b = sqrt(D) X y / P, solved exactly by
     * eigen-decomposition. The hidden weights move by O(gamma0^2) relative, so at gamma0 = 0.01 the test
     * losses agree to about 1e-4 relative; 2e-3 is allowed. Checked for L = 2 and L = 3 at finite P.
     */
    @Test
    void lazyLimitRecoversKernelDynamics() throws CancelledException {
        for (int depth = 2; depth <= 3; depth++) {
            final DeepLinearNetwork.Config cfg = new DeepLinearNetwork.Config(depth, 80, 40, 120, 0.01, 0, 1, 0.3, 5);
            final double[] times = {0.5, 2, 6};
            final DeepLinearCurves sim = new DeepLinearNetwork(cfg).simulate(times, 1, Progress.NONE);
            final double[] kernel = kernelTestLoss(cfg, times);
            for (int i = 0; i < times.length; i++) {
                assertEquals(kernel[i], sim.testSim()[i], 2e-3 * kernel[i], "L = " + depth + ", t = " + times[i]);
            }
        }
    }

    /** Exact test loss of the kernel flow of trial 0 (independent of the integrator). */
    private static double[] kernelTestLoss(final DeepLinearNetwork.Config cfg, final double[] times) {
        final DeepLinearNetwork.Trial trial = DeepLinearNetwork.draw(cfg, 0);
        final int n = cfg.width();
        final int d = cfg.inputDim();
        final int p = cfg.samples();
        final DMatrixRMaj w1 = new DMatrixRMaj(n, d, true, trial.weights()[0]);
        final DMatrixRMaj m0 = new DMatrixRMaj(d, d);
        if (cfg.depth() == 2) {
            // beta' = (||a||^2/N + W^T W / N) eps, a = 0
            CommonOps_DDRM.multTransA(1.0 / n, w1, w1, m0);
        } else {
            // only the product through the readout gradient survives at a = 0: W1^T W2^T W2 W1 / N^2
            final DMatrixRMaj w2 = new DMatrixRMaj(n, n, true, trial.weights()[1]);
            final DMatrixRMaj h = new DMatrixRMaj(n, d);
            CommonOps_DDRM.mult(w2, w1, h);
            CommonOps_DDRM.multTransA(1.0 / ((double) n * n), h, h, m0);
        }
        final DMatrixRMaj x = trial.x();
        final DMatrixRMaj c = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(1.0 / p, x, x, c);
        final DMatrixRMaj b = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.mult(Math.sqrt(d) / p, x, new DMatrixRMaj(p, 1, true, trial.y()), b);
        // z = M0^{-1/2} beta: z' = M0^{1/2} b - S z, S = M0^{1/2} C M0^{1/2}
        final DMatrixRMaj half = symmetricPower(m0, 0.5);
        final DMatrixRMaj s = new DMatrixRMaj(d, d);
        final DMatrixRMaj tmp = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(half, c, tmp);
        CommonOps_DDRM.mult(tmp, half, s);
        final DMatrixRMaj rhs = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.mult(half, b, rhs);
        final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        assertTrue(eig.decompose(s.copy()));
        final double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            // z(t) = sum_k v_k (1 - exp(-s_k t)) / s_k (v_k . rhs), z(0) = 0
            final DMatrixRMaj z = new DMatrixRMaj(d, 1);
            for (int k = 0; k < d; k++) {
                final double sk = eig.getEigenvalue(k).real;
                final DMatrixRMaj v = eig.getEigenVector(k);
                final double coef = (1 - Math.exp(-sk * times[i])) / sk * CommonOps_DDRM.dot(v, rhs);
                CommonOps_DDRM.addEquals(z, coef, v);
            }
            final DMatrixRMaj beta = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.mult(half, z, beta);
            double loss = 0;
            for (int j = 0; j < d; j++) {
                final double e = trial.teacher()[j] - beta.get(j);
                loss += e * e;
            }
            out[i] = loss / d;
        }
        return out;
    }

    private static DMatrixRMaj symmetricPower(final DMatrixRMaj m, final double power) {
        final int d = m.numRows;
        final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        assertTrue(eig.decompose(m.copy()));
        final DMatrixRMaj out = new DMatrixRMaj(d, d);
        for (int k = 0; k < d; k++) {
            final DMatrixRMaj v = eig.getEigenVector(k);
            final double l = Math.pow(eig.getEigenvalue(k).real, power);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    out.add(i, j, l * v.get(i) * v.get(j));
                }
            }
        }
        return out;
    }

    /**
     * Small initialisation (sigma = 0.1, gamma0 = 1) gives the saddle-to-saddle plateau: the initial rate
     * -dLoss/dt = 2 &lt;e, (m + Q) e&gt; is about 2 sigma^2 (L = 2) or smaller (L = 3), while escaping the saddle
     * the rate is O(gamma0): the curve is sigmoidal (flat, then a sharp drop, then flat). For L = 2 the theory
     * follows the same curve (tolerance as in the feature-learning test).
     */
    @Test
    void smallInitialisationGivesSigmoidalCurves() throws CancelledException {
        final double[] times = {0.25, 0.5, 1, 1.5, 2, 2.5, 3, 4, 6, 8, 10, 12, 16};
        for (int depth = 2; depth <= 3; depth++) {
            final DeepLinearNetwork net = new DeepLinearNetwork(
                new DeepLinearNetwork.Config(depth, 100, 50, DeepLinearNetwork.POPULATION, 1.0, 0.1, 0.1, 0, 3));
            final DeepLinearCurves c = net.curves(times, 2, Progress.NONE);
            final double[] loss = c.testSim();
            double maxRate = 0;
            int argMax = 0;
            double prev = 1;
            double prevT = 0;
            for (int i = 0; i < times.length; i++) {
                assertTrue(loss[i] <= prev + 1e-9, "monotone, L = " + depth);
                final double rate = (prev - loss[i]) / (times[i] - prevT);
                if (rate > maxRate) {
                    maxRate = rate;
                    argMax = i;
                }
                prev = loss[i];
                prevT = times[i];
            }
            final double initialRate = (1 - loss[0]) / times[0];
            assertTrue(initialRate < 0.1 * maxRate, "plateau first, L = " + depth + ": " + initialRate + " vs " + maxRate);
            assertTrue(argMax > 1 && argMax < times.length - 1, "drop in the middle, L = " + depth);
            assertTrue(loss[times.length - 1] < 1e-3, "learnt at the end, L = " + depth);
            if (depth == 2) {
                for (int i = 0; i < times.length; i++) {
                    assertEquals(c.testTheory()[i], loss[i], 4 * c.testSimSe()[i] + 0.05 * c.testTheory()[i] + 1e-6,
                        "theory, t = " + times[i]);
                }
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalOutput() throws CancelledException {
        final DeepLinearNetwork.Config cfg = new DeepLinearNetwork.Config(3, 30, 20, 40, 1.0, 0.5, 1, 0.1, 9);
        final double[] times = {0.5, 1};
        final DeepLinearCurves a = new DeepLinearNetwork(cfg).simulate(times, 2, Progress.NONE);
        final DeepLinearCurves b = new DeepLinearNetwork(cfg).simulate(times, 2, Progress.NONE);
        assertArrayEquals(a.testSim(), b.testSim(), 0.0);
        assertArrayEquals(a.topEigSim(), b.topEigSim(), 0.0);
        assertEquals(13, a.columns().size());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearNetwork.Config(1, 10, 10, 10, 1, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearNetwork.Config(2, 10, 10, -1, 1, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearNetwork.Config(2, 10, 10, 10, 0, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class,
            () -> new DeepLinearNetwork.Config(2, 10, 10, 10, Double.NaN, 0, 1, 0, 1));
        final DeepLinearNetwork net = new DeepLinearNetwork(new DeepLinearNetwork.Config(2, 10, 10, 10, 1, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> net.simulate(new double[] {1, 0.5}, 1, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> net.simulate(new double[] {1}, 0, Progress.NONE));
    }
}
