package org.rmtlab.core.dynamics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.linalg.MatrixVector;
import org.rmtlab.core.spectrum.MarchenkoPastur;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Rng;
import org.rmtlab.core.util.Erf;

/**
 * Training and test misclassification of a linear classifier trained by gradient flow or gradient descent
 * on a two-class Gaussian mixture, after Liao and Couillet 2018, "The dynamics of learning: a random matrix
 * approach" (ICML), Theorem 1 and its real-integral form (Z. Liao's slides, "Some further simplifications",
 * Eq. (17)-(18)).
 *
 * <p>Setting (raw scale, no 1/sqrt(p)): X = [x_1, ..., x_n] in R^{p x n}, x_i = y_i mu + z_i,
 * z_i ~ N(0, I_p), y_i = +-1 equiprobable, rho = ||mu||^2, c = p/n. Loss
 * L(w) = 1/(2n) ||y - X^T w||^2 + gamma/2 ||w||^2, initialisation w0 ~ N(0, sigma^2 I_p / p) (sigma^2 is a
 * variance, {@code initVariance}). Gradient flow dw/dt = -alpha grad L gives
 * w(tau) = f(A) w0 + (I - f(A)) A^{-1} X y / n with A = X X^T / n + gamma I and f(x) = exp(-tau x),
 * tau = alpha t; gradient descent replaces f by (1 - alpha x)^t exactly ({@link GradientMethod}).
 *
 * <p>Theory: with g(x) = (1 - f(x + gamma)) / (x + gamma) ({@link GradientMethod#gain}),
 * <pre>
 * E_test  = int g(x) omega(dx)                 V_test  = (rho+c)/rho int g(x)^2 omega(dx) + sigma^2 int f(x+gamma)^2 mu(dx)
 * E_train = (rho+c)/rho int g(x) omega(dx)     V_train = (rho+c)/rho int x g(x)^2 omega(dx) + sigma^2 int x f(x+gamma)^2 mu(dx) - E_train^2
 * </pre>
 * with mu the Marchenko–Pastur law ({@link MarchenkoPasturQuadrature}) and omega the measure of
 * {@link #omega(double, double)}. Test error Q(E_test / sqrt(V_test)), training error
 * Q(E_train / sqrt(V_train)), Q the Gaussian tail ({@link Erf#normalTail}). E_test and V_test are the limits of
 * mu^T w and ||w||^2; E_train and V_train those of the mean and variance of y_i x_i^T w over the training set.
 *
 * <p>Simulation: for each trial, X is drawn by {@link DataGenerator} (mixture, raw scale), (1/n) X X^T is
 * decomposed once ({@link GramSpectrum}) and w(tau) follows in closed form at every time. The test error is
 * the exact misclassification rate of the trained w on fresh data, Q(mu^T w / ||w||) (no test sample needed);
 * the training error is the fraction of training points with y_i x_i^T w < 0 (ties count 1/2).
 */
public final class GaussianMixtureDynamics extends GramGradientModel {
    public static final String ID = "gmm";
    public static final String TEST_ERROR = "test_error";
    public static final String TRAIN_ERROR = "train_error";
    public static final String E_TEST = "e_test";
    public static final String V_TEST = "v_test";
    public static final String E_TRAIN = "e_train";
    public static final String V_TRAIN = "v_train";

    private final double rho;
    private final double initVariance;
    private final QuadratureRule omega;

    /**
     * @param p dimension (simulation size; the theory uses c = p/n)
     * @param n training samples
     * @param rho signal strength ||mu||^2, >= 0
     * @param initVariance sigma^2, the variance scale of w0 ~ N(0, sigma^2 I_p / p), >= 0
     * @param gamma ridge penalty, >= 0
     * @param method gradient flow or descent
     * @throws IllegalArgumentException for parameters out of range, or a descent step that diverges
     */
    public GaussianMixtureDynamics(final int p, final int n, final double rho, final double initVariance,
        final double gamma, final GradientMethod method) {
        super(ID, p, n, gamma, method, TEST_ERROR, TRAIN_ERROR, E_TEST, V_TEST, E_TRAIN, V_TRAIN);
        this.rho = Check.nonNegative("rho (signal strength ||mu||^2)", rho);
        this.initVariance = Check.nonNegative("sigma^2 (initialisation variance)", initVariance);
        this.omega = omega(c, rho);
        checkStable();
    }

