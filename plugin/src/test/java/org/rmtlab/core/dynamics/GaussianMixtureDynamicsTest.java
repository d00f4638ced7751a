package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.linalg.MatrixVector;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

class GaussianMixtureDynamicsTest {
    private static final double[] TIMES = {0.03, 0.1, 0.3, 1, 3, 10, 1000};

    @Test
    // omega has total mass rho on both sides of the transition rho = sqrt(c) (closed form of
    // int sqrt((x-a)(b-x))/(s-x) dx, see SquareRootQuadratureTest), with the atom (rho^2 - c)/rho at l_s above it
    void omegaHasMassRho() {
        final double c = 0.49;
        for (double rho : new double[] {0.2, 0.7 * (1 - 1e-8), 0.7, 0.7 * (1 + 1e-8), 3}) {
            final QuadratureRule w = GaussianMixtureDynamics.omega(c, rho);
            assertEquals(rho, w.mass(), 1e-12 * rho, "rho = " + rho);
            if (Math.abs(rho - Math.sqrt(c)) > 0.1) {
                // (next to the transition the spike and the last bulk nodes coincide in floating point)
                final double spike = GaussianMixtureDynamics.spike(c, rho);
                final double atom = w.integrate(x -> x == spike ? 1 : 0);
                assertEquals(Math.max(0, rho - c / rho), atom, 1e-15, "rho = " + rho);
            }
        }
        assertEquals(0, GaussianMixtureDynamics.omega(c, 0).mass(), 0);
    }

    @Test
    // As c -> 0, (1/n) X X^T -> I + mu mu^T: everything happens along mu (curvature 1 + rho + gamma) and
    // the initialisation decays with curvature 1 + gamma. With g = gain(1 + rho + gamma), f = decay(1 + gamma):
    // E_test = E_train = rho g, V_test = rho g^2 + sigma^2 f^2, V_train = rho g^2 + sigma^2 f^2.
    // c = 1e-8 here; the corrections are O(c / rho).
    void smallRatioLimitIsOneDimensional() {
        final double rho = 1.5;
        final double sigma2 = 0.3;
        for (double gamma : new double[] {0, 0.4}) {
            for (GradientMethod m : new GradientMethod[] {GradientMethod.flow(), GradientMethod.descent(0.2)}) {
                final GaussianMixtureDynamics model = new GaussianMixtureDynamics(1, 100_000_000, rho, sigma2, gamma, m);
                for (double tau : new double[] {0.2, 2, Double.POSITIVE_INFINITY}) {
                    final double g = m.gain(1 + rho + gamma, tau);
                    final double f = m.decay(1 + gamma, tau);
                    final GaussianMixtureDynamics.Moments mm = model.moments(tau);
                    final String where = "gamma = " + gamma + ", " + m.id() + ", tau = " + tau;
                    assertEquals(rho * g, mm.eTest(), 1e-6, where);
                    assertEquals(rho * g, mm.eTrain(), 1e-6, where);
                    assertEquals(rho * g * g + sigma2 * f * f, mm.vTest(), 1e-6, where);
                    assertEquals(rho * g * g + sigma2 * f * f, mm.vTrain(), 1e-6, where);
                }
            }
        }
    }

    @Test
    // for any c, w(tau) = w0 + tau X y / n + O(tau^2): E_test = tau rho, E_train = tau ||Xy/n||^2 = tau (rho + c),
    // V_test = V_train = sigma^2 (int x dmu = 1) at first order; the second-order terms are relatively
    // O(tau l_s) ~ 1e-6 at tau = 1e-7
    void shortTimesFollowTheFirstGradientStep() {
        final double tau = 1e-7;
        for (int p : new int[] {100, 400}) {
            final GaussianMixtureDynamics model = new GaussianMixtureDynamics(p, 200, 2, 0.5, 0.1, GradientMethod.flow());
            final double c = p / 200.0;
            final GaussianMixtureDynamics.Moments m = model.moments(tau);
            assertEquals(2, m.eTest() / tau, 1e-5);
            assertEquals(2 + c, m.eTrain() / tau, 1e-5);
            assertEquals(0.5, m.vTest(), 1e-6);
            assertEquals(0.5, m.vTrain(), 1e-6);
        }
    }

