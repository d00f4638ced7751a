package org.rmtlab.core.dynamics;

import java.util.List;

import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Complex;
import org.rmtlab.core.util.Memory;

/**
 * Train and test loss of {@link RandomFeatureFlow} from the resolvent relations of
 * {@link MarchenkoPasturProduct} and a numerical inverse Laplace transform: an independent cross-check of
 * {@link RandomFeatureFlowDmft}, and the fastest way to evaluate the losses at arbitrary times.
 *
 * <p>Every loss is a spectral integral written as a Cauchy integral (1/2 pi i) oint over a contour around
 * the negated spectrum [-lambda_+, 0] (phi(BC) = (1/2 pi i) oint phi(-z) (z + BC)^{-1} dz):
 * <ul>
 * <li>noiseless test loss (1/D) tr[e^{-tCB} e^{-tBC}] = (1/2 pi i)^2 oint oint e^{t z1 + t z2} T(z1, z2),
 * T the two-point function (a two-dimensional inverse Laplace transform);</li>
 * <li>label-noise part of the test loss: the response to eps is
 * Delta_eps(t) = (BC)^{-1}(1 - e^{-tBC}) B X eps sqrt(D)/P, whose mean square uses B C B = (BC) B and
 * gives s^2 a (1/D) tr[B (1 - e^{-tBC})^2 (BC)^{-1}], a spectral integral of (1 - e^{-t lambda})^2/lambda
 * against the measure with transform (1/D) tr B (z + BC)^{-1} = u/t;</li>
 * <li>train loss: the training residual obeys de/dt = -K e with K = X^T B X/P, so
 * train(t) = (1/P) y^T e^{-2tK} y; averaged over w* and eps this is
 * (1/D) tr[C e^{-2tBC}] + s^2 (1/P) tr e^{-2tK}, with transforms u/s and a G(z) + (1 - a)/z;</li>
 * <li>Hermitian counterpart (1/D) tr e^{-2tBC}, transform G;</li>
 * <li>bias ||E_F v - w*||^2/D, the test loss of the mean predictor over feature draws on fixed data (see
 * {@link RandomFeatureDynamics}): E_F Delta(t) has the signal part -E_F e^{-tBC} w* and the noise part
 * E_F[f_t(BC) B] X eps sqrt(D)/P with f_t(l) = (1 - e^{-tl})/l. With E_F (z + BC)^{-1} = (z + sC)^{-1} =: R
 * and E_F (z + BC)^{-1} B = s R on the range of C (from (z + BC)^{-1} BC = 1 - z (z + BC)^{-1}), the
 * signal part is a two-dimensional inverse Laplace transform of H = (1/D) tr R1 R2
 * ({@link MarchenkoPasturProduct#independentFeaturesTwoPoint}), and the noise part is
 * s^2 a oint oint f_t(-z1) f_t(-z2) s1 s2 (1/D) tr C R1 R2 = s^2 a oint oint f_t(-z1) f_t(-z2) s2 (G2 - z1 H);
 * the G2 term vanishes (f_t(-z) = (e^{tz} - 1)/z is entire), leaving
 * -s^2 a oint oint (e^{t z1} - 1)(e^{t z2} - 1) (s2/z2) H. The variance is test - bias.</li>
 * </ul>
 * The contour is an ellipse around the interval ({@link EllipseContour}); it and the two-point matrix
 * T(z_k, z_l) (and H(z_k, z_l) when the bias is wanted) are built once for a time horizon and then reused for
 * every time up to it, at O(n^2) per time for the test loss and the bias and O(n) for the others.
 *
 * <p>Cancellation. Two places could lose digits, and neither does: the contour keeps |e^{tz}| <= 10^3, so
 * rounding errors are amplified at most about a thousandfold, and the two-point function uses the
 * subtraction-free divided difference of G (see {@link MarchenkoPasturProduct}) instead of the 0/0 quotient
 * of rf-dynamics.md. Double precision is therefore enough; no extended precision is needed. Measured:
 * contours built for horizons 10, 50 and 1000 (118 to 1986 nodes, different ellipses) agree to 2e-12 or
 * better at every t up to 50, for noiseless and noisy models and for psiN = psiP.
 */
public final class RandomFeatureFlowResolvent {
    private final RandomFeatureFlow model;
    private final MarchenkoPasturProduct law;
    private final double horizon;
    private final int half;
    private final Complex[] z;
    private final Complex[] x;
    private final Complex[] w;
    private final double[] twoPointRe;
    private final double[] twoPointIm;
    /** H(z_k, z_l) of the bias, or null when built without it. */
    private final double[] biasRe;
    private final double[] biasIm;

