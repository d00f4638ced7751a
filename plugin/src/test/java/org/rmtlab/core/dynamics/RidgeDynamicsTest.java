package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

class RidgeDynamicsTest {
    private static final double[] TIMES = {0.03, 0.1, 0.3, 1, 3, 10, 1000};

    @Test
    // ridgeless limits: s^2 c/(1-c) for c < 1; r^2 (1 - 1/c) + s^2/(c-1) for c > 1 (w0 = 0), plus
    // s0^2 (1 - 1/c) when w0 != 0 (its null-space part never moves); +infinity at c = 1
    void ridgelessLimitsMatchClosedForms() {
        final double r2 = 1.3;
        final double s2 = 0.4;
        for (int p : new int[] {50, 99, 101, 300}) {
            final double c = p / 100.0;
            for (double s02 : new double[] {0, 0.7}) {
                final double risk = new RidgeDynamics(p, 100, r2, s2, s02, 0, GradientMethod.flow()).limit().risk();
                final double expected = c < 1 ? s2 * c / (1 - c) : (r2 + s02) * (1 - 1 / c) + s2 / (c - 1);
                assertEquals(expected, risk, 1e-12 * expected, "c = " + c + ", s0^2 = " + s02);
            }
        }
        assertEquals(Double.POSITIVE_INFINITY, new RidgeDynamics(100, 100, 1, 0.1, 0, 0, GradientMethod.flow()).limit().risk());
        // without noise the interpolator at c = 1 is fine: only the bias, which is 0 for c <= 1
        assertEquals(0, new RidgeDynamics(100, 100, 1, 0, 0, 0, GradientMethod.flow()).limit().risk(), 1e-12);
    }

    @Test
    // with ridge, tau -> infinity gives the ridge estimator: bias r^2 gamma^2 m'(-gamma),
    // variance s^2 c (m(-gamma) - gamma m'(-gamma)), m the Stieltjes transform of mu_c from
    // c z m^2 - (1 - c - z) m + 1 = 0 and m' by implicit differentiation
    void ridgeLimitMatchesStieltjesClosedForm() {
        final double gamma = 0.3;
        for (int p : new int[] {50, 100, 200}) {
            final double c = p / 100.0;
            final double z = -gamma;
            final double b = -(1 - c - z);
            final double m = (-b - Math.sqrt(b * b - 4 * c * z)) / (2 * c * z);
            final double dm = -(c * m * m + m) / (2 * c * z * m - (1 - c - z));
            final RidgeDynamics.Point end = new RidgeDynamics(p, 100, 1.3, 0.4, 0.5, gamma, GradientMethod.flow()).limit();
            assertEquals(1.3 * gamma * gamma * dm, end.bias(), 1e-12, "c = " + c);
            assertEquals(0.4 * c * (m - gamma * dm), end.variance(), 1e-12, "c = " + c);
            assertEquals(0, end.init(), 0);
        }
    }

    @Test
    // at tau = 0, w = w0: risk r^2 + s0^2, training loss E||y - X^T w0||^2 / n = r^2 + s^2 + s0^2
    void startingPointIsTheInitialisation() {
        for (int p : new int[] {50, 300}) {
            final RidgeDynamics.Point start = new RidgeDynamics(p, 100, 1.3, 0.4, 0.7, 0.2, GradientMethod.flow()).at(0);
            assertEquals(2.0, start.risk(), 1e-12);
            assertEquals(2.4, start.trainLoss(), 1e-12);
        }
    }

    @Test
    void theoryMatchesSimulationWithFlow() throws CancelledException {
        final RidgeDynamics model = new RidgeDynamics(200, 400, 1, 0.25, 0.5, 0, GradientMethod.flow());
        CurveAssertions.assertAgrees(model.theory(TIMES), model.simulate(TIMES, 12, 1, Progress.NONE), 400);
    }

    @Test
    // p > n: the n x n Gram branch, the null space (bias r^2 (1 - 1/c) stays) and the ridge term
    void theoryMatchesSimulationWhenWideWithRidge() throws CancelledException {
        final RidgeDynamics model = new RidgeDynamics(300, 150, 1, 0.25, 0.5, 0.1, GradientMethod.flow());
        CurveAssertions.assertAgrees(model.theory(TIMES), model.simulate(TIMES, 12, 2, Progress.NONE), 150);
    }

    @Test
    // alpha l+ = 0.5 (1 + sqrt(0.5))^2 = 1.46 > 1: the stiff directions oscillate in sign, (1 - alpha x)^t < 0
    void theoryMatchesSimulationWithDescent() throws CancelledException {
        final RidgeDynamics model = new RidgeDynamics(200, 400, 1, 0.25, 0.5, 0, GradientMethod.descent(0.5));
        CurveAssertions.assertAgrees(model.theory(TIMES), model.simulate(TIMES, 12, 3, Progress.NONE), 400);
    }

