package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

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
            new DeepLinearNetwork.Config(2, 200, 100, DeepLinearNetwork.POPULATION, 3.0, 0, 1, 0));
        final double[] times = {0.5, 1, 3};
        final LearningCurves th = net.theory(times);
        final LearningCurves sim = net.simulate(times, 4, 11, Progress.NONE);
        for (int i = 0; i < times.length; i++) {
            near(th, sim, DeepLinearNetwork.TEST_RISK, i);
            near(th, sim, DeepLinearNetwork.TOP_EIG, i);
        }
        // the spike has left the bulk edge (1 + sqrt(1/2))^2 = 2.91 and points at the teacher
        assertEquals(2.91, th.scalar(DeepLinearNetwork.BULK_EDGE), 0.005);
        assertTrue(th.curve(DeepLinearNetwork.TOP_EIG).value(2) > 3.5, "theory spike " + th.curve(DeepLinearNetwork.TOP_EIG));
        near(th, sim, DeepLinearNetwork.OVERLAP, 2);
        assertTrue(sim.curve(DeepLinearNetwork.OVERLAP).value(2) > 0.9, "overlap " + sim.curve(DeepLinearNetwork.OVERLAP).value(2));
        // population: train = test + noise^2 exactly, in the simulation and in the theory
        assertEquals(sim.curve(DeepLinearNetwork.TEST_RISK).value(1), sim.curve(DeepLinearNetwork.TRAIN_LOSS).value(1), 1e-15);
        assertEquals(th.curve(DeepLinearNetwork.TEST_RISK).value(1), th.curve(DeepLinearNetwork.TRAIN_LOSS).value(1), 0);
    }

    private static void near(final LearningCurves theory, final LearningCurves sim, final String name, final int i) {
        final double t = theory.curve(name).value(i);
        final double s = sim.curve(name).value(i);
        final double se = sim.curve(name).stderr(i);
        assertEquals(t, s, 4 * se + 0.05 * Math.abs(t), name + " at t = " + theory.time(i) + ": theory " + t + ", sim " + s
            + " +- " + se);
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
            final DeepLinearNetwork.Config cfg = new DeepLinearNetwork.Config(depth, 80, 40, 120, 0.01, 0, 1, 0.3);
            final double[] times = {0.5, 2, 6};
            final Curve sim = new DeepLinearNetwork(cfg).simulate(times, 1, 5, Progress.NONE).curve(DeepLinearNetwork.TEST_RISK);
            final double[] kernel = kernelTestLoss(cfg, 5, times);
            for (int i = 0; i < times.length; i++) {
                assertEquals(kernel[i], sim.value(i), 2e-3 * kernel[i], "L = " + depth + ", t = " + times[i]);
            }
        }
    }

    /** Exact test loss of the kernel flow of trial 0 of {@code seed} (independent of the integrator). */
    private static double[] kernelTestLoss(final DeepLinearNetwork.Config cfg, final long seed, final double[] times) {
        final DeepLinearNetwork.Trial trial = DeepLinearNetwork.draw(cfg, new Rng(seed).split());
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
     * the rate is O(gamma0): the curve is sigmoidal (flat, then a sharp drop, then flat). The theory
     * follows the same curve (tolerance as in the feature-learning test).
     */
    @Test
    void smallInitialisationGivesSigmoidalCurves() throws CancelledException {
        final double[] times = {0.25, 0.5, 1, 1.5, 2, 2.5, 3, 4, 6, 8, 10, 12, 16};
        for (int depth = 2; depth <= 3; depth++) {
            final DeepLinearNetwork net = new DeepLinearNetwork(
                new DeepLinearNetwork.Config(depth, 100, 50, DeepLinearNetwork.POPULATION, 1.0, 0.1, 0.1, 0));
            final LearningCurves th = net.theory(times);
            final Curve sim = net.simulate(times, 2, 3, Progress.NONE).curve(DeepLinearNetwork.TEST_RISK);
            final double[] loss = sim.values();
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
            // L = 2: DeepLinearTheory; L = 3: the DMFT of DeepLinearDmft
            final Curve theory = th.curve(DeepLinearNetwork.TEST_RISK);
            for (int i = 0; i < times.length; i++) {
                assertEquals(theory.value(i), loss[i], 4 * sim.stderr(i) + 0.05 * theory.value(i) + 1e-6,
                    "theory, L = " + depth + ", t = " + times[i]);
            }
            if (depth == 3) {
                // the DMFT has no spectrum curves, but the initial bulk edge (1 + sqrt(1/2))^2 sigma_W^2
                assertTrue(th.names().equals(List.of(DeepLinearNetwork.TRAIN_LOSS, DeepLinearNetwork.TEST_RISK)));
                assertEquals(0.0291, th.scalar(DeepLinearNetwork.BULK_EDGE), 5e-5);
            }
        }
    }

    /**
     * Same seed, same output; the grid may come in any order (the flow is integrated in increasing time).
     */
    @Test
    void sameSeedGivesIdenticalOutputOnAnyGridOrder() throws CancelledException {
        final DeepLinearNetwork net = new DeepLinearNetwork(new DeepLinearNetwork.Config(3, 30, 20, 40, 1.0, 0.5, 1, 0.1));
        final LearningCurves a = net.simulate(new double[] {0.5, 1}, 2, 9, Progress.NONE);
        final LearningCurves b = net.simulate(new double[] {0.5, 1}, 2, 9, Progress.NONE);
        assertEquals(a, b);
        assertEquals(List.of(DeepLinearNetwork.TRAIN_LOSS, DeepLinearNetwork.TEST_RISK, DeepLinearNetwork.TOP_EIG,
            DeepLinearNetwork.OVERLAP), a.names());
        final LearningCurves reversed = net.simulate(new double[] {1, 0.5}, 1, 9, Progress.NONE);
        final LearningCurves first = net.simulate(new double[] {0.5, 1}, 1, 9, Progress.NONE);
        for (String name : a.names()) {
            // the ODE steps differ with the stops, within the integrator's tolerance 1e-6
            assertEquals(first.curve(name).value(0), reversed.curve(name).value(1), 1e-5, name);
            assertEquals(first.curve(name).value(1), reversed.curve(name).value(0), 1e-5, name);
        }
    }

    @Test
    // interactive use: the CLI's default (L = 2, D = 100, N = 200, small initialisation), 100 log-spaced times to
    // t = 12, through the plateau, the drop and the outlier's emergence; measured 130-160 ms of CPU warm, 0.5 s cold.
    // CPU time of this thread, not wall time: other builds share the 2 cores (load 10+ inflates wall time 4-8x)
    void theoryIsInteractive() throws CancelledException {
        final double[] times = new double[100];
        for (int i = 0; i < times.length; i++) {
            times[i] = 0.1 * Math.pow(120, i / 99.0);
        }
        final DeepLinearNetwork model = new DeepLinearNetwork(
            new DeepLinearNetwork.Config(2, 200, 100, DeepLinearNetwork.POPULATION, 1, 0.1, 0.1, 0));
        model.theory(times);
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final long start = threads.getCurrentThreadCpuTime();
        final LearningCurves c = model.theory(times);
        final double seconds = (threads.getCurrentThreadCpuTime() - start) * 1e-9;
        System.out.printf("deep-linear theory, 100 times: %.1f ms CPU%n", seconds * 1e3);
        assertTrue(seconds < 1, seconds + " s");
        // the curve is the sigmoidal one: plateau, drop, learnt
        final Curve test = c.curve(DeepLinearNetwork.TEST_RISK);
        assertTrue(test.value(0) > 0.99 && test.value(99) < 1e-6, test.value(0) + " -> " + test.value(99));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearNetwork.Config(1, 10, 10, 10, 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearNetwork.Config(2, 10, 10, -1, 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearNetwork.Config(2, 10, 10, 10, 0, 0, 1, 0));
        assertThrows(IllegalArgumentException.class,
            () -> new DeepLinearNetwork.Config(2, 10, 10, 10, Double.NaN, 0, 1, 0));
        final DeepLinearNetwork net = new DeepLinearNetwork(new DeepLinearNetwork.Config(2, 10, 10, 10, 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> net.simulate(new double[] {1, -0.5}, 1, 1, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> net.simulate(new double[] {1}, 0, 1, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> net.theory(new double[] {Double.NaN}));
    }
}