    /**
     * Without the bias ({@link #bias(double)}).
     *
     * @param model the model
     * @param horizon largest time that will be evaluated (the contour depends on it)
     */
    public RandomFeatureFlowResolvent(final RandomFeatureFlow model, final double horizon) {
        this(model, horizon, false);
    }

    /**
     * @param model the model
     * @param horizon largest time that will be evaluated (the contour depends on it)
     * @param withBias whether to prepare {@link #bias(double)} (a second two-point matrix, doubling the
     *     set-up cost and memory)
     */
    public RandomFeatureFlowResolvent(final RandomFeatureFlow model, final double horizon, final boolean withBias) {
        this.model = model;
        this.law = model.spectrum();
        this.horizon = Check.nonNegative("time horizon", horizon);
        // a little room beyond lambda_+ so that the edge is not exactly at a focus of the ellipse
        final EllipseContour contour = EllipseContour.around(1.01 * law.upperEdge(), 2 * horizon);
        half = contour.size();
        z = new Complex[2 * half];
        x = new Complex[2 * half];
        w = new Complex[2 * half];
        // follow the branch around the upper half of the ellipse, starting on the positive real axis
        Complex zPrev = Complex.real(contour.rightmost());
        Complex xPrev = law.xAt(zPrev);
        for (int k = 0; k < half; k++) {
            z[k] = contour.node(k);
            w[k] = contour.weight(k);
            x[k] = law.track(xPrev, zPrev, z[k]);
            xPrev = x[k];
            zPrev = z[k];
            z[half + k] = z[k].conjugate();
            w[half + k] = w[k].conjugate();
            x[half + k] = x[k].conjugate();
        }
        Memory.require("two-point function on " + 2 * half + " contour nodes",
            Memory.doubles(half, 2L * half, withBias ? 4 : 2));
        twoPointRe = new double[half * 2 * half];
        twoPointIm = new double[half * 2 * half];
        biasRe = withBias ? new double[half * 2 * half] : null;
        biasIm = withBias ? new double[half * 2 * half] : null;
        for (int k = 0; k < half; k++) {
            for (int l = 0; l < 2 * half; l++) {
                final Complex v = law.twoPoint(z[k], x[k], z[l], x[l]);
                twoPointRe[k * 2 * half + l] = v.re();
                twoPointIm[k * 2 * half + l] = v.im();
                if (withBias) {
                    final Complex b = law.independentFeaturesTwoPoint(z[k], x[k], z[l], x[l]);
                    biasRe[k * 2 * half + l] = b.re();
                    biasIm[k * 2 * half + l] = b.im();
                }
            }
        }
    }

    public RandomFeatureFlow model() {
        return model;
    }

    public double horizon() {
        return horizon;
    }

    /** Number of contour nodes (full ellipse). */
    public int nodes() {
        return 2 * half;
    }

    /** Whether {@link #bias(double)} is available. */
    public boolean hasBias() {
        return biasRe != null;
    }

