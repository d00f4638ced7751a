package org.rmtlab.core.dynamics;

import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;

/**
 * Dynamical mean-field theory (DMFT) of {@link RandomFeatureFlow}, solved in the time domain: the response
 * and two-time correlation functions of the single-site processes, on a uniform time grid.
 *
 * <p><b>Single-site processes.</b> Write the flow through its fields: the training residual
 * e = eps - X^T Delta/sqrt(D) (data space, P sites), g = sqrt(D) X e/P (input space, so that
 * dDelta/dt = B g) and q = F g/sqrt(D) (feature space, N sites). For each of the two independent Gaussian
 * matrices X and F the cavity method (Bordelon and Pehlevan 2026, DMFT of linear time-invariant systems and
 * of random-feature gradient flow) replaces a field by a Gaussian noise plus the linear response to the
 * site's own past. With phi = D/N and a = D/P:
 * <ul>
 * <li>data site: X^T Delta/sqrt(D) = eta_h + R_Delta e, e = eps - X^T Delta/sqrt(D), eta_h ~ GP(0, C_Delta);</li>
 * <li>feature site: q = eta_q + R_g q, eta_q ~ GP(0, C_g);</li>
 * <li>input site: g = zeta_g + R_e Delta and dDelta/dt = zeta_b + R_q g from Delta(0) = -w*, with
 * zeta_g ~ GP(0, a C_e) and zeta_b ~ GP(0, phi C_q);</li>
 * </ul>
 * where C_Delta(t, t') = Delta(t).Delta(t')/D, C_e = e.e/P, C_g = g.g/D, C_q = q.q/N, and each R is the
 * response of a site variable to a field added to the other side of its matrix. All responses are
 * time-translation invariant; in the Laplace domain R_e = -1/(1 + R_Delta), R_q = 1/(1 - R_g),
 * R_Delta = a R_q G, R_g = phi R_e G, and the propagator of Delta is G(z) = 1/(z - R_q R_e). Solving gives
 * R_e = -t, R_q = s and G = 1/(z + t s) with t = 1 - a u, s = 1 - phi u, u = 1 - zG: exactly the cubic and
 * the relations of {@link MarchenkoPasturProduct}.
 *
 * <p><b>Response.</b> Everything is expressed through the propagator G(tau) = (1/D) tr e^{-tau BC} and its
 * rate u = -G': back in the time domain G(z)(z + ts) = 1 reads
 * u = G - (a + phi) u*G + a phi u*u*G, G(0) = u(0) = 1 (* is the causal convolution).
 *
 * <p><b>Correlations.</b> Eliminating the responses and the feature-space variables leaves three two-time
 * functions, with (A x A) C (t, t') = int int A(t - r) A(t' - r') C(r, r') dr dr' and w* of unit variance:
 * <pre>
 *   C_Delta = G(t) G(t') + (Gs x Gs)[phi C_g + a C_e]
 *   C_e     = s^2 tau(t) tau(t') + (T x T) C_Delta
 *   C_g     = a (Z x Z) C_e + tG(t) tG(t') + phi (u x u) C_g
 * </pre>
 * with kernels Gs = G - phi u*G (the transform G s), T = delta - a u (t), Z = delta - u (zG),
 * tG = G - a u*G and tau(t) = 1 - a + a G(t) (the response of the residual to the label noise). Then
 * test(t) = C_Delta(t, t) and train(t) = C_e(t, t). The Laplace transform of these equations reproduces
 * the two-point function of rf-dynamics.md; the tests check the time-domain solution against
 * {@link RandomFeatureFlowResolvent} and against {@link RandomFeatureFlowSimulation}.
 *
 * <p><b>Bias over feature draws.</b> Two copies of the flow on the same data (X, eps, w*) with independent
 * F1, F2 have replica-diagonal responses (perturbing one copy does not move the other), and their noises are
 * correlated exactly where they share a random matrix: zeta_g and eta_h come from X (cross covariances
 * a C_e^12 and C_Delta^12), eps and Delta(0) = -w* are shared, while zeta_b and eta_q come from F1 and F2
 * and are independent. The cross correlations C^12_Delta = Delta_1.Delta_2/D and C^12_e = e_1.e_2/P therefore
 * obey the equations above without the feature noise:
 * <pre>
 *   C^12_Delta = G(t) G(t') + a (Gs x Gs) C^12_e
 *   C^12_e     = s^2 tau(t) tau(t') + (T x T) C^12_Delta
 * </pre>
 * and bias(t) = C^12_Delta(t, t) = ||E_F Delta(t)||^2/D, the test loss of an infinite ensemble (see
 * {@link RandomFeatureDynamics}). The Laplace transform reproduces
 * {@link MarchenkoPasturProduct#independentFeaturesTwoPoint}, an independent derivation that the tests compare.
 *
 * <p><b>Discretisation.</b> Every one- and two-time convolution uses the trapezoidal rule on the grid
 * t_i = i h. The unknowns at the newest grid point enter through the end-point weights; they are solved for
 * exactly (a 2 x 2 system per step for the propagator, 3 x 3 per grid point (t_i, t_j) for the
 * correlations), marching row by row over the lower triangle. The DMFT noises are smooth in time (no
 * white noise), so the global error is O(h^2) with an expansion in powers of h^2, and
 * {@link #solveExtrapolated} combines h and h/2 (Richardson) into an O(h^4) solution. The error is set by
 * h lambda_+, lambda_+ = {@link MarchenkoPasturProduct#upperEdge()} being the fastest rate. Measured against
 * {@link RandomFeatureFlowResolvent} on [0, 8] (max over the grid, train and test): h lambda_+ = 0.34 gives
 * 1e-3 plain and 3e-7 extrapolated (from h and h/2), h lambda_+ = 0.17 gives 3e-4 and 2e-8; each halving
 * of h divides the errors by 4 and 16 ({@code org.rmtlab.bench.RandomFeatureFlowAccuracy} in the bench module prints the table).
 *
 * <p><b>Cost.</b> O(n^2) for the propagator and about 3.3 n^3 multiply-adds for the correlations
 * (n = steps + 1: four two-sided convolutions, each updated in O(m^2) per row m), with 8 n^2 doubles of
 * memory; the extrapolated solution costs nine times the plain one. With the bias, six convolutions and
 * 12 n^2 doubles: measured 1.7 to 1.8 times the time without it (200 and 400 steps). Measured on the shared 2-core build
 * machine (best of three, under load): 400 steps 0.08 to 0.6 s, 800 steps 0.7 to 2.6 s, 1600 steps about
 * 7 s; extrapolated from 200 steps 0.2 to 0.7 s. For long horizons {@link RandomFeatureFlowResolvent} is
 * the fast evaluator; this solver provides the two-time functions and the independent time-domain check.
 */
