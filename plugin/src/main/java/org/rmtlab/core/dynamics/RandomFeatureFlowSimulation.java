package org.rmtlab.core.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.rmtlab.core.linalg.SymmetricEigen;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * Exact finite-size simulation of {@link RandomFeatureFlow}: draws F, X, w* and eps, and evaluates the
 * gradient flow in closed form at every requested time, without time stepping.
 *
 * <p>Solution. With the feature matrix Phi = F X/sqrt(D) (N x P, column mu = phi(x_mu)) the flow is
 * da/dt = (D/(P sqrt(N))) Phi e with the training residual e = y - Phi^T a/sqrt(N), that is
 * da/dt = -Q a + b with Q = D Phi Phi^T/(P N) and b = D Phi y/(P sqrt(N)), so a(t) = g_t(Q) b with
 * g_t(k) = (1 - e^{-tk})/k; equivalently de/dt = -K e with K = D Phi^T Phi/(P N) = X^T B X/P, the form of
 * rf-dynamics.md ("Reduction"). Q and K share their non-zero eigenvalues, so the smaller one is decomposed:
 * <ul>
 * <li>N <= P: Q = W diag(lambda) W^T, a(t) = W [g_t(lambda) o W^T b], e(t) = y - Phi^T a(t)/sqrt(N);</li>
 * <li>N > P: K = V diag(kappa) V^T, e(t) = V [e^{-t kappa} o V^T y] and
 * a(t) = D Phi V [g_t(kappa) o V^T y]/(P sqrt(N)).</li>
 * </ul>
 * Then test(t) = ||v(t) - w*||^2/D with v = F^T a(t)/sqrt(N), and train(t) = ||e(t)||^2/P. One symmetric
 * eigen-decomposition per trial serves every time: O(N D P + min(N, P)^2 max(N, P, D) + min(N, P)^3) per
 * trial plus O(min(N, P) (D + P)) per time.
 *
 * <p>Ensembles of K feature draws ({@link #simulate(double[], int, int, long, Progress)} with K >= 2): K
 * independent feature matrices F_1..F_K are trained on the same data (X, eps, w*), and their predictors
 * v_k are averaged. Per trial, with Delta_k = v_k - w* and the ensemble mean Delta-bar:
 * <ul>
 * <li>ensemble test risk ||Delta-bar||^2/D, measured directly;</li>
 * <li>variance S = sum_k ||Delta_k - Delta-bar||^2/((K - 1) D), unbiased for E_F ||v - E_F v||^2/D given the
 * data;</li>
 * <li>bias ||Delta-bar||^2/D - S/K, unbiased for ||E_F v - w*||^2/D given the data (because
 * E ||Delta-bar||^2 = ||E_F Delta||^2 + Var/K).</li>
 * </ul>
 * The means over trials then estimate the quantities of {@link RandomFeatureDynamics} (bias, variance and
 * the ensemble risk bias + variance/K).
 *
 * <p>Determinism: trial k uses the k-th stream split from the seed, and draws F (row by row), X, w*, eps in
 * that order, then F_2, ..., F_K for an ensemble; so the first member is the plain simulation, and
 * {@link HermitianCounterpart} with the same seed sees the same F, X and w*.
 */
public final class RandomFeatureFlowSimulation {
    private final RandomFeatureFlow model;
    private final int d;
    private final int n;
    private final int p;

    /**
     * @param model the model (N = round(psiN D), P = round(psiP D))
     * @param dimension the input dimension D
     */
    public RandomFeatureFlowSimulation(final RandomFeatureFlow model, final int dimension) {
        this.model = model;
        this.d = Check.positive("dimension D", dimension);
        this.n = sizeOf("N = psiN D", model.psiN(), dimension);
        this.p = sizeOf("P = psiP D", model.psiP(), dimension);
    }

    static int sizeOf(final String what, final double ratio, final int dimension) {
        final double size = Math.rint(ratio * dimension);
        Check.that(size >= 1 && size <= Integer.MAX_VALUE - 8, what + " = " + size
            + " must be a whole number between 1 and 2^31; change the dimension D or the ratio.");
        return (int) size;
    }

    public RandomFeatureFlow model() {
        return model;
    }

    public int dimension() {
        return d;
    }

    public int features() {
        return n;
    }

    public int samples() {
        return p;
    }

    /**
     * Bytes of the matrices of one trial: F, X, Phi, the Gram matrix of size min(N, P), its eigenvectors and
     * the decomposition's workspace, and the two maps applied at every time.
     */
    public long memoryBytes() {
        final long m = Math.min(n, p);
        return Memory.doubles(n, d, 1) + Memory.doubles(d, p, 1) + Memory.doubles(n, p, 2) + Memory.doubles(m, m, 3)
            + Memory.doubles(d + (long) p, m, 1);
    }

    /** {@link #simulate(double[], int, int, long, Progress)} without an ensemble (K = 1). */
    public LearningCurves simulate(final double[] times, final int trials, final long seed, final Progress progress)
        throws CancelledException {
        return simulate(times, trials, 1, seed, progress);
    }

    /**
     * Means over trials and standard errors of {@link RandomFeatureDynamics#TRAIN_LOSS} and
     * {@link RandomFeatureDynamics#TEST_RISK} (the first feature draw), and for K >= 2 of
     * {@link RandomFeatureDynamics#BIAS}, {@link RandomFeatureDynamics#VARIANCE} and
     * {@link RandomFeatureDynamics#ENSEMBLE_TEST_RISK} (see the class comment).
     *
     * @param times non-negative times at which to record the losses
     * @param trials number of independent trials (fresh data and features each)
     * @param members K, the feature draws per training set (1: no ensemble)
     * @param seed seed of the random streams
     */
    public LearningCurves simulate(final double[] times, final int trials, final int members, final long seed,
        final Progress progress) throws CancelledException {
        final double[] grid = DynamicsModel.checkTimes(times);
        DynamicsModel.checkTrials(trials);
        Check.positive("ensemble size K (feature draws per training set)", members);
        Memory.require(String.format("random-feature flow simulation with D = %d, N = %d, P = %d", d, n, p),
            memoryBytes() + (members > 1 ? Memory.doubles(grid.length, d, 1) : 0));
        final Rng root = new Rng(seed);
        final CurveAccumulator acc = new CurveAccumulator(grid.length);
        for (int k = 0; k < trials; k++) {
            progress.checkCancelled();
            progress.report(k / (double) trials, "trial " + (k + 1) + " of " + trials);
            final double[][] curves = trial(grid, root.split(), members, progress);
            acc.add(RandomFeatureDynamics.TRAIN_LOSS, curves[0]);
            acc.add(RandomFeatureDynamics.TEST_RISK, curves[1]);
            if (members > 1) {
                acc.add(RandomFeatureDynamics.BIAS, curves[2]);
                acc.add(RandomFeatureDynamics.VARIANCE, curves[3]);
                acc.add(RandomFeatureDynamics.ENSEMBLE_TEST_RISK, curves[4]);
            }
        }
        progress.report(1, "done");
        return new LearningCurves(RandomFeatureDynamics.ID, RandomFeatureDynamics.TIME, grid, acc.curves());
    }

    /** One trial without an ensemble: {train, test} at every time. */
    double[][] trial(final double[] times, final Rng rng, final Progress progress) throws CancelledException {
        return trial(times, rng, 1, progress);
    }

    /** One trial: {train, test} of the first feature draw, then {bias, variance, ensemble risk} for K >= 2. */
    private double[][] trial(final double[] times, final Rng rng, final int members, final Progress progress)
        throws CancelledException {
        final DMatrixRMaj f = features(rng);
        final DMatrixRMaj x = new DMatrixRMaj(d, p);
        rng.gaussians(x.data, 1.0);
        final double[] wStar = new double[d];
        rng.gaussians(wStar, 1.0);
        final double[] eps = new double[p];
        rng.gaussians(eps, model.noise());
        final double sqrtD = Math.sqrt(d);
        final double[] y = new double[p];
        for (int i = 0; i < d; i++) {
            final double wi = wStar[i] / sqrtD;
            final int row = i * p;
            for (int j = 0; j < p; j++) {
                y[j] += x.data[row + j] * wi;
            }
        }
        for (int j = 0; j < p; j++) {
            y[j] += eps[j];
        }
        final int count = times.length;
        final double[] train = new double[count];
        final double[] test = new double[count];
        final double[][] sum = members > 1 ? new double[count][d] : null;
        final double[] squares = new double[count];
        final double[] v = new double[d];
        Member member = new Member(f, x, y, progress);
        for (int k = 0; k < members; k++) {
            if (k > 0) {
                member = new Member(features(rng), x, y, progress);
            }
            for (int ti = 0; ti < count; ti++) {
                member.weights(times[ti], v);
                double norm = 0;
                for (int i = 0; i < d; i++) {
                    final double delta = v[i] - wStar[i];
                    norm += delta * delta;
                    if (sum != null) {
                        sum[ti][i] += delta;
                    }
                }
                squares[ti] += norm;
                if (k == 0) {
                    test[ti] = norm / d;
                    train[ti] = member.train(times[ti]);
                }
            }
        }
        if (sum == null) {
            return new double[][] {train, test};
        }
        final double[] bias = new double[count];
        final double[] variance = new double[count];
        final double[] ensemble = new double[count];
        for (int ti = 0; ti < count; ti++) {
            double mean = 0;
            for (int i = 0; i < d; i++) {
                final double m = sum[ti][i] / members;
                mean += m * m;
            }
            ensemble[ti] = mean / d;
            // sum_k ||Delta_k - mean||^2 = sum_k ||Delta_k||^2 - K ||mean||^2
            variance[ti] = Math.max(0, squares[ti] - members * mean) / ((members - 1.0) * d);
            bias[ti] = ensemble[ti] - variance[ti] / members;
        }
        return new double[][] {train, test, bias, variance, ensemble};
    }

    private DMatrixRMaj features(final Rng rng) {
        final DMatrixRMaj f = new DMatrixRMaj(n, d);
        rng.gaussians(f.data, 1.0);
        return f;
    }

    /** The solution of the flow for one feature matrix F on the data (X, y), at any time. */
    private final class Member {
        private final double[] rate;
        private final double[] coefficients;
        /** v(t) = weightMap (g_t(rate) o coefficients). */
        private final DMatrixRMaj weightMap;
        /** N <= P: the fitted outputs Phi^T a/sqrt(N) = residualMap (g_t o coefficients); null for N > P. */
        private final DMatrixRMaj residualMap;
        private final double[] y;
        private final double[] scratch;

        Member(final DMatrixRMaj f, final DMatrixRMaj x, final double[] y, final Progress progress)
            throws CancelledException {
            this.y = y;
            final double sqrtN = Math.sqrt(n);
            final DMatrixRMaj phi = new DMatrixRMaj(n, p);
            CommonOps_MT_DDRM.mult(1 / Math.sqrt(d), f, x, phi);
            progress.checkCancelled();
            final double scale = d / ((double) p * n);
            if (n <= p) {
                final DMatrixRMaj q = new DMatrixRMaj(n, n);
                CommonOps_MT_DDRM.multTransB(scale, phi, phi, q);
                symmetrise(q);
                final SymmetricEigen eig = SymmetricEigen.of(q);
                rate = eig.values();
                final double[] b = times(phi, y, d / (p * sqrtN));
                coefficients = transposeTimes(eig.vectors(), b);
                // F^T a/sqrt(N) = (F^T W/sqrt(N)) [g o c]; Phi^T a/sqrt(N) = (Phi^T W/sqrt(N)) [g o c]
                weightMap = new DMatrixRMaj(d, n);
                CommonOps_MT_DDRM.multTransA(1 / sqrtN, f, eig.vectors(), weightMap);
                residualMap = new DMatrixRMaj(p, n);
                CommonOps_MT_DDRM.multTransA(1 / sqrtN, phi, eig.vectors(), residualMap);
            } else {
                final DMatrixRMaj k = new DMatrixRMaj(p, p);
                CommonOps_MT_DDRM.multTransA(scale, phi, phi, k);
                symmetrise(k);
                final SymmetricEigen eig = SymmetricEigen.of(k);
                rate = eig.values();
                final DMatrixRMaj v = eig.vectors();
                coefficients = transposeTimes(v, y);
                // F^T a/sqrt(N) = D F^T Phi V [g o V^T y]/(P N)
                final DMatrixRMaj phiV = new DMatrixRMaj(n, p);
                CommonOps_MT_DDRM.mult(phi, v, phiV);
                weightMap = new DMatrixRMaj(d, p);
                CommonOps_MT_DDRM.multTransA(scale, f, phiV, weightMap);
                residualMap = null;
            }
            scratch = new double[rate.length];
            progress.checkCancelled();
        }

        /** v(t) = F^T a(t)/sqrt(N) into out. */
        void weights(final double t, final double[] out) {
            flowCoefficients(t);
            multiply(weightMap, scratch, out);
        }

        /** train(t) = ||e(t)||^2/P. */
        double train(final double t) {
            if (residualMap == null) {
                double sum = 0;
                for (int j = 0; j < rate.length; j++) {
                    final double r = Math.exp(-t * rate[j]) * coefficients[j];
                    sum += r * r;
                }
                return sum / p;
            }
            flowCoefficients(t);
            final double[] fitted = new double[p];
            multiply(residualMap, scratch, fitted);
            double sum = 0;
            for (int j = 0; j < p; j++) {
                final double e = y[j] - fitted[j];
                sum += e * e;
            }
            return sum / p;
        }

        private void flowCoefficients(final double t) {
            for (int j = 0; j < rate.length; j++) {
                scratch[j] = flowIntegral(t, rate[j]) * coefficients[j];
            }
        }
    }

    /** out = M c. */
    private static void multiply(final DMatrixRMaj m, final double[] c, final double[] out) {
        final int cols = m.numCols;
        for (int i = 0; i < m.numRows; i++) {
            double value = 0;
            final int row = i * cols;
            for (int j = 0; j < cols; j++) {
                value += m.data[row + j] * c[j];
            }
            out[i] = value;
        }
    }

    /** factor M v. */
    private static double[] times(final DMatrixRMaj m, final double[] vec, final double factor) {
        final double[] out = new double[m.numRows];
        multiply(m, vec, out);
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    /** g_t(k) = (1 - e^{-tk})/k, = t at k = 0 (eigenvalues of K can be 0 up to rounding). */
    static double flowIntegral(final double t, final double k) {
        final double tk = t * k;
        if (Math.abs(tk) < 1e-8) {
            return t * (1 - tk / 2);
        }
        return -Math.expm1(-tk) / k;
    }

    static void symmetrise(final DMatrixRMaj m) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < i; j++) {
                final double s = 0.5 * (m.unsafe_get(i, j) + m.unsafe_get(j, i));
                m.unsafe_set(i, j, s);
                m.unsafe_set(j, i, s);
            }
        }
    }

    /** V^T v for a square V. */
    static double[] transposeTimes(final DMatrixRMaj vm, final double[] vec) {
        final int rows = vm.numRows;
        final int cols = vm.numCols;
        final double[] out = new double[cols];
        for (int i = 0; i < rows; i++) {
            final double vi = vec[i];
            final int row = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += vm.data[row + j] * vi;
            }
        }
        return out;
    }
}