    /**
     * The measure omega of Liao and Couillet 2018 (slides, Eq. (18)):
     * {@code omega(dx) = sqrt((x - l-)^+ (l+ - x)^+) / (2 pi (l_s - x)) dx + (rho^2 - c)^+ / rho delta_{l_s}(x)},
     * with l+- = (1 +- sqrt c)^2 and l_s = c + 1 + rho + c/rho the location of the isolated eigenvalue of
     * (1/n) X X^T (present when rho > sqrt c). Its total mass is rho. The zero measure when rho = 0.
     *
     * @param c ratio p/n, > 0
     * @param rho signal strength ||mu||^2, >= 0
     */
    public static QuadratureRule omega(final double c, final double rho) {
        Check.positive("c (ratio p/n)", c);
        Check.nonNegative("rho (signal strength ||mu||^2)", rho);
        if (rho == 0) {
            return QuadratureRule.empty();
        }
        final double sc = Math.sqrt(c);
        // l_s - l+ = rho + c/rho - 2 sqrt(c) = (rho - sqrt c)^2 / rho, exact near the transition rho = sqrt c
        final double gap = (rho - sc) * (rho - sc) / rho;
        final double upper = MarchenkoPastur.of(c, 1).upperEdge();
        final QuadratureRule bulk = SquareRootQuadrature.poleAbove(MarchenkoPastur.of(c, 1).lowerEdge(), upper, gap,
            1 / (2 * Math.PI));
        return bulk.withAtom(spike(c, rho), Math.max(0, (rho - sc) * (rho + sc)) / rho);
    }

    /** l_s = c + 1 + rho + c/rho, where the isolated eigenvalue of (1/n) X X^T sits when rho > sqrt c. */
    public static double spike(final double c, final double rho) {
        return c + 1 + rho + c / rho;
    }

    /** The four moments at one time, and the error rates they imply. */
    public record Moments(double eTrain, double vTrain, double eTest, double vTest) {

        public double trainError() {
            return errorRate(eTrain, vTrain);
        }

        public double testError() {
            return errorRate(eTest, vTest);
        }
    }

    /**
     * P(score has the wrong sign) for a Gaussian score of mean e (in the direction of the label) and variance v:
     * Q(e / sqrt(v)); a score that is identically 0 is a coin flip.
     */
    static double errorRate(final double e, final double v) {
        if (v > 0) {
            return Erf.normalTail(e / Math.sqrt(v));
        }
        return e > 0 ? 0 : e < 0 ? 1 : 0.5;
    }

    /** Theory at one time tau (tau = +infinity: the end of training). */
    public Moments moments(final double tau) {
        final double weight = rho == 0 ? 0 : (rho + c) / rho;
        double e = 0;
        double g2 = 0;
        double xg2 = 0;
        for (int k = 0; k < omega.size(); k++) {
            final double x = omega.node(k);
            final double g = method.gain(x + gamma, tau);
            final double w = omega.weight(k);
            e += w * g;
            g2 += w * g * g;
            xg2 += w * x * g * g;
        }
        double f2 = 0;
        double xf2 = 0;
        for (int k = 0; k < mp.size(); k++) {
            final double x = mp.node(k);
            final double f = method.decay(x + gamma, tau);
            f2 += mp.weight(k) * f * f;
            xf2 += mp.weight(k) * x * f * f;
        }
        final double eTrain = weight * e;
        double vTest = weight * g2 + initVariance * f2;
        if (tau == Double.POSITIVE_INFINITY && gamma == 0 && c == 1 && rho > 0) {
            // int omega(dx) / x^2 diverges at the hard edge l- = 0: the ridgeless interpolator has infinite norm
            vTest = Double.POSITIVE_INFINITY;
        }
        return new Moments(eTrain, weight * xg2 + initVariance * xf2 - eTrain * eTrain, e, vTest);
    }