    @Test
    // ridgeless, c = 1: the interpolator's norm diverges (int omega(dx)/x^2 at the hard edge): coin flip
    void hardEdgeEndsInACoinFlip() {
        final GaussianMixtureDynamics model = new GaussianMixtureDynamics(200, 200, 2, 0.1, 0, GradientMethod.flow());
        assertEquals(0.5, model.testErrorLimit(), 0);
        final double mid = model.moments(1e2).testError();
        final double late = model.moments(1e6).testError();
        assertTrue(mid < late && late < 0.5, mid + " " + late);
    }

    @Test
    void theoryMatchesSimulationWithFlow() throws CancelledException {
        final GaussianMixtureDynamics model = new GaussianMixtureDynamics(200, 400, 2, 0.5, 0, GradientMethod.flow());
        CurveAssertions.assertAgrees(model.theory(TIMES), model.simulate(TIMES, 12, 1, Progress.NONE), 400);
    }

    @Test
    // p > n: the n x n Gram branch, the null space of X^T and the ridge term
    void theoryMatchesSimulationWhenWideWithRidge() throws CancelledException {
        final GaussianMixtureDynamics model = new GaussianMixtureDynamics(300, 150, 2, 0.5, 0.1, GradientMethod.flow());
        CurveAssertions.assertAgrees(model.theory(TIMES), model.simulate(TIMES, 12, 2, Progress.NONE), 150);
    }

    @Test
    void theoryMatchesSimulationWithDescent() throws CancelledException {
        final GaussianMixtureDynamics model = new GaussianMixtureDynamics(200, 400, 2, 0.5, 0, GradientMethod.descent(0.25));
        CurveAssertions.assertAgrees(model.theory(TIMES), model.simulate(TIMES, 12, 3, Progress.NONE), 400);
    }

    @Test
    // LC18's overfitting: with few samples (c = 0.8) the test error falls to a minimum near tau = 1 and then
    // rises as the least-squares solution fits the noise; the simulation shows the same rise
    void testErrorRisesAfterEarlyStoppingTime() throws CancelledException {
        final GaussianMixtureDynamics model = new GaussianMixtureDynamics(200, 250, 2, 0.1, 0, GradientMethod.flow());
        final EarlyStopping.Optimum best = model.earlyStopping();
        assertTrue(best.tau() > 0.1 && best.tau() < 10, "tau* = " + best.tau());
        final double limit = model.testErrorLimit();
        assertTrue(limit > best.value() + 0.1, best.value() + " vs " + limit);
        final double[] times = {best.tau(), 1000};
        final LearningCurves theory = model.theory(times);
        final LearningCurves sim = model.simulate(times, 12, 4, Progress.NONE);
        CurveAssertions.assertAgrees(theory, sim, 250);
        final Curve err = sim.curve(GaussianMixtureDynamics.TEST_ERROR);
        assertTrue(err.value(1) - err.value(0) > 0.1 + 4 * (err.stderr(0) + err.stderr(1)),
            "simulated rise " + err.value(0) + " -> " + err.value(1));
    }

