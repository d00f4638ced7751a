package org.rmtlab.core.dynamics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.linalg.MatrixVector;
import org.rmtlab.core.spectrum.MarchenkoPastur;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Rng;

/**
 * Test risk and training loss of (ridge) linear regression trained by gradient flow or gradient descent,
 * as functions of time: the regression analogue of Liao and Couillet 2018 (their Eq. (4)-(5) solution of
 * the flow, with the isotropic-data integrals against the Marchenko–Pastur law; see also Z. Liao's slides,
 * Eq. (14)-(16)).
 *
 * <p>Setting (raw scale): X = [x_1, ..., x_n] in R^{p x n}, x_i ~ N(0, I_p), c = p/n; teacher
 * beta* ~ N(0, r^2 I_p / p) ({@code signal} = r^2 = E||beta*||^2); y = X^T beta* + eps, eps ~ N(0, s^2 I_n)
 * ({@code noise} = s^2); initialisation w0 ~ N(0, s0^2 I_p / p) ({@code init} = s0^2). Loss
 * L(w) = 1/(2n) ||y - X^T w||^2 + gamma/2 ||w||^2, gradient flow dw/dt = -alpha grad L (tau = alpha t), or
 * gradient descent with step alpha ({@link GradientMethod}). With S = X X^T / n,
 * w(tau) = f(S + gamma) w0 + g(S + gamma) X y / n, f = decay, g = gain = (1 - f) / x.
 *
 * <p>Theory, integrals against the Marchenko–Pastur law mu_c (atom (1 - 1/c)^+ at 0 included), with
 * f = f(x + gamma), g = g(x + gamma), h = 1 - x g (h = f when gamma = 0):
 * <pre>
 * R(tau) = E||w(tau) - beta*||^2 = r^2 int h^2 dmu  +  s^2 c int x g^2 dmu  +  s0^2 int f^2 dmu
 *                                    (bias)             (variance)            (initialisation)
 * train loss (1/n) E||y - X^T w||^2 = r^2 int x h^2 dmu + s0^2 int x f^2 dmu + s^2 (1 - c + c int h^2 dmu)
 * </pre>
 * The excess risk R is the test mean-squared error minus s^2. Limits tau -> infinity without ridge:
 * R = s^2 c / (1 - c) for c < 1; (r^2 + s0^2)(1 - 1/c) + s^2 / (c - 1) for c > 1 (the part of beta* and w0
 * in the null space of X^T never moves); +infinity at c = 1 when s > 0.
 *
 * <p>Simulation: each trial draws X ({@link DataGenerator}, Gaussian, raw scale), beta*, eps and w0,
 * decomposes (1/n) X X^T once ({@link GramSpectrum}) and evaluates every time in closed form; the three
 * parts of the risk are the squared norms of the three parts of w - beta* (they add up to the risk on
 * average, not trial by trial).
 */
public final class RidgeDynamics extends GramGradientModel {
    public static final String ID = "ridge";
    public static final String TEST_RISK = "test_risk";
    public static final String BIAS = "bias";
    public static final String VARIANCE = "variance";
    public static final String INIT = "init";
    public static final String TRAIN_LOSS = "train_loss";

    private final double signal;
    private final double noise;
    private final double init;

    /**
     * @param p dimension (simulation size; the theory uses c = p/n)
     * @param n training samples
     * @param signal r^2 = E||beta*||^2, >= 0
     * @param noise s^2, the label-noise variance, >= 0
     * @param init s0^2 = E||w0||^2, >= 0
     * @param gamma ridge penalty, >= 0
     * @param method gradient flow or descent
     * @throws IllegalArgumentException for parameters out of range, or a descent step that diverges
     */
    public RidgeDynamics(final int p, final int n, final double signal, final double noise, final double init,
        final double gamma, final GradientMethod method) {
        super(ID, p, n, gamma, method, TEST_RISK, BIAS, VARIANCE, INIT, TRAIN_LOSS);
        this.signal = Check.nonNegative("signal r^2 (teacher norm E||beta*||^2)", signal);
        this.noise = Check.nonNegative("noise s^2 (label-noise variance)", noise);
        this.init = Check.nonNegative("init s0^2 (initialisation E||w0||^2)", init);
        checkStable();
    }

    /**
     * The theory at one time.
     *
     * @param bias r^2 int h^2 dmu
     * @param variance s^2 c int x g^2 dmu
     * @param init s0^2 int f^2 dmu
     * @param trainLoss (1/n) E||y - X^T w||^2
     */
    public record Point(double bias, double variance, double init, double trainLoss) {

        /** The excess test risk E||w - beta*||^2 = bias + variance + init. */
        public double risk() {
            return bias + variance + init;
        }
    }

