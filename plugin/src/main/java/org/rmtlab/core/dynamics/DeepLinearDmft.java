package org.rmtlab.core.dynamics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;

/**
 * Dynamical mean-field theory (DMFT) of the deep linear network of {@link DeepLinearNetwork}, any depth L &gt;= 2,
 * trained on P = (P/D) D random samples or on the population loss: train and test loss over time in the
 * proportional limit N, D, P -&gt; infinity with alpha = D / N and P / D fixed.
 *
 * <h2>Source and conventions</h2>
 * The single-site picture is that of Bordelon and Pehlevan, "Deep linear network training dynamics from
 * random initialization" (2025, arXiv 2502.02531, Sec. 3 and App. B: every hidden weight matrix is its
 * random initial value plus a spike built from the forward and backward signals; one Gaussian field and one
 * response function per random matrix) and of the DMFT review "Disordered dynamics in high dimensions"
 * (Bordelon and Pehlevan 2026, arXiv 2601.01010, the section on deep linear networks trained on random data,
 * where time-translation invariance is lost). The equations below are re-derived by the cavity method for
 * the exact parameterisation of {@link DeepLinearNetwork}: readout 1 / (gamma N) with gamma = gamma0 / sqrt(D),
 * learning rate eta = gamma0^2 N, time t in units of D steps, x ~ N(0, I_D), ||w*||^2 = D, W_l(0) entries
 * N(0, sigma_W^2), a(0) entries N(0, sigma_a^2), label noise N(0, noise^2). In these units
 * dW_l/dt = (gamma0 / sqrt(n_{l-1})) z_l h_{l-1}^T and da/dt = gamma0 h_{L-1}, with n_0 = D, n_l = N, the
 * forward error signals h_0 = g = sqrt(D) X r / P (population: g = w* - beta), h_l = W_l h_{l-1} / sqrt(n_{l-1}),
 * the backward signals z_{L-1} = a, z_{l-1} = W_l^T z_l / sqrt(N), and beta = sqrt(D / N) z_0 / gamma0
 * (the end-to-end vector, f(x) = beta . x / sqrt(D)). Only D / N, P / D, gamma0, sigma_a, sigma_W and the noise enter.
 *
 * <h2>Single-site equations</h2>
 * With W_l(t) = W_l(0) + (gamma0 / sqrt(n_{l-1})) int_0^t z_l h_{l-1}^T, each matrix W_l(0) gives a forward
 * field phi_l = W_l(0) h_{l-1} / sqrt(n_{l-1}) on its row sites and a backward field psi_{l-1} = W_l(0)^T z_l / sqrt(N)
 * on its column sites; the cavity method gives, with C_x(t, s) = x(t) . x(s) / (size of x) and R_{x,y} the
 * mean response of a site variable x to a field added to y on the same site,
 * <pre>
 *   phi_l(t)     = u_l(t) + sigma_W^2 sqrt(n_{l-1} / N) int_0^t R_{h_{l-1}, psi_{l-1}}(t, s) z_l(s) ds,    u_l ~ GP(0, sigma_W^2 C_{h_{l-1}})
 *   psi_{l-1}(t) = rho_{l-1}(t) + sigma_W^2 sqrt(N / n_{l-1}) int_0^t R_{z_l, phi_l}(t, s) h_{l-1}(s) ds,   rho_{l-1} ~ GP(0, sigma_W^2 C_{z_l})
 *   h_l(t)       = phi_l(t) + gamma0 int_0^t C_{h_{l-1}}(s, t) z_l(s) ds
 *   z_{l-1}(t)   = psi_{l-1}(t) + gamma0 sqrt(N / n_{l-1}) int_0^t C_{z_l}(s, t) h_{l-1}(s) ds
 *   da/dt        = gamma0 h_{L-1},   a(0) ~ N(0, sigma_a^2),   e = w* - sqrt(D / N) z_0 / gamma0,   w* ~ N(0, 1).
 * </pre>
 * The data matrix X gives the residual r = X^T e / sqrt(D) + eps on the P data sites and g on the input sites:
 * <pre>
 *   r(t) = w(t) + sqrt(D / P) int R_{e, gX}(t, s) r(s) ds + eps,     w ~ GP(0, C_e),   eps ~ N(0, noise^2)
 *   g(t) = sqrt(D / P) zeta(t) + int R_{r, w}(t, s) e(s) ds,          zeta ~ GP(0, C_r)
 * </pre>
 * (the responses of the data matrix act at equal times; R_{r, w} has a unit delta at s = t, so g -&gt; e
 * when P / D -&gt; infinity). Test loss C_e(t, t) = ||w* - beta||^2 / D, train loss C_r(t, t) (population:
 * C_e + noise^2), exactly the curves {@link DeepLinearNetwork#TEST_RISK} and {@link DeepLinearNetwork#TRAIN_LOSS}.
 *
 * <h2>Discretisation</h2>
 * The flow is discretised by the Euler rule (gradient descent with step h = t_max / steps) and the DMFT of
 * that discrete process is solved exactly: every single-site variable is linear in its site's Gaussian
 * sources (the attributes w*, a(0), eps and the noises), x(n) = sum_q c_q(n) A_q + sum_k sum_{s &lt;= n} M_k(n, s) xi_k(s),
 * the coefficient matrices M_k are at the same time the response functions, and correlations are
 * C_x = sum_q var(A_q) c_q c_q^T + sum_k M_k C_{xi_k} M_k^T. Because every equation is causal (the only
 * equal-time couplings are explicit in the order readout, backward pass, data, forward pass), the rows of all
 * M and C at step n follow from earlier rows: no iteration, no sampling. The result is the exact large-size
 * limit of gradient descent with step h, which differs from the flow by O(h); {@link #solveExtrapolated}
 * combines h and h/2 (Richardson) into an O(h^2) solution.
 *
 * <h2>Limits and checks</h2>
 * L = 2 on the population loss reduces to {@link DeepLinearTheory} (an independent derivation; agreement to the
 * grid accuracy is tested). gamma0 -&gt; 0 with sigma_a = 0 and sigma_W = 1 is the linear random-feature flow
 * {@link RandomFeatureFlow} with psi_N = N / D = 1 / alpha and psi_P = P / D (features F = W1(0), v = beta, the same
 * time units: d beta/dt = (W1^T W1 / N) g in both), tested against {@link RandomFeatureFlowResolvent}.
 *
 * <h2>Cost</h2>
 * O(steps^3) time (each step sums earlier rows of the coefficient matrices) and O(steps^2) memory
 * ({@link #memoryBytes}); see {@link #DEFAULT_STEPS} for measured accuracy and timings.
 */