    /** {@link RandomFeatureDynamics#TRAIN_LOSS} and {@link RandomFeatureDynamics#TEST_RISK} at the given times. */
    public LearningCurves losses(final double[] times) {
        final double[] grid = DynamicsModel.checkTimes(times);
        final double[] train = new double[grid.length];
        final double[] test = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            train[i] = trainLoss(grid[i]);
            test[i] = testLoss(grid[i]);
        }
        return new LearningCurves(RandomFeatureDynamics.ID, RandomFeatureDynamics.TIME, grid,
            List.of(Curve.theory(RandomFeatureDynamics.TRAIN_LOSS, train),
                Curve.theory(RandomFeatureDynamics.TEST_RISK, test)));
    }

    /** test(t) = ||Delta(t)||^2/D, noise-free target (see {@link RandomFeatureFlow}). */
    public double testLoss(final double t) {
        checkTime(t);
        final double[][] e = weighted(t, false);
        final double signal = doubleSum(twoPointRe, twoPointIm, e, e);
        if (model.isNoiseless()) {
            return signal;
        }
        double noise = 0;
        for (int k = 0; k < half; k++) {
            final Complex em1 = expm1(z[k].times(t));
            final Complex f = em1.times(em1).divide(z[k]).negate().times(law.traceB(x[k]));
            noise += f.times(w[k]).re();
        }
        return signal + model.noise() * model.noise() * law.a() * 2 * noise;
    }

    /** train(t) = (1/P) sum (y - f)^2 (see {@link RandomFeatureFlow}). */
    public double trainLoss(final double t) {
        checkTime(t);
        final double s2 = model.noise() * model.noise();
        double sum = 0;
        for (int k = 0; k < half; k++) {
            final Complex g = x[k].divide(z[k]);
            final Complex f = law.traceC(x[k]).plus(g.times(s2 * law.a()));
            sum += exp(z[k].times(2 * t)).times(f).times(w[k]).re();
        }
        return 2 * sum + s2 * (1 - law.a());
    }

    /**
     * Bias ||E_F v(t) - w*||^2/D: the test loss of the mean predictor over independent feature draws on the
     * same data, that is of an infinite ensemble (see the class comment).
     *
     * @throws IllegalArgumentException when this resolvent was built without the bias
     */
    public double bias(final double t) {
        checkTime(t);
        Check.that(biasRe != null, "This resolvent was built without the bias; build it with withBias = true.");
        final double[][] e = weighted(t, false);
        final double signal = doubleSum(biasRe, biasIm, e, e);
        if (model.isNoiseless()) {
            return signal;
        }
        final double[][] m = weighted(t, true);
        final double[][] scaled = new double[2][2 * half];
        for (int l = 0; l < 2 * half; l++) {
            final Complex v = new Complex(m[0][l], m[1][l]).times(law.sFromX(x[l])).divide(z[l]);
            scaled[0][l] = v.re();
            scaled[1][l] = v.im();
        }
        return signal - model.noise() * model.noise() * law.a() * doubleSum(biasRe, biasIm, m, scaled);
    }

    /**
     * Weighted factors on the full contour, {re, im}: w_l e^{t z_l}, or w_l (e^{t z_l} - 1) when
     * {@code minusOne}.
     */
    private double[][] weighted(final double t, final boolean minusOne) {
        final double[][] out = new double[2][2 * half];
        for (int l = 0; l < 2 * half; l++) {
            final Complex e = (minusOne ? expm1(z[l].times(t)) : exp(z[l].times(t))).times(w[l]);
            out[0][l] = e.re();
            out[1][l] = e.im();
        }
        return out;
    }

    /**
     * sum_k sum_l left_k M(z_k, z_l) right_l over the full contour, from the rows k of the upper half
     * (the summand at conj z_k is the conjugate): 2 Re sum_{k upper} left_k sum_l M_kl right_l.
     */
    private double doubleSum(final double[] mRe, final double[] mIm, final double[][] left, final double[][] right) {
        double sum = 0;
        for (int k = 0; k < half; k++) {
            double sRe = 0;
            double sIm = 0;
            final int row = k * 2 * half;
            for (int l = 0; l < 2 * half; l++) {
                final double tr = mRe[row + l];
                final double ti = mIm[row + l];
                sRe += tr * right[0][l] - ti * right[1][l];
                sIm += tr * right[1][l] + ti * right[0][l];
            }
            sum += left[0][k] * sRe - left[1][k] * sIm;
        }
        return 2 * sum;
    }

    /** Noiseless test loss of the Hermitian counterpart, (1/D) tr e^{-2tBC}. */
    public double hermitianTestLoss(final double t) {
        checkTime(t);
        double sum = 0;
        for (int k = 0; k < half; k++) {
            sum += exp(z[k].times(2 * t)).times(x[k].divide(z[k])).times(w[k]).re();
        }
        return 2 * sum;
    }

    public double[] hermitianTestLoss(final double[] times) {
        final double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            out[i] = hermitianTestLoss(times[i]);
        }
        return out;
    }

    private void checkTime(final double t) {
        Check.that(t >= 0 && t <= horizon * (1 + 1e-12), "Time " + t + " is outside [0, " + horizon
            + "], the horizon this resolvent was built for; build one with a larger horizon.");
    }

    private static Complex exp(final Complex v) {
        final double m = Math.exp(v.re());
        return new Complex(m * Math.cos(v.im()), m * Math.sin(v.im()));
    }

    /** e^v - 1 without cancellation for small |v|: Re = expm1(x) cos y - 2 sin^2(y/2). */
    private static Complex expm1(final Complex v) {
        final double sinHalf = Math.sin(v.im() / 2);
        return new Complex(Math.expm1(v.re()) * Math.cos(v.im()) - 2 * sinHalf * sinHalf,
            Math.exp(v.re()) * Math.sin(v.im()));
    }
}