    /** Theory at time tau (tau = +infinity: the end of training). */
    public Point at(final double tau) {
        double h2 = 0;
        double xh2 = 0;
        double xg2 = 0;
        double f2 = 0;
        double xf2 = 0;
        for (int k = 0; k < mp.size(); k++) {
            final double x = mp.node(k);
            final double w = mp.weight(k);
            final double f = method.decay(x + gamma, tau);
            // at x = 0 the data exert no force (h = 1, no variance), also when the gain is infinite
            final double g = x == 0 ? 0 : method.gain(x + gamma, tau);
            final double h = 1 - x * g;
            h2 += w * h * h;
            xh2 += w * x * h * h;
            xg2 += w * x * g * g;
            f2 += w * f * f;
            xf2 += w * x * f * f;
        }
        double variance = noise * c * xg2;
        if (tau == Double.POSITIVE_INFINITY && gamma == 0 && c == 1 && noise > 0) {
            // int dmu / x diverges at the hard edge of mu_1: the ridgeless interpolator fits all the noise
            variance = Double.POSITIVE_INFINITY;
        }
        return new Point(signal * h2, variance, init * f2,
            signal * xh2 + init * xf2 + noise * (1 - c + c * h2));
    }

    /** The end of training, tau -> infinity. */
    public Point limit() {
        return at(Double.POSITIVE_INFINITY);
    }

    @Override
    double maxCurvature() {
        return MarchenkoPastur.of(c, 1).upperEdge() + gamma;
    }

    @Override
    double[] theoryAt(final double tau) {
        final Point pt = at(tau);
        return new double[] {pt.risk(), pt.bias(), pt.variance(), pt.init(), pt.trainLoss()};
    }

    @Override
    Map<String, Double> theoryScalars() {
        final Point end = limit();
        final EarlyStopping.Optimum best = earlyStopping();
        final Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("risk_limit", end.risk());
        scalars.put("train_loss_limit", end.trainLoss());
        scalars.put("tau_star", best.tau());
        scalars.put("risk_at_tau_star", best.value());
        return scalars;
    }

    @Override
    DoubleFunction<double[]> draw(final Rng rng) {
        final DMatrixRMaj x = DataGenerator.generate(
            new DataSpec(DataModel.GAUSSIAN, n, 0, p, 0, 0, Scale.RAW, SimulationSupport.dataSeed(rng))).train().x();
        final double[] beta = new double[p];
        rng.gaussians(beta, Math.sqrt(signal / p));
        final double[] eps = new double[n];
        rng.gaussians(eps, Math.sqrt(noise));
        final double[] w0 = new double[p];
        rng.gaussians(w0, Math.sqrt(init / p));
        return new Trial(x, beta, eps, w0)::at;
    }

    /**
     * One draw (X, beta*, eps, w0) with y = X^T beta* + eps, decomposed once; {@link #at(double)} gives the
     * realised quantities at any time. Package-private so that tests can compare it with literal gradient
     * descent on the same draw.
     */
    final class Trial {
        private final double[] lambda;
        private final double[] betaC;
        private final double[] w0C;
        private final double[] noisePull;
        private final double[] pull;
        private final double betaNull2;
        private final double w0Null2;
        private final double betaW0Null;
        private final double y2;

        Trial(final DMatrixRMaj x, final double[] beta, final double[] eps, final double[] w0) {
            final GramSpectrum s = GramSpectrum.of(x);
            final double[] y = eps.clone();
            CommonOps_DDRM.multAddTransA(x, DMatrixRMaj.wrap(p, 1, beta), DMatrixRMaj.wrap(n, 1, y));
            lambda = s.eigenvalues();
            betaC = s.project(beta);
            w0C = s.project(w0);
            noisePull = s.projectSamples(eps);
            pull = s.projectSamples(y);
            betaNull2 = Math.max(0, MatrixVector.dot(beta, beta) - MatrixVector.dot(betaC, betaC));
            w0Null2 = Math.max(0, MatrixVector.dot(w0, w0) - MatrixVector.dot(w0C, w0C));
            betaW0Null = MatrixVector.dot(beta, w0) - MatrixVector.dot(betaC, w0C);
            y2 = MatrixVector.dot(y, y) / n;
        }

        /** risk ||w - beta*||^2, its bias, variance and initialisation parts, training loss, at time tau. */
        double[] at(final double tau) {
            double risk = 0;
            double bias = 0;
            double variance = 0;
            double initPart = 0;
            double fit = 0;
            for (int k = 0; k < lambda.length; k++) {
                final double curv = lambda[k] + gamma;
                final double f = method.decay(curv, tau);
                final double g = method.gain(curv, tau);
                final double fromInit = f * w0C[k];
                final double fromSignal = (g * lambda[k] - 1) * betaC[k];
                final double fromNoise = g * noisePull[k];
                final double err = fromInit + fromSignal + fromNoise;
                risk += err * err;
                initPart += fromInit * fromInit;
                bias += fromSignal * fromSignal;
                variance += fromNoise * fromNoise;
                // (1/n)||y - X^T w||^2 = ||y||^2/n - 2 (Xy/n)^T w + w^T S w, in the eigenbasis
                final double wk = fromInit + g * pull[k];
                fit += lambda[k] * wk * wk - 2 * pull[k] * wk;
            }
            // null space of X^T: w keeps f(gamma) w0 there, beta* is never learned
            final double f0 = method.decay(gamma, tau);
            risk += f0 * f0 * w0Null2 - 2 * f0 * betaW0Null + betaNull2;
            initPart += f0 * f0 * w0Null2;
            bias += betaNull2;
            return new double[] {risk, bias, variance, initPart, y2 + fit};
        }
    }

    public double signal() {
        return signal;
    }

    public double noise() {
        return noise;
    }

    public double init() {
        return init;
    }
}
