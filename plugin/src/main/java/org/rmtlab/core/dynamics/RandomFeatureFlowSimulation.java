package org.rmtlab.core.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;
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
 * Then test(t) = ||F^T a(t)/sqrt(N) - w*||^2/D and train(t) = ||e(t)||^2/P. One symmetric eigen-decomposition
 * per trial serves every time: O(N D P + min(N, P)^2 max(N, P, D) + min(N, P)^3) per trial plus
 * O(min(N, P) (D + P)) per time.
 *
 * <p>Determinism: trial k uses the k-th stream split from the seed, and draws F (row by row), X, w*, eps in
 * that order (so {@link HermitianCounterpart} with the same seed sees the same F, X and w*).
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

    /**
     * @param times non-negative times at which to record the losses
     * @param trials number of independent trials (fresh F, X, w*, eps each)
     * @param seed seed of the random streams
     */
    public SimulatedLossCurves simulate(final double[] times, final int trials, final long seed, final Progress progress)
        throws CancelledException {
        checkTimes(times);
        Check.positive("trials", trials);
        Memory.require(String.format("random-feature flow simulation with D = %d, N = %d, P = %d", d, n, p),
            memoryBytes());
        final Rng root = new Rng(seed);
        final TrialStatistics train = new TrialStatistics(times.length);
        final TrialStatistics test = new TrialStatistics(times.length);
        for (int k = 0; k < trials; k++) {
            progress.checkCancelled();
            progress.report(k / (double) trials, "trial " + (k + 1) + " of " + trials);
            final double[][] losses = trial(times, root.split(), progress);
            train.add(losses[0]);
            test.add(losses[1]);
        }
        progress.report(1, "done");
        return new SimulatedLossCurves(times.clone(), train.mean(), test.mean(), train.standardError(),
            test.standardError(), trials, d);
    }

    static void checkTimes(final double[] times) {
        Check.that(times.length > 0, "Give at least one time.");
        for (double t : times) {
            Check.that(t >= 0 && Double.isFinite(t), "Times must be finite and >= 0, but one is " + t + ".");
        }
    }

    /** One trial: {train, test} at every time. */
    double[][] trial(final double[] times, final Rng rng, final Progress progress) throws CancelledException {
        final DMatrixRMaj f = new DMatrixRMaj(n, d);
        rng.gaussians(f.data, 1.0);
        final DMatrixRMaj x = new DMatrixRMaj(d, p);
        rng.gaussians(x.data, 1.0);
        final double[] wStar = new double[d];
        rng.gaussians(wStar, 1.0);
        final double[] eps = new double[p];
        rng.gaussians(eps, model.noise());

        final double sqrtD = Math.sqrt(d);
        final double sqrtN = Math.sqrt(n);
        final DMatrixRMaj phi = new DMatrixRMaj(n, p);
        CommonOps_MT_DDRM.mult(1 / sqrtD, f, x, phi);
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
        progress.checkCancelled();
        final double scale = d / ((double) p * n);
        // at time t, with c = g_t(rate) o coefficients: F^T a/sqrt(N) = weightMap c, and
        // e = y - residualMap c (N <= P) or e = V [e^{-t kappa} o V^T y] (N > P)
        final double[] rate;
        final double[] coefficients;
        final DMatrixRMaj weightMap;
        final DMatrixRMaj residualMap;
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
        progress.checkCancelled();

        final int m = rate.length;
        final double[] train = new double[times.length];
        final double[] test = new double[times.length];
        final double[] c = new double[m];
        for (int ti = 0; ti < times.length; ti++) {
            final double t = times[ti];
            for (int j = 0; j < m; j++) {
                c[j] = flowIntegral(t, rate[j]) * coefficients[j];
            }
            test[ti] = distanceSquared(weightMap, c, wStar) / d;
            if (residualMap != null) {
                train[ti] = distanceSquared(residualMap, c, y) / p;
            } else {
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    final double r = Math.exp(-t * rate[j]) * coefficients[j];
                    sum += r * r;
                }
                train[ti] = sum / p;
            }
        }
        return new double[][] {train, test};
    }

    /** ||M c - target||^2. */
    private static double distanceSquared(final DMatrixRMaj m, final double[] c, final double[] target) {
        final int cols = m.numCols;
        double sum = 0;
        for (int i = 0; i < m.numRows; i++) {
            double value = -target[i];
            final int row = i * cols;
            for (int j = 0; j < cols; j++) {
                value += m.data[row + j] * c[j];
            }
            sum += value * value;
        }
        return sum;
    }

    /** factor M v. */
    private static double[] times(final DMatrixRMaj m, final double[] vec, final double factor) {
        final int cols = m.numCols;
        final double[] out = new double[m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            double sum = 0;
            final int row = i * cols;
            for (int j = 0; j < cols; j++) {
                sum += m.data[row + j] * vec[j];
            }
            out[i] = factor * sum;
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