    @Test
    // noisy labels, c = 0.5: the risk falls, is lowest at an interior tau*, then rises to s^2 c/(1-c);
    // the optimum is a minimum of the theory curve, and the simulation at tau* agrees with R(tau*)
    void earlyStoppingBeatsTheEndOfTraining() throws CancelledException {
        final RidgeDynamics model = new RidgeDynamics(200, 400, 1, 0.5, 0, 0, GradientMethod.flow());
        final EarlyStopping.Optimum best = model.earlyStopping();
        assertTrue(best.tau() > 0.5 && best.tau() < 50, "tau* = " + best.tau());
        assertTrue(best.value() < model.limit().risk() - 0.05, best.value() + " vs " + model.limit().risk());
        for (double f : new double[] {0.9, 0.99, 1.01, 1.1}) {
            assertTrue(model.at(best.tau() * f).risk() >= best.value() - 1e-14, "factor " + f);
        }
        final double[] times = {best.tau(), 1e4};
        final LearningCurves theory = model.theory(times);
        assertEquals(best.value(), theory.curve(RidgeDynamics.TEST_RISK).value(0), 1e-15);
        assertEquals(best.tau(), theory.scalar("tau_star"), 0);
        CurveAssertions.assertAgrees(theory, model.simulate(times, 12, 4, Progress.NONE), 400);
    }

    @Test
    // the closed form (1 - alpha x)^t of a trial against literally iterating w <- w - alpha grad L(w)
    void closedFormEqualsLiteralGradientDescent() {
        for (int[] size : new int[][] {{40, 80}, {60, 40}}) {
            final int p = size[0];
            final int n = size[1];
            final double alpha = 0.2;
            final double gamma = p > n ? 0.05 : 0;
            final RidgeDynamics model = new RidgeDynamics(p, n, 1, 0.3, 0.5, gamma, GradientMethod.descent(alpha));
            final Rng rng = new Rng(17);
            final DMatrixRMaj x = new DMatrixRMaj(p, n);
            for (int i = 0; i < x.getNumElements(); i++) {
                x.data[i] = rng.gaussian();
            }
            final double[] beta = new double[p];
            rng.gaussians(beta, Math.sqrt(1.0 / p));
            final double[] eps = new double[n];
            rng.gaussians(eps, Math.sqrt(0.3));
            final double[] w = new double[p];
            rng.gaussians(w, Math.sqrt(0.5 / p));
            final RidgeDynamics.Trial trial = model.new Trial(x, beta, eps, w);
            final double[] y = eps.clone();
            CommonOps_DDRM.multAddTransA(x, DMatrixRMaj.wrap(p, 1, beta), DMatrixRMaj.wrap(n, 1, y));
            final double[] residual = new double[n];
            final LeastSquaresDescent descent = new LeastSquaresDescent(x, y, w, alpha, gamma);
            for (int t = 1; t <= 300; t++) {
                descent.step();
                if (t == 1 || t == 10 || t == 100 || t == 300) {
                    final double[] closed = trial.at(alpha * t);
                    double risk = 0;
                    for (int i = 0; i < p; i++) {
                        risk += (w[i] - beta[i]) * (w[i] - beta[i]);
                    }
                    CommonOps_DDRM.multTransA(x, DMatrixRMaj.wrap(p, 1, w), DMatrixRMaj.wrap(n, 1, residual));
                    double loss = 0;
                    for (int i = 0; i < n; i++) {
                        loss += (y[i] - residual[i]) * (y[i] - residual[i]) / n;
                    }
                    assertEquals(risk, closed[0], 1e-10 * risk, "risk, p = " + p + ", t = " + t);
                    assertEquals(loss, closed[4], 1e-10 * (1 + loss), "train loss, p = " + p + ", t = " + t);
                }
            }
        }
    }

    @Test
    void theoryIsInteractive() {
        final double[] times = new double[100];
        for (int i = 0; i < times.length; i++) {
            times[i] = 1e-2 * Math.pow(1e5, i / 99.0);
        }
        new RidgeDynamics(256, 512, 1, 0.25, 0, 0, GradientMethod.flow()).theory(times);
        final long start = System.nanoTime();
        new RidgeDynamics(256, 512, 1, 0.3, 0, 0, GradientMethod.flow()).theory(times);
        final double seconds = (System.nanoTime() - start) * 1e-9;
        System.out.printf("ridge theory, 100 times: %.1f ms%n", seconds * 1e3);
        assertTrue(seconds < 1, seconds + " s");
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThrows(IllegalArgumentException.class, () -> new RidgeDynamics(10, 10, -1, 0, 0, 0, GradientMethod.flow()));
        assertThrows(IllegalArgumentException.class, () -> new RidgeDynamics(10, 10, 1, Double.POSITIVE_INFINITY, 0, 0,
            GradientMethod.flow()));
        assertThrows(IllegalArgumentException.class, () -> new RidgeDynamics(10, 10, 1, 0, 0, -0.1, GradientMethod.flow()));
        // l+ = (1 + sqrt(0.5))^2 = 2.91: alpha = 0.7 diverges
        assertThrows(IllegalArgumentException.class, () -> new RidgeDynamics(100, 200, 1, 0, 0, 0, GradientMethod.descent(0.7)));
    }
}