public final class DeepLinearDmft {
    /** Value of {@code dataRatio} for the population loss (infinite data). */
    public static final double POPULATION = Double.POSITIVE_INFINITY;

    /**
     * Grid of {@link #curves}: Richardson from 200 and 400 Euler steps. Measured against the extrapolated
     * 800-step solution (max over the grid, train and test), with the time on the shared 2-core machine:
     * L = 2, alpha = 1, P = 1.5 D, gamma0 = 1, t &lt;= 4: Euler 100/200/400 steps 1.9e-2/9.3e-3/4.6e-3,
     * extrapolated 8.8e-4/2.0e-4/3.7e-5 in 0.03/0.3/4.1 s; L = 3, same setting: extrapolated
     * 2.2e-3/4.3e-4/8.0e-5 in 0.05/0.33/4.6 s; L = 3, population, small initialisation (sigma = 0.1),
     * t &lt;= 12 (sharp sigmoidal drop): extrapolated 1.3e-2/3.3e-3 at 100/200 steps. The cost grows faster
     * than steps^3 beyond 400 steps, when the coefficient matrices outgrow the cache.
     */
    public static final int DEFAULT_STEPS = 200;

    /** Largest grid of {@link #curves} (extrapolated from this and twice as many steps: about 4 s). */
    public static final int MAX_STEPS = 400;