public final class RandomFeatureFlowDmft {
    /** Rows from which the four convolutions are updated in parallel. */
    private static final int PARALLEL_ROW = 128;
    /** Rows whose sums over earlier rows are accumulated in one pass over the stored arrays. */
    private static final int BLOCK = 16;

    private final RandomFeatureFlow model;

    public RandomFeatureFlowDmft(final RandomFeatureFlow model) {
        this.model = model;
    }

    public RandomFeatureFlow model() {
        return model;
    }

    /** Bytes of the two-time arrays for a grid of {@code steps} steps, without the bias. */
    public static long memoryBytes(final int steps) {
        return memoryBytes(steps, false);
    }

    /** Bytes of the two-time arrays for a grid of {@code steps} steps, with or without the bias. */
    public static long memoryBytes(final int steps, final boolean withBias) {
        return Memory.doubles(steps + 1L, steps + 1L, withBias ? 12 : 8);
    }

    /** {@link #solve(double, int, boolean, Progress)} without the bias. */
    public DmftSolution solve(final double tMax, final int steps, final Progress progress) throws CancelledException {
        return solve(tMax, steps, false, progress);
    }

    /**
     * Second-order solution on the grid t_i = i tMax/steps.
     *
     * @param tMax end of the time grid, > 0
     * @param steps number of steps, >= 4
     * @param withBias whether to solve the cross-replica equations for the bias too (half again the cost)
     */
    public DmftSolution solve(final double tMax, final int steps, final boolean withBias, final Progress progress)
        throws CancelledException {
        Check.positive("DMFT time horizon", tMax);
        Check.that(steps >= 4, "The DMFT grid needs at least 4 steps, but has " + steps + ".");
        Memory.require("DMFT two-time grid with " + (steps + 1) + " points", memoryBytes(steps, withBias));
        final int n = steps + 1;
        final double h = tMax / steps;
        final double phi = 1 / model.psiN();
        final double a = 1 / model.psiP();
        final double s2 = model.noise() * model.noise();

        final double[] g = new double[n];
        final double[] u = new double[n];
        final double[] ug = new double[n];
        propagator(phi, a, h, g, u, ug);

        final double[] kernelGs = new double[n];
        final double[] kernelT = new double[n];
        final double[] kernelZ = new double[n];
        final double[] tau = new double[n];
        final double[] tg = new double[n];
        for (int i = 0; i < n; i++) {
            kernelGs[i] = g[i] - phi * ug[i];
            kernelT[i] = -a * u[i];
            kernelZ[i] = -u[i];
            tau[i] = 1 - a + a * g[i];
            tg[i] = g[i] - a * ug[i];
        }
        final double[][] cDelta = new double[n][n];
        final double[][] cE = new double[n][n];
        final double[][] cG = new double[n][n];
        final double[][] mix = new double[n][n];
        final Congruence gs = new Congruence(kernelGs, 0, h, mix);
        final Congruence tt = new Congruence(kernelT, 1, h, cDelta);
        final Congruence zz = new Congruence(kernelZ, 1, h, cE);
        final Congruence uu = new Congruence(u, 0, h, cG);
        // cross-replica correlations C^12_Delta and a C^12_e, for the bias
        final double[][] cross = withBias ? new double[n][n] : null;
        final double[][] crossMix = withBias ? new double[n][n] : null;
        final Congruence gs12 = withBias ? new Congruence(kernelGs, 0, h, crossMix) : null;
        final Congruence tt12 = withBias ? new Congruence(kernelT, 1, h, cross) : null;
        final Congruence[] all = withBias ? new Congruence[] {gs, tt, zz, uu, gs12, tt12}
            : new Congruence[] {gs, tt, zz, uu};
        final double total = (double) n * n * n;
        for (int m = 0; m < n; m++) {
            if (m % BLOCK == 0) {
                progress.checkCancelled();
                progress.report((double) m * m * m / total, "DMFT row " + (m + 1) + " of " + n);
                final int start = m;
                final int end = Math.min(n, m + BLOCK);
                forEach(all, m, c -> c.beginBlock(start, end));
            }
            for (Congruence c : all) {
                c.beginRow(m);
            }
            for (int j = 0; j <= m; j++) {
                if (j == m) {
                    for (Congruence c : all) {
                        c.prepareDiagonal(m);
                    }
                }
                final double kGs = gs.constant(m, j);
                final double kT = tt.constant(m, j);
                final double kZ = zz.constant(m, j);
                final double kU = uu.constant(m, j);
                final double cGs = gs.coefficient(m, j);
                final double cT = tt.coefficient(m, j);
                final double cZ = zz.coefficient(m, j);
                final double cU = uu.coefficient(m, j);
                // C_g = g0 + g1 C_e; C_Delta = d0 + d1 C_e; C_e = e0 + cT C_Delta
                final double gDen = 1 - phi * cU;
                final double g0 = (a * kZ + tg[m] * tg[j] + phi * kU) / gDen;
                final double g1 = a * cZ / gDen;
                final double d0 = g[m] * g[j] + kGs + cGs * phi * g0;
                final double d1 = cGs * (phi * g1 + a);
                final double e0 = s2 * tau[m] * tau[j] + kT;
                final double ce = (e0 + cT * d0) / (1 - cT * d1);
                final double cd = d0 + d1 * ce;
                final double cg = g0 + g1 * ce;
                setSymmetric(cDelta, m, j, cd);
                setSymmetric(cE, m, j, ce);
                setSymmetric(cG, m, j, cg);
                setSymmetric(mix, m, j, phi * cg + a * ce);
                if (withBias) {
                    // the same elimination without the feature noise; Gs and T have the coefficients above
                    final double b0 = g[m] * g[j] + gs12.constant(m, j);
                    final double b1 = cGs * a;
                    final double f0 = s2 * tau[m] * tau[j] + tt12.constant(m, j);
                    final double ce12 = (f0 + cT * b0) / (1 - cT * b1);
                    setSymmetric(cross, m, j, b0 + b1 * ce12);
                    setSymmetric(crossMix, m, j, a * ce12);
                }
                for (Congruence c : all) {
                    c.commit(m, j);
                }
            }
        }
        progress.report(1, "DMFT done");
        final double[] times = new double[n];
        final double[] train = new double[n];
        final double[] test = new double[n];
        final double[] bias = withBias ? new double[n] : null;
        final double[] unknown = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * h;
            train[i] = cE[i][i];
            test[i] = cDelta[i][i];
            if (withBias) {
                bias[i] = cross[i][i];
            }
            unknown[i] = Double.NaN;
        }
        times[n - 1] = tMax;
        return new DmftSolution(times, train, test, unknown, unknown.clone(), g, cDelta, cE, bias,
            withBias ? unknown.clone() : null);
    }

    /** {@link #solveExtrapolated(double, int, boolean, Progress)} without the bias. */
    public DmftSolution solveExtrapolated(final double tMax, final int steps, final Progress progress)
        throws CancelledException {
        return solveExtrapolated(tMax, steps, false, progress);
    }

    /**
     * Fourth-order solution: Richardson extrapolation (4 fine - coarse)/3 of the solutions with {@code steps}
     * and 2 {@code steps} steps, on the coarse grid, with the error estimates of {@link DmftSolution}.
     */
    public DmftSolution solveExtrapolated(final double tMax, final int steps, final boolean withBias,
        final Progress progress) throws CancelledException {
        Check.that(steps >= 4 && steps <= Integer.MAX_VALUE / 2 - 1,
            "The DMFT grid needs between 4 and 2^30 steps, but has " + steps + ".");
        Memory.require("DMFT two-time grid with " + (2 * steps + 1) + " points",
            memoryBytes(2 * steps, withBias) + Memory.doubles(steps + 1L, steps + 1L, 2));
        final DmftSolution coarse = solve(tMax, steps, withBias, progress.sub(0, 1 / 9.0));
        final DmftSolution fine = solve(tMax, 2 * steps, withBias, progress.sub(1 / 9.0, 8 / 9.0));
        final int n = steps + 1;
        final double[] train = new double[n];
        final double[] test = new double[n];
        final double[] trainError = new double[n];
        final double[] testError = new double[n];
        final double[] propagator = new double[n];
        final double[] bias = withBias ? new double[n] : null;
        final double[] biasError = withBias ? new double[n] : null;
        final double[][] testCorrelation = new double[n][n];
        final double[][] trainCorrelation = new double[n][n];
        for (int i = 0; i < n; i++) {
            train[i] = richardson(coarse.train()[i], fine.train()[2 * i]);
            test[i] = richardson(coarse.test()[i], fine.test()[2 * i]);
            trainError[i] = Math.abs(train[i] - fine.train()[2 * i]);
            testError[i] = Math.abs(test[i] - fine.test()[2 * i]);
            propagator[i] = richardson(coarse.propagator()[i], fine.propagator()[2 * i]);
            if (withBias) {
                bias[i] = richardson(coarse.bias()[i], fine.bias()[2 * i]);
                biasError[i] = Math.abs(bias[i] - fine.bias()[2 * i]);
            }
            for (int j = 0; j < n; j++) {
                testCorrelation[i][j] = richardson(coarse.testCorrelation()[i][j], fine.testCorrelation()[2 * i][2 * j]);
                trainCorrelation[i][j] = richardson(coarse.trainCorrelation()[i][j],
                    fine.trainCorrelation()[2 * i][2 * j]);
            }
        }
        return new DmftSolution(coarse.times(), train, test, trainError, testError, propagator, testCorrelation,
            trainCorrelation, bias, biasError);
    }

    /**
     * The propagator G(tau) = (1/D) tr e^{-tau BC} alone on tau_i = i tauMax/steps, Richardson-extrapolated
     * from {@code steps} and 2 {@code steps} steps: O(steps^2), without the two-time functions. The
     * Hermitian counterpart's test loss is G(2t).
     */
    public double[] propagator(final double tauMax, final int steps) {
        Check.positive("DMFT time horizon", tauMax);
        Check.that(steps >= 4 && steps <= Integer.MAX_VALUE / 2 - 1,
            "The DMFT grid needs between 4 and 2^30 steps, but has " + steps + ".");
        Memory.require("DMFT propagator with " + (2 * steps + 1) + " points", Memory.doubles(2L * steps + 1, 1, 3));
        final double phi = 1 / model.psiN();
        final double a = 1 / model.psiP();
        final double[][] coarse = new double[3][steps + 1];
        propagator(phi, a, tauMax / steps, coarse[0], coarse[1], coarse[2]);
        final double[][] fine = new double[3][2 * steps + 1];
        propagator(phi, a, tauMax / (2 * steps), fine[0], fine[1], fine[2]);
        final double[] out = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            out[i] = richardson(coarse[0][i], fine[0][2 * i]);
        }
        return out;
    }

    /**
     * Runs the O(m^2 BLOCK) block updates of the four convolutions, in parallel once rows are long enough to
     * pay for it. Each convolution is updated by one thread in a fixed order, so results do not depend on
     * threads.
     */
    private static void forEach(final Congruence[] all, final int m, final java.util.function.Consumer<Congruence> op) {
        if (m < PARALLEL_ROW) {
            for (Congruence c : all) {
                op.accept(c);
            }
        } else {
            java.util.Arrays.stream(all).parallel().forEach(op);
        }
    }

    private static double richardson(final double coarse, final double fine) {
        return (4 * fine - coarse) / 3;
    }

    /**
     * G, u = -G' and u*G on the grid from u = G - (a + phi) u*G + a phi u*(u*G), G' = -u, trapezoidal rule
     * throughout; at step i the end-point terms make a linear system in (u_i, G_i), solved exactly.
     */
    static void propagator(final double phi, final double a, final double h, final double[] g, final double[] u,
        final double[] ug) {
        final int n = g.length;
        g[0] = 1;
        u[0] = 1;
        ug[0] = 0;
        final double c = a * phi * h / 2 - (a + phi);
        for (int i = 1; i < n; i++) {
            // interior trapezoid sums of (u*G)(t_i) and (u*(u*G))(t_i); end points handled below
            double inner = 0;
            double innerTwice = 0;
            for (int k = 1; k < i; k++) {
                inner += u[k] * g[i - k];
                innerTwice += u[k] * ug[i - k];
            }
            inner *= h;
            innerTwice *= h;
            // G_i = g0 - (h/2) u_i; (u*G)_i = inner + (h/2)(G_i + u_i); (u*u*G)_i = innerTwice + (h/2)(u*G)_i
            final double g0 = g[i - 1] - h / 2 * u[i - 1];
            final double rhs = g0 + c * (inner + h / 2 * g0) + a * phi * innerTwice;
            u[i] = rhs / (1 + h / 2 - c * h / 2 * (1 - h / 2));
            g[i] = g0 - h / 2 * u[i];
            ug[i] = inner + h / 2 * (g[i] + u[i]);
        }
    }

    private static void setSymmetric(final double[][] c, final int m, final int j, final double value) {
        c[m][j] = value;
        c[j][m] = value;
    }

    /**
     * The two-sided convolution Y = A X A^T of a symmetric two-time function X with the causal operator
     * A = delta_coefficient I + trapezoidal matrix of a kernel, marched row by row. It keeps
     * U = X A^T (U(k, j) = sum_{l <= j} X(k, l) A(j, l)), so that
     * Y(m, j) = sum_{k < m} A(m, k) U(k, j) + A(m, m) sum_{l < j} X(m, l) A(j, l) + A(m, m) A(j, j) X(m, j):
     * a known part and a coefficient times the unknown X(m, j).
     *
     * <p>The sums over earlier rows dominate the cost (O(m^2) per row) and are limited by memory bandwidth
     * once U and X outgrow the cache, so they are accumulated for a block of {@link #BLOCK} rows in a single
     * pass over U and X ({@link #beginBlock}); each row then adds the few terms from inside its block.
     */
    private static final class Congruence {
        private final double[] kernel;
        private final double delta;
        private final double h;
        private final double[][] input;
        private final double[][] half;
        /** Rows A(m, .) of the current block. */
        private final double[][] blockRows;
        /** sum_{k < m0} A(m, k) U(k, j), j < m0, for the rows m of the current block. */
        private final double[][] blockKnown;
        /** sum_{l < m0} X(k, l) A(m, l), k < m0, the part of U(k, m) before the block. */
        private final double[][] blockHalf;
        private final double[] known;
        private int blockStart;
        private double[] row;
        private double knownDiagonal;
        private double pending;

        Congruence(final double[] kernel, final double delta, final double h, final double[][] input) {
            this.kernel = kernel;
            this.delta = delta;
            this.h = h;
            this.input = input;
            final int n = kernel.length;
            this.half = new double[n][n];
            this.blockRows = new double[BLOCK][n];
            this.blockKnown = new double[BLOCK][n];
            this.blockHalf = new double[BLOCK][n];
            this.known = new double[n];
        }

        /** A(i, l) for l <= i. */
        private double entry(final int i, final int l) {
            if (i == 0) {
                return delta;
            }
            final double weight = (l == 0 || l == i) ? h / 2 : h;
            return (i == l ? delta : 0) + weight * kernel[i - l];
        }

        /** Rows m0 <= m < m1: their rows of A and their sums over the rows k < m0, in one pass. */
        void beginBlock(final int m0, final int m1) {
            blockStart = m0;
            final int rows = m1 - m0;
            for (int b = 0; b < rows; b++) {
                final int m = m0 + b;
                for (int l = 0; l <= m; l++) {
                    blockRows[b][l] = entry(m, l);
                }
                java.util.Arrays.fill(blockKnown[b], 0, m0, 0);
            }
            for (int k = 0; k < m0; k++) {
                final double[] uk = half[k];
                final double[] xk = input[k];
                for (int b = 0; b < rows; b++) {
                    final double[] ab = blockRows[b];
                    final double amk = ab[k];
                    final double[] kb = blockKnown[b];
                    double v = 0;
                    for (int j = 0; j < m0; j++) {
                        kb[j] += amk * uk[j];
                        v += xk[j] * ab[j];
                    }
                    blockHalf[b][k] = v;
                }
            }
        }

        /** The part of Y(m, j), j < m, that depends on earlier rows only. */
        void beginRow(final int m) {
            final int m0 = blockStart;
            row = blockRows[m - m0];
            System.arraycopy(blockKnown[m - m0], 0, known, 0, m0);
            java.util.Arrays.fill(known, m0, m, 0);
            for (int k = 0; k < m; k++) {
                final double amk = row[k];
                final double[] uk = half[k];
                for (int j = k < m0 ? m0 : 0; j < m; j++) {
                    known[j] += amk * uk[j];
                }
            }
        }

        /** Once X(m, l) is known for l < m: U(k, m) for k < m and the known part of Y(m, m). */
        void prepareDiagonal(final int m) {
            final int m0 = blockStart;
            final double[] before = blockHalf[m - m0];
            double sum = 0;
            for (int k = 0; k < m; k++) {
                final double[] xk = input[k];
                double v = k < m0 ? before[k] : 0;
                for (int l = k < m0 ? m0 : 0; l <= m; l++) {
                    v += xk[l] * row[l];
                }
                half[k][m] = v;
                sum += row[k] * v;
            }
            knownDiagonal = sum;
        }

        /** Known part of Y(m, j). */
        double constant(final int m, final int j) {
            final double[] xm = input[m];
            double p = 0;
            if (j > 0) {
                p = h / 2 * xm[0] * kernel[j];
                double interior = 0;
                for (int l = 1; l < j; l++) {
                    interior += xm[l] * kernel[j - l];
                }
                p += h * interior;
            }
            pending = p;
            return (j < m ? known[j] : knownDiagonal) + row[m] * p;
        }

        /** Coefficient of X(m, j) in Y(m, j). */
        double coefficient(final int m, final int j) {
            return row[m] * entry(j, j);
        }

        /** Records U(m, j) once X(m, j) is set. */
        void commit(final int m, final int j) {
            half[m][j] = pending + entry(j, j) * input[m][j];
        }
    }
}