    @Test
    // the closed form (1 - alpha x)^t of a trial against literally iterating w <- w - alpha grad L(w)
    void closedFormEqualsLiteralGradientDescent() {
        for (int[] size : new int[][] {{40, 80}, {60, 40}}) {
            final int p = size[0];
            final int n = size[1];
            final double alpha = 0.2;
            final double gamma = p > n ? 0.05 : 0;
            final GaussianMixtureDynamics model = new GaussianMixtureDynamics(p, n, 1.5, 0.4, gamma,
                GradientMethod.descent(alpha));
            final GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, n, 0, p, 1.5, 0, Scale.RAW, 9));
            final DMatrixRMaj x = d.train().x();
            final double[] y = d.train().y();
            final double[] w = new double[p];
            new Rng(5).gaussians(w, Math.sqrt(0.4 / p));
            final GaussianMixtureDynamics.Trial trial = model.new Trial(x, y, d.mu(), w);
            final LeastSquaresDescent descent = new LeastSquaresDescent(x, y, w, alpha, gamma);
            for (int t = 1; t <= 300; t++) {
                descent.step();
                if (t == 1 || t == 10 || t == 100 || t == 300) {
                    final double[] closed = trial.at(alpha * t);
                    final double[] literal = literalMoments(x, y, d.mu(), w);
                    for (int j = 0; j < literal.length; j++) {
                        assertEquals(literal[j], closed[j + 2], 1e-10 * (1 + Math.abs(literal[j])),
                            "p = " + p + ", t = " + t + ", moment " + j);
                    }
                }
            }
        }
    }

    /** mu^T w, ||w||^2, mean and variance of the margins y_i x_i^T w. */
    private static double[] literalMoments(final DMatrixRMaj x, final double[] y, final double[] mu, final double[] w) {
        final int n = y.length;
        final double[] out = new double[n];
        CommonOps_DDRM.multTransA(x, DMatrixRMaj.wrap(w.length, 1, w), DMatrixRMaj.wrap(n, 1, out));
        double mean = 0;
        double second = 0;
        for (int i = 0; i < n; i++) {
            mean += y[i] * out[i] / n;
            second += out[i] * out[i] / n;
        }
        return new double[] {MatrixVector.dot(mu, w), MatrixVector.dot(w, w), mean, second - mean * mean};
    }

    @Test
    void sameSeedGivesSameSimulation() throws CancelledException {
        final GaussianMixtureDynamics model = new GaussianMixtureDynamics(30, 40, 1, 0.2, 0, GradientMethod.flow());
        assertEquals(model.simulate(TIMES, 2, 7, Progress.NONE), model.simulate(TIMES, 2, 7, Progress.NONE));
    }

    @Test
    // interactive use: 100 times, early-stopping search included; measured ~40 ms warm on 2 busy cores
    void theoryIsInteractive() {
        final double[] times = new double[100];
        for (int i = 0; i < times.length; i++) {
            times[i] = 1e-2 * Math.pow(1e5, i / 99.0);
        }
        new GaussianMixtureDynamics(256, 512, 2, 0.1, 0, GradientMethod.flow()).theory(times);
        final long start = System.nanoTime();
        new GaussianMixtureDynamics(256, 512, 2.5, 0.1, 0, GradientMethod.flow()).theory(times);
        final double seconds = (System.nanoTime() - start) * 1e-9;
        System.out.printf("GMM theory, 100 times: %.1f ms%n", seconds * 1e3);
        assertTrue(seconds < 1, seconds + " s");
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixtureDynamics(10, 10, -1, 0, 0, GradientMethod.flow()));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixtureDynamics(10, 10, 1, Double.NaN, 0, GradientMethod.flow()));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixtureDynamics(0, 10, 1, 0, 0, GradientMethod.flow()));
        // l_s = 0.5 + 1 + 2 + 0.25 = 3.75: alpha = 0.6 makes descent diverge
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new GaussianMixtureDynamics(100, 200, 2, 0, 0, GradientMethod.descent(0.6)));
        assertTrue(e.getMessage().contains("alpha <"), e.getMessage());
        final GaussianMixtureDynamics ok = new GaussianMixtureDynamics(10, 10, 1, 0, 0, GradientMethod.flow());
        assertThrows(IllegalArgumentException.class, () -> ok.simulate(TIMES, 0, 1, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> ok.theory(new double[] {-1}));
    }
}