    /**
     * Error estimate (absolute, on losses of order 1) up to which {@link #curves} accepts a grid. The estimate,
     * |extrapolated - fine|, is the error of the finer Euler solution; the extrapolated one is about ten times
     * more accurate (see {@link #DEFAULT_STEPS}).
     */
    public static final double ACCURACY = 1e-2;

    /** {@link #curves} leaves out (NaN) the grid points whose error estimate exceeds this. */
    public static final double MAX_POINT_ERROR = 5 * ACCURACY;

    /** Scalar of {@link #curves}: the largest error estimate of the train and test curves (infinite: no theory). */
    public static final String ERROR_ESTIMATE = "dmft_error_estimate";

    private final int depth;
    private final double alpha;
    private final double dataRatio;
    private final double gamma0;
    private final double readoutInit;
    private final double hiddenInit;
    private final double noise;

    /**
     * @param depth L &gt;= 2
     * @param alpha D / N &gt; 0
     * @param dataRatio P / D &gt; 0, or {@link #POPULATION}
     * @param gamma0 feature-learning scale &gt; 0
     * @param readoutInit sigma_a &gt;= 0
     * @param hiddenInit sigma_W &gt; 0
     * @param noise label noise standard deviation &gt;= 0
     */
    public DeepLinearDmft(final int depth, final double alpha, final double dataRatio, final double gamma0,
        final double readoutInit, final double hiddenInit, final double noise) {
        Check.that(depth >= 2 && depth <= 16, "The depth L must be in [2, 16], but is " + depth + ".");
        Check.positive("alpha (D / N)", alpha);
        Check.that(dataRatio > 0 && !Double.isNaN(dataRatio),
            "P / D must be positive (infinity for the population loss), but is " + dataRatio + ".");
        Check.positive("gamma0", gamma0);
        Check.nonNegative("sigma_a", readoutInit);
        Check.positive("sigma_W", hiddenInit);
        Check.nonNegative("noise", noise);
        this.depth = depth;
        this.alpha = alpha;
        this.dataRatio = dataRatio;
        this.gamma0 = gamma0;
        this.readoutInit = readoutInit;
        this.hiddenInit = hiddenInit;
        this.noise = noise;
    }

    /** The theory of a network configuration (N, D, P enter through D / N and P / D only). */
    public static DeepLinearDmft of(final DeepLinearNetwork.Config c) {
        return new DeepLinearDmft(c.depth(), c.aspect(), c.samples() == DeepLinearNetwork.POPULATION ? POPULATION
            : c.samples() / (double) c.inputDim(), c.gamma0(), c.readoutInit(), c.hiddenInit(), c.noise());
    }

    public boolean population() {
        return dataRatio == POPULATION;
    }

    /** Bytes of the coefficient and correlation arrays of one solution with {@code steps} steps. */
    public long memoryBytes(final int steps) {
        final long n = steps + 1L;
        final boolean data = !population();
        // triangular coefficient matrices: e, g (two sources each) and r with data, e alone without; two per layer
        final long triangles = (data ? 5 : 1) + 2 + 4L * (depth - 2);
        final long squares = (data ? 3 : 1) + 2L * depth - 3;
        return Memory.doubles(n, n, 1) * ((triangles + 1) / 2 + squares + 1);
    }

