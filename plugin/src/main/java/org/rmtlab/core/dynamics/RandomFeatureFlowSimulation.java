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
 * <p>Solution (rf-dynamics.md, "Reduction"): with K = X^T B X/P = V diag(kappa) V^T (P x P, symmetric),
 * Delta(t) = Delta0 + B X V [g_t(kappa) o (sqrt(D) V^T eps - V^T X^T Delta0)]/P, g_t(k) = (1 - e^{-tk})/k,
 * Delta0 = -w*. It follows from writing Delta(t) = Delta0 + B X c(t)/P, which turns the D-dimensional
 * flow into dc/dt = -K c + sqrt(D) eps - X^T Delta0. The training residual obeys de/dt = -K e, so
 * e(t) = V e^{-t kappa} V^T y. One symmetric eigen-decomposition per trial serves every time; the cost is
 * O(N D^2 + D^2 P + D P^2 + P^3) per trial plus O(D P) per time.
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

    /** Bytes of the matrices of one trial: F, B, X, B X, K, its eigenvectors and the workspace, B X V. */
    public long memoryBytes() {
        return Memory.doubles(n, d, 1) + Memory.doubles(d, d, 1) + Memory.doubles(d, p, 3) + Memory.doubles(p, p, 3);
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

        final DMatrixRMaj b = new DMatrixRMaj(d, d);
        CommonOps_MT_DDRM.multTransA(1.0 / n, f, f, b);
        final DMatrixRMaj bx = new DMatrixRMaj(d, p);
        CommonOps_MT_DDRM.mult(b, x, bx);
        final DMatrixRMaj k = new DMatrixRMaj(p, p);
        CommonOps_MT_DDRM.multTransA(1.0 / p, x, bx, k);
        symmetrise(k);
        progress.checkCancelled();
        final SymmetricEigen eig = SymmetricEigen.of(k);
        progress.checkCancelled();
        final DMatrixRMaj v = eig.vectors();
        final double[] kappa = eig.values();

        // X^T w*, the source sqrt(D) eps + X^T w* of c(t), and the labels y = X^T w*/sqrt(D) + eps
        final double[] xtw = new double[p];
        for (int i = 0; i < d; i++) {
            final double wi = wStar[i];
            final int row = i * p;
            for (int j = 0; j < p; j++) {
                xtw[j] += x.data[row + j] * wi;
            }
        }
        final double sqrtD = Math.sqrt(d);
        final double[] source = new double[p];
        final double[] y = new double[p];
        for (int j = 0; j < p; j++) {
            source[j] = sqrtD * eps[j] + xtw[j];
            y[j] = xtw[j] / sqrtD + eps[j];
        }
        final double[] r = transposeTimes(v, source);
        final double[] yv = transposeTimes(v, y);
        final DMatrixRMaj m = new DMatrixRMaj(d, p);
        CommonOps_MT_DDRM.mult(bx, v, m);

        final double[] train = new double[times.length];
        final double[] test = new double[times.length];
        final double[] c = new double[p];
        for (int ti = 0; ti < times.length; ti++) {
            final double t = times[ti];
            double trainSum = 0;
            for (int j = 0; j < p; j++) {
                c[j] = flowIntegral(t, kappa[j]) * r[j] / p;
                trainSum += Math.exp(-2 * t * kappa[j]) * yv[j] * yv[j];
            }
            train[ti] = trainSum / p;
            double testSum = 0;
            for (int i = 0; i < d; i++) {
                double delta = -wStar[i];
                final int row = i * p;
                for (int j = 0; j < p; j++) {
                    delta += m.data[row + j] * c[j];
                }
                testSum += delta * delta;
            }
            test[ti] = testSum / d;
        }
        return new double[][] {train, test};
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