    /** Test error at the end of training (tau = +infinity). */
    public double testErrorLimit() {
        return moments(Double.POSITIVE_INFINITY).testError();
    }

    @Override
    double maxCurvature() {
        final double edge = MarchenkoPastur.of(c, 1).upperEdge();
        return gamma + (rho * rho > c ? spike(c, rho) : edge);
    }

    @Override
    double[] theoryAt(final double tau) {
        final Moments m = moments(tau);
        return new double[] {m.testError(), m.trainError(), m.eTest(), m.vTest(), m.eTrain(), m.vTrain()};
    }

    @Override
    Map<String, Double> theoryScalars() {
        final EarlyStopping.Optimum best = earlyStopping();
        final Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("test_error_limit", testErrorLimit());
        scalars.put("tau_star", best.tau());
        scalars.put("test_error_at_tau_star", best.value());
        return scalars;
    }

    @Override
    DoubleFunction<double[]> draw(final Rng rng) {
        final GeneratedData d = DataGenerator.generate(
            new DataSpec(DataModel.MIXTURE, n, 0, p, rho, 0, Scale.RAW, SimulationSupport.dataSeed(rng)));
        final double[] w0 = new double[p];
        rng.gaussians(w0, Math.sqrt(initVariance / p));
        return new Trial(d.train().x(), d.train().y(), d.mu(), w0)::at;
    }

    /**
     * One draw (X, y, mu, w0), decomposed once; {@link #at(double)} gives the realised quantities at any time.
     * Package-private so that tests can compare it with literal gradient descent on the same draw.
     */
    final class Trial {
        private final double[] lambda;
        private final double[] muC;
        private final double[] w0C;
        private final double[] pull;
        private final double muW0Null;
        private final double w0Null2;
        private final DMatrixRMaj outputs;
        private final double[] y;

        Trial(final DMatrixRMaj x, final double[] y, final double[] mu, final double[] w0) {
            final GramSpectrum s = GramSpectrum.of(x);
            this.y = y.clone();
            lambda = s.eigenvalues();
            muC = s.project(mu);
            w0C = s.project(w0);
            pull = s.projectSamples(y);
            muW0Null = MatrixVector.dot(mu, w0) - MatrixVector.dot(muC, w0C);
            w0Null2 = Math.max(0, MatrixVector.dot(w0, w0) - MatrixVector.dot(w0C, w0C));
            outputs = s.sampleCoordinates();
        }

        /** test error, train error, mu^T w, ||w||^2, mean and variance of y_i x_i^T w, at time tau. */
        double[] at(final double tau) {
            final int r = lambda.length;
            final double[] w = new double[r];
            double eTest = 0;
            double norm2 = 0;
            for (int k = 0; k < r; k++) {
                final double curv = lambda[k] + gamma;
                w[k] = method.decay(curv, tau) * w0C[k] + method.gain(curv, tau) * pull[k];
                eTest += muC[k] * w[k];
                norm2 += w[k] * w[k];
            }
            // the null space of X^T only feels the ridge penalty
            final double f0 = method.decay(gamma, tau);
            eTest += f0 * muW0Null;
            norm2 += f0 * f0 * w0Null2;
            final double[] out = new double[y.length];
            CommonOps_DDRM.mult(outputs, DMatrixRMaj.wrap(r, 1, w), DMatrixRMaj.wrap(y.length, 1, out));
            double mean = 0;
            double second = 0;
            double wrong = 0;
            for (int i = 0; i < out.length; i++) {
                final double margin = y[i] * out[i];
                mean += margin;
                second += margin * margin;
                wrong += margin < 0 ? 1 : margin == 0 ? 0.5 : 0;
            }
            mean /= out.length;
            second /= out.length;
            return new double[] {errorRate(eTest, norm2), wrong / out.length, eTest, norm2, mean, second - mean * mean};
        }
    }

    public double rho() {
        return rho;
    }

    public double initVariance() {
        return initVariance;
    }
}
