package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

class RandomFeatureFlowSimulationTest {

    /**
     * The closed-form solution against a direct integration of the original flow da/dt = -D dL/da in the
     * feature weights a (not the reduced Delta equation), by classical Runge-Kutta with step 1e-3 (global
     * error O(1e-12) for rates up to lambda_+ of about 10). Small systems, D = 20, on both paths of the
     * solution: N = 10 < P = 26 (feature-space Gram matrix; K has zero modes) and N = 30 > P = 12 (data-space
     * Gram matrix; Q has zero modes).
     */
    @ParameterizedTest
    @CsvSource({"0.5, 1.3, 0.4", "1.5, 0.6, 0.3"})
    void closedFormMatchesDirectIntegrationOfTheGradientFlow(final double psiN, final double psiP, final double noise)
        throws CancelledException {
        final RandomFeatureFlow model = new RandomFeatureFlow(psiN, psiP, noise);
        final RandomFeatureFlowSimulation sim = new RandomFeatureFlowSimulation(model, 20);
        final double[] times = {0, 0.5, 2};
        final double[][] exact = sim.trial(times, new Rng(9), Progress.NONE);

        final int d = 20;
        final int n = sim.features();
        final int p = sim.samples();
        final Rng rng = new Rng(9);
        final double[] f = new double[n * d];
        rng.gaussians(f, 1);
        final double[] x = new double[d * p];
        rng.gaussians(x, 1);
        final double[] wStar = new double[d];
        rng.gaussians(wStar, 1);
        final double[] eps = new double[p];
        rng.gaussians(eps, model.noise());
        // phi_mu = F x_mu / sqrt(D) (N x P), y_mu = w*.x_mu/sqrt(D) + eps_mu
        final double[] phi = new double[n * p];
        final double[] y = new double[p];
        for (int mu = 0; mu < p; mu++) {
            for (int i = 0; i < d; i++) {
                y[mu] += wStar[i] * x[i * p + mu] / Math.sqrt(d);
                for (int k = 0; k < n; k++) {
                    phi[k * p + mu] += f[k * d + i] * x[i * p + mu] / Math.sqrt(d);
                }
            }
            y[mu] += eps[mu];
        }
        double[] a = new double[n];
        double t = 0;
        final double step = 1e-3;
        int next = 0;
        while (next < times.length) {
            if (Math.abs(t - times[next]) < step / 2) {
                assertEquals(exact[0][next], trainLoss(a, phi, y, n, p), 1e-9, "train at " + t);
                assertEquals(exact[1][next], testLoss(a, f, wStar, n, d), 1e-9, "test at " + t);
                next++;
            }
            a = rungeKuttaStep(a, phi, y, n, p, d, step);
            t += step;
        }
    }

    @Test
    void sameSeedSameCurvesAndTrialsDiffer() throws CancelledException {
        final RandomFeatureFlowSimulation sim = new RandomFeatureFlowSimulation(new RandomFeatureFlow(0.8, 1.1, 0.2), 40);
        final double[] times = {0, 1, 3};
        final LearningCurves a = sim.simulate(times, 3, 5, Progress.NONE);
        final LearningCurves b = sim.simulate(times, 3, 5, Progress.NONE);
        assertEquals(a, b);
        assertTrue(a.curve(RandomFeatureDynamics.TEST_RISK).stderr(1) > 0, "independent trials must differ");
        final LearningCurves single = sim.simulate(times, 1, 5, Progress.NONE);
        assertTrue(Double.isNaN(single.curve(RandomFeatureDynamics.TEST_RISK).stderr(0)));
    }

    @Test
    void rejectsBadInput() {
        final RandomFeatureFlow model = new RandomFeatureFlow(0.5, 1.2, 0);
        assertThrows(IllegalArgumentException.class, () -> new RandomFeatureFlowSimulation(model, 0));
        assertThrows(IllegalArgumentException.class, () -> new RandomFeatureFlowSimulation(new RandomFeatureFlow(0.01, 1, 0), 10));
        final RandomFeatureFlowSimulation sim = new RandomFeatureFlowSimulation(model, 10);
        assertThrows(IllegalArgumentException.class, () -> sim.simulate(new double[] {-1}, 2, 1, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> sim.simulate(new double[] {Double.NaN}, 2, 1, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> sim.simulate(new double[0], 2, 1, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> sim.simulate(new double[] {1}, 0, 1, Progress.NONE));
        final RandomFeatureFlowSimulation huge = new RandomFeatureFlowSimulation(model, 200_000);
        assertThrows(IllegalArgumentException.class, () -> huge.simulate(new double[] {1}, 1, 1, Progress.NONE));
    }

    private static double trainLoss(final double[] a, final double[] phi, final double[] y, final int n, final int p) {
        double sum = 0;
        for (int mu = 0; mu < p; mu++) {
            final double r = y[mu] - prediction(a, phi, mu, n, p);
            sum += r * r;
        }
        return sum / p;
    }

    /** ||F^T a/sqrt(N) - w*||^2/D. */
    private static double testLoss(final double[] a, final double[] f, final double[] wStar, final int n, final int d) {
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double v = 0;
            for (int k = 0; k < n; k++) {
                v += f[k * d + i] * a[k];
            }
            final double delta = v / Math.sqrt(n) - wStar[i];
            sum += delta * delta;
        }
        return sum / d;
    }

    private static double prediction(final double[] a, final double[] phi, final int mu, final int n, final int p) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += a[k] * phi[k * p + mu];
        }
        return s / Math.sqrt(n);
    }

    /** da/dt = -D dL/da = (D/P) sum_mu (y_mu - f(x_mu)) phi_mu/sqrt(N). */
    private static double[] velocity(final double[] a, final double[] phi, final double[] y, final int n, final int p,
        final int d) {
        final double[] v = new double[n];
        for (int mu = 0; mu < p; mu++) {
            final double r = y[mu] - prediction(a, phi, mu, n, p);
            for (int k = 0; k < n; k++) {
                v[k] += d * r * phi[k * p + mu] / (p * Math.sqrt(n));
            }
        }
        return v;
    }

    private static double[] rungeKuttaStep(final double[] a, final double[] phi, final double[] y, final int n,
        final int p, final int d, final double h) {
        final double[] k1 = velocity(a, phi, y, n, p, d);
        final double[] k2 = velocity(axpy(a, k1, h / 2), phi, y, n, p, d);
        final double[] k3 = velocity(axpy(a, k2, h / 2), phi, y, n, p, d);
        final double[] k4 = velocity(axpy(a, k3, h), phi, y, n, p, d);
        final double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = a[k] + h / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]);
        }
        return out;
    }

    private static double[] axpy(final double[] a, final double[] k, final double h) {
        final double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + h * k[i];
        }
        return out;
    }
}