    /** First-order (Euler) solution on the grid t_n = n tMax / steps. */
    public Solution solve(final double tMax, final int steps, final Progress progress) throws CancelledException {
        Check.positive("DMFT time horizon", tMax);
        Check.that(steps >= 4 && steps <= 20000, "The DMFT grid needs between 4 and 20000 steps, but has " + steps + ".");
        Memory.require("deep linear DMFT with " + (steps + 1) + " time points", memoryBytes(steps));
        final double[][] v = new Solver(steps + 1, tMax / steps).run(progress);
        final double[] times = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            times[i] = i * (tMax / steps);
        }
        times[steps] = tMax;
        final double[] unknown = new double[steps + 1];
        Arrays.fill(unknown, Double.NaN);
        return new Solution(times, v[0], v[1], unknown, unknown.clone());
    }

    /**
     * Second-order solution: Richardson extrapolation 2 fine - coarse of the Euler solutions with {@code steps}
     * and 2 {@code steps} steps, on the coarse grid; the error estimates are |extrapolated - fine|.
     */
    public Solution solveExtrapolated(final double tMax, final int steps, final Progress progress)
        throws CancelledException {
        Check.that(steps >= 4 && steps <= 10000, "The DMFT grid needs between 4 and 10000 steps, but has " + steps + ".");
        Memory.require("deep linear DMFT with " + (2 * steps + 1) + " time points", memoryBytes(2 * steps));
        final Solution coarse = solve(tMax, steps, progress.sub(0, 1 / 9.0));
        return extrapolate(coarse, solve(tMax, 2 * steps, progress.sub(1 / 9.0, 8 / 9.0)));
    }

    /** 2 fine - coarse on the coarse grid, fine having twice the steps; error estimates |extrapolated - fine|. */
    private static Solution extrapolate(final Solution coarse, final Solution fine) {
        final int n = coarse.times().length;
        final double[] train = new double[n];
        final double[] test = new double[n];
        final double[] trainError = new double[n];
        final double[] testError = new double[n];
        for (int i = 0; i < n; i++) {
            train[i] = 2 * fine.train()[2 * i] - coarse.train()[i];
            test[i] = 2 * fine.test()[2 * i] - coarse.test()[i];
            trainError[i] = Math.abs(train[i] - fine.train()[2 * i]);
            testError[i] = Math.abs(test[i] - fine.test()[2 * i]);
        }
        return new Solution(coarse.times(), train, test, trainError, testError);
    }

    /**
     * Train and test loss at the given times (any order), Richardson-extrapolated on [0, max time], as curves of
     * model {@link DeepLinearNetwork#ID}, with the scalar {@link #ERROR_ESTIMATE}. The grid starts at
     * {@link #DEFAULT_STEPS} and is doubled, up to {@link #MAX_STEPS}, while the solution is not finite (the Euler
     * rule is unstable when h times the fastest rate of the flow exceeds 2: long horizons, large gamma0) or its error
     * estimate exceeds {@link #ACCURACY}. Grid points whose estimate still exceeds {@link #MAX_POINT_ERROR} (or
     * that are not finite) are left out: the curves are NaN there (no theory rather than a wrong one), typically
     * late times; shorten the time range to get them.
     */
    public LearningCurves curves(final double[] times, final Progress progress) throws CancelledException {
        final double[] grid = DynamicsModel.checkTimes(times);
        double tMax = 0;
        for (double t : grid) {
            tMax = Math.max(tMax, t);
        }
        final double horizon = tMax > 0 ? tMax : 1;
        // each grid is solved once: the fine solution of one extrapolation is the coarse one of the next; the cost
        // grows as steps^3, so the progress is shared 1 : 8 : 64 over the grids 200, 400, 800
        final double total = 1 + 8 + 64;
        double cost = 1;
        double done = cost / total;
        Solution coarse = solve(horizon, DEFAULT_STEPS, progress.sub(0, done));
        Solution best = null;
        double error = Double.POSITIVE_INFINITY;
        for (int steps = DEFAULT_STEPS; steps <= MAX_STEPS && error > ACCURACY; steps *= 2) {
            cost *= 8;
            final Solution fine = solve(horizon, 2 * steps, progress.sub(done, cost / total));
            done += cost / total;
            final Solution s = extrapolate(coarse, fine);
            final double e = s.maxErrorEstimate();
            if (best == null || e < error) {
                best = s;
                error = e;
            }
            coarse = fine;
        }
        final LearningCurves c = best.trusted(MAX_POINT_ERROR).at(grid);
        final Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put(ERROR_ESTIMATE, error);
        return new LearningCurves(c.model(), c.timeName(), c.times(), c.curves(), scalars);
    }

    /**
     * A solution on the grid t_i = i h.
     *
     * @param times the grid
     * @param train train loss {@link DeepLinearNetwork#TRAIN_LOSS}
     * @param test test loss {@link DeepLinearNetwork#TEST_RISK}
     * @param trainErrorEstimate for an extrapolated solution |extrapolated - fine| per grid point (the error of
     *     the finer first-order solution, an upper estimate of the extrapolated one's), NaN otherwise
     * @param testErrorEstimate the same for the test loss
     */
    public record Solution(double[] times, double[] train, double[] test, double[] trainErrorEstimate,
        double[] testErrorEstimate) {

        /** The largest error estimate of both curves; infinite where a value is not finite, NaN without estimates. */
        public double maxErrorEstimate() {
            double m = 0;
            for (int i = 0; i < times.length; i++) {
                if (!Double.isFinite(train[i]) || !Double.isFinite(test[i])) {
                    return Double.POSITIVE_INFINITY;
                }
                m = Math.max(m, Math.max(trainErrorEstimate[i], testErrorEstimate[i]));
            }
            return m;
        }

        /** This solution with NaN wherever a value is not finite or its error estimate exceeds {@code limit}. */
        Solution trusted(final double limit) {
            final double[] tr = train.clone();
            final double[] te = test.clone();
            for (int i = 0; i < times.length; i++) {
                if (!Double.isFinite(tr[i]) || !Double.isFinite(te[i]) || trainErrorEstimate[i] > limit
                    || testErrorEstimate[i] > limit) {
                    tr[i] = Double.NaN;
                    te[i] = Double.NaN;
                }
            }
            return new Solution(times, tr, te, trainErrorEstimate, testErrorEstimate);
        }

        /** Curves at arbitrary times in [0, t_max] by four-point Lagrange interpolation on the grid. */
        public LearningCurves at(final double[] at) {
            final double[] grid = DynamicsModel.checkTimes(at);
            final double h = times[1] - times[0];
            return new LearningCurves(DeepLinearNetwork.ID, DeepLinearNetwork.TIME, grid, java.util.List.of(
                Curve.theory(DeepLinearNetwork.TRAIN_LOSS, DmftSolution.interpolate(train, h, grid)),
                Curve.theory(DeepLinearNetwork.TEST_RISK, DmftSolution.interpolate(test, h, grid))));
        }
    }

    /** Gaussian sources of one kind of site: attributes (constant in time) and noise processes. */
    private static final class Site {
        final double[] attrVar;
        final double[][][] cov;
        final double[] covScale;

        Site(final double[] attrVar, final double[][][] cov, final double[] covScale) {
            this.attrVar = attrVar;
            this.cov = cov;
            this.covScale = covScale;
        }
    }

    /**
     * A single-site variable as a linear function of its site's sources: x(n) = sum_q attr[q][n] A_q +
     * sum_k sum_{s <= n} m[k][n][s] xi_k(s). m[k] is the response of x to a field added where xi_k enters.
     */
    private static final class Field {
        final Site site;
        final double[][] attr;
        final double[][][] m;

        Field(final Site site, final int n) {
            this.site = site;
            this.attr = new double[site.attrVar.length][n];
            this.m = new double[site.cov.length][n][];
        }

        void start(final int n) {
            for (double[][] mk : m) {
                mk[n] = new double[n + 1];
            }
        }

        void addNoise(final int n, final int k, final double c) {
            m[k][n][n] += c;
        }

        void addAttr(final int n, final int q, final double c) {
            attr[q][n] += c;
        }

        /** x(n) += sum_{s <= sMax} kern[s] y(s). */
        void addPast(final int n, final double[] kern, final int sMax, final Field y) {
            for (int s = 0; s <= sMax; s++) {
                final double w = kern[s];
                if (w == 0) {
                    continue;
                }
                for (int q = 0; q < attr.length; q++) {
                    attr[q][n] += w * y.attr[q][s];
                }
                for (int k = 0; k < m.length; k++) {
                    final double[] out = m[k][n];
                    final double[] in = y.m[k][s];
                    for (int j = 0; j <= s; j++) {
                        out[j] += w * in[j];
                    }
                }
            }
        }

        /** x(n) += c y(s). */
        void addAt(final int n, final double c, final Field y, final int s) {
            for (int q = 0; q < attr.length; q++) {
                attr[q][n] += c * y.attr[q][s];
            }
            for (int k = 0; k < m.length; k++) {
                final double[] out = m[k][n];
                final double[] in = y.m[k][s];
                for (int j = 0; j <= s; j++) {
                    out[j] += c * in[j];
                }
            }
        }

        /** Row n of the correlation x(n) . x(n') / size, n' <= n, into the symmetric matrix c. */
        void correlate(final int n, final double[][] c, final double[] work) {
            for (int np = 0; np <= n; np++) {
                double v = 0;
                for (int q = 0; q < attr.length; q++) {
                    v += site.attrVar[q] * attr[q][n] * attr[q][np];
                }
                c[n][np] = v;
            }
            for (int k = 0; k < m.length; k++) {
                final double[] row = m[k][n];
                final double[][] cov = site.cov[k];
                Arrays.fill(work, 0, n + 1, 0);
                for (int s = 0; s <= n; s++) {
                    final double w = row[s];
                    if (w == 0) {
                        continue;
                    }
                    final double[] cs = cov[s];
                    for (int j = 0; j <= n; j++) {
                        work[j] += w * cs[j];
                    }
                }
                final double scale = site.covScale[k];
                for (int np = 0; np <= n; np++) {
                    final double[] other = m[k][np];
                    double v = 0;
                    for (int j = 0; j <= np; j++) {
                        v += work[j] * other[j];
                    }
                    c[n][np] += scale * v;
                }
            }
            for (int np = 0; np < n; np++) {
                c[np][n] = c[n][np];
            }
        }
    }

    private static final int RHO = 0;
    private static final int DATA = 1;
    private static final int U = 0;

    /** One time-marched solution of the Euler-discretised flow. */
    private final class Solver {
        private final int n;
        private final double h;
        private final double s2;
        private final double[][] ce;
        private final double[][] cr;
        private final double[][] cg;
        private final double[][][] cz;
        private final double[][][] ch;
        private final Field e;
        private final Field g;
        private final Field r;
        private final Field[] z;
        private final Field[] hf;
        private final double[] kern;
        private final double[] work;

        Solver(final int n, final double h) {
            this.n = n;
            this.h = h;
            this.s2 = hiddenInit * hiddenInit;
            final boolean data = !population();
            ce = new double[n][n];
            cr = data ? new double[n][n] : null;
            cg = data ? new double[n][n] : ce;
            cz = new double[depth][][];
            ch = new double[depth][][];
            for (int l = 1; l < depth; l++) {
                cz[l] = new double[n][n];
            }
            ch[0] = cg;
            for (int l = 1; l < depth - 1; l++) {
                ch[l] = new double[n][n];
            }
            final Site s0 = data
                ? new Site(new double[] {1}, new double[][][] {cz[1], cr}, new double[] {s2, 1})
                : new Site(new double[] {1}, new double[][][] {cz[1]}, new double[] {s2});
            e = new Field(s0, n);
            g = data ? new Field(s0, n) : e;
            r = data ? new Field(new Site(new double[] {noise * noise}, new double[][][] {ce}, new double[] {1}), n)
                : null;
            z = new Field[depth];
            hf = new Field[depth];
            hf[0] = g;
            for (int l = 1; l < depth; l++) {
                final boolean top = l == depth - 1;
                final Site site = new Site(top ? new double[] {readoutInit * readoutInit} : new double[0],
                    top ? new double[][][] {ch[l - 1]} : new double[][][] {ch[l - 1], cz[l + 1]},
                    top ? new double[] {s2} : new double[] {s2, s2});
                z[l] = new Field(site, n);
                hf[l] = new Field(site, n);
            }
            kern = new double[n];
            work = new double[n];
        }

        double[][] run(final Progress progress) throws CancelledException {
            final double[] train = new double[n];
            final double[] test = new double[n];
            final double hg = h * gamma0;
            final double ratio = population() ? 0 : Math.sqrt(1 / dataRatio);
            for (int t = 0; t < n; t++) {
                if (t % 16 == 0) {
                    progress.checkCancelled();
                    progress.report(Math.pow(t / (double) n, 3), "DMFT step " + t + " of " + (n - 1));
                }
                // backward pass: readout, then z_{l-1} = W_l^T z_l / sqrt(N) down to the input layer
                final Field a = z[depth - 1];
                a.start(t);
                if (t == 0) {
                    a.addAttr(0, 0, 1);
                } else {
                    a.addAt(t, 1, a, t - 1);
                    a.addAt(t, hg, hf[depth - 1], t - 1);
                }
                a.correlate(t, cz[depth - 1], work);
                for (int l = depth - 1; l >= 1; l--) {
                    final double f = l == 1 ? Math.sqrt(1 / alpha) : 1;
                    final double[] resp = z[l].m[U][t];
                    for (int s = 0; s < t; s++) {
                        kern[s] = f * (s2 * resp[s] + hg * cz[l][t][s]);
                    }
                    if (l > 1) {
                        final Field target = z[l - 1];
                        target.start(t);
                        target.addNoise(t, 1, 1);
                        target.addPast(t, kern, t - 1, hf[l - 1]);
                        target.correlate(t, cz[l - 1], work);
                    } else {
                        // e = w* - beta, beta = sqrt(D / N) z_0 / gamma0
                        final double c = -Math.sqrt(alpha) / gamma0;
                        for (int s = 0; s < t; s++) {
                            kern[s] *= c;
                        }
                        e.start(t);
                        e.addAttr(t, 0, 1);
                        e.addNoise(t, RHO, c);
                        e.addPast(t, kern, t - 1, g);
                        e.correlate(t, ce, work);
                    }
                }
                // the error signal g = sqrt(D) X r / P through the data matrix
                if (r != null) {
                    final double[] re = e.m[DATA][t];
                    for (int s = 0; s < t; s++) {
                        kern[s] = ratio * re[s];
                    }
                    r.start(t);
                    r.addNoise(t, 0, 1);
                    r.addAttr(t, 0, 1);
                    r.addPast(t, kern, t - 1, r);
                    r.correlate(t, cr, work);
                    g.start(t);
                    g.addNoise(t, DATA, ratio);
                    g.addPast(t, r.m[0][t], t, e);
                    g.correlate(t, cg, work);
                    train[t] = cr[t][t];
                } else {
                    train[t] = ce[t][t] + noise * noise;
                }
                test[t] = ce[t][t];
                // forward pass: h_l = W_l h_{l-1} / sqrt(n_{l-1})
                for (int l = 1; l < depth; l++) {
                    final double f = l == 1 ? Math.sqrt(alpha) : 1;
                    final double[] resp = hf[l - 1].m[l == 1 ? RHO : 1][t];
                    for (int s = 0; s <= t; s++) {
                        kern[s] = f * s2 * resp[s] + (s < t ? hg * ch[l - 1][t][s] : 0);
                    }
                    final Field target = hf[l];
                    target.start(t);
                    target.addNoise(t, U, 1);
                    target.addPast(t, kern, t, z[l]);
                    if (l < depth - 1) {
                        target.correlate(t, ch[l], work);
                    }
                }
            }
            return new double[][] {train, test};
        }
    }
}
