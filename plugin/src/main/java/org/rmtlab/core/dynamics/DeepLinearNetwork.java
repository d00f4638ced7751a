package org.rmtlab.core.dynamics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.linalg.MatrixVector;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * Gradient flow of a deep linear network in the feature-learning (mean-field / muP) parameterisation,
 * on a linear teacher, simulated at finite size beside the reduced theory of {@link DeepLinearTheory}.
 *
 * <h2>Model</h2>
 * Depth L &gt;= 2 counts weight layers: W1 in R^{N x D}, W2, ..., W_{L-1} in R^{N x N}, readout a in R^N.
 * <pre>
 *   h1(x) = W1 x / sqrt(D),   h_l(x) = W_l h_{l-1}(x) / sqrt(N),   f(x) = a . h_{L-1}(x) / (gamma N),
 *   gamma = gamma0 / sqrt(D),
 *   d theta / dt = - eta grad_theta Loss,   eta = gamma^2 N D = gamma0^2 N,   Loss = (1/2P) sum_mu (y_mu - f(x_mu))^2,
 * </pre>
 * that is, the mean-field / muP readout 1/(gamma N) with learning rate gamma^2 N (Bordelon and Pehlevan 2022,
 * "Self-consistent dynamical field theory of kernel evolution in wide neural networks", Sec. 2; the DMFT
 * review of Bordelon and Pehlevan 2026, deep linear networks), with time measured in units of D steps so that
 * the loss moves in O(1) time when D grows. The function is linear, f(x) = beta . x / sqrt(D) with
 * beta = sqrt(D) W1^T W2^T ... W_{L-1}^T a / (gamma0 N^{L/2}). Why gamma0 = gamma sqrt(D) is the knob: the
 * weight change needed to move f by O(1) is a rank-one spike in W1 whose size relative to the random bulk
 * is gamma sqrt(D); with gamma0 fixed the spike (and the feature learning) stays O(1) when N, D, P grow
 * proportionally. gamma0 -&gt; 0 freezes the hidden weights (lazy / kernel limit: the network is a linear
 * model with the initial neural tangent kernel); gamma0 = O(1) learns features; large gamma0 behaves like
 * small initialisation (saddle-to-saddle, sigmoidal loss curves).
 *
 * <p>Initialisation: entries of every W_l iid N(0, sigma_W^2) ({@code hiddenInit}), entries of a iid
 * N(0, sigma_a^2) ({@code readoutInit}). The initial end-to-end vector has per-coordinate variance
 * (D/N) sigma_a^2 sigma_W^{2(L-1)} / gamma0^2, which diverges as gamma0 -&gt; 0: take sigma_a = 0 (readout
 * started at zero, f = 0 at t = 0) to study the lazy limit.
 *
 * <h2>Data</h2>
 * x ~ N(0, I_D) ({@link DataGenerator}, model gaussian, scale raw), teacher y = w* . x / sqrt(D) + noise eps,
 * eps ~ N(0, 1), w* uniform on the sphere ||w*||^2 = D (so the initial loss is exactly 1 and one
 * O(D^{-1/2}) fluctuation of every trial is gone; the theory assumes ||w*||^2 / D = 1). With {@code samples} = {@link #POPULATION} the flow
 * uses the population loss (infinite data): Loss = ||w* - beta||^2 / (2D) + noise^2 / 2 exactly, because
 * the inputs are white.
 *
 * <h2>Outputs</h2>
 * Time is the flow time t above ({@link #TIME}), not the tau of the linear models. Curves:
 * {@link #TEST_RISK} = E_x (w* . x / sqrt(D) - f(x))^2 = ||w* - beta||^2 / D (noise-free target, exact, no test
 * sample); {@link #TRAIN_LOSS} = (1/P) sum_mu (y_mu - f(x_mu))^2 (population: test + noise^2);
 * {@link #TOP_EIG}, the top eigenvalue of W1^T W1 / N, and {@link #OVERLAP}, the squared cosine of its
 * eigenvector with w* / ||w*||. The theory of L = 2 on the population loss is {@link DeepLinearTheory} (exact reduced
 * flow, all four curves, faster and more accurate than the DMFT there); at finite P and for L &gt;= 3 it is
 * the DMFT of {@link DeepLinearDmft} (train and test loss; the DMFT does not give the top eigenvalue and
 * overlap curves, which the simulation still reports). Scalar {@code bulk_edge}: sigma_W^2 (1 + sqrt(D / N))^2, where the top eigenvalue of W1^T W1 / N
 * starts (any depth).
 *
 * <h2>Numerics</h2>
 * Gradients are computed through the end-to-end vector: with the error signal
 * eps_sig = -D dLoss/dbeta (population: w* - beta; P samples: sqrt(D) X r / P, r = y - X^T beta / sqrt(D)),
 * v_0 = eps_sig, v_l = W_l v_{l-1}, g_{L-1} = a, g_{l-1} = W_l^T g_l, the flow is
 * dW_l/dt = k g_l v_{l-1}^T and da/dt = k v_{L-1} with k = gamma0 N^{1 - L/2} / sqrt(D): one evaluation costs
 * O(N D + (L-2) N^2 + D P), no N x P activations. The flow is integrated by {@link DormandPrince}
 * (adaptive, relative tolerance 1e-6), far below the trial-to-trial fluctuations.
 */
public final class DeepLinearNetwork implements DynamicsModel {
    public static final String ID = "deep-linear";
    /** Name of the time axis: the flow time t of the class comment. */
    public static final String TIME = "t";
    public static final String TRAIN_LOSS = "train_loss";
    public static final String TEST_RISK = "test_risk";
    public static final String TOP_EIG = "top_eig";
    public static final String OVERLAP = "overlap";
    public static final String BULK_EDGE = "bulk_edge";

    /** Value of {@code samples} that selects the population (infinite-data) loss. */
    public static final int POPULATION = 0;

    private static final double SIM_RTOL = 1e-6;
    private static final double SIM_ATOL = 1e-9;

    /**
     * @param depth L, number of weight layers (2 = one hidden layer), at least 2
     * @param width N, hidden width
     * @param inputDim D, input dimension
     * @param samples P, training samples, or {@link #POPULATION} for the population loss
     * @param gamma0 feature-learning scale gamma0 &gt; 0 (see the class comment)
     * @param readoutInit sigma_a &gt;= 0, standard deviation of the initial readout entries
     * @param hiddenInit sigma_W &gt; 0, standard deviation of the initial hidden weight entries
     * @param noise label noise standard deviation &gt;= 0
     */
    public record Config(int depth, int width, int inputDim, int samples, double gamma0, double readoutInit,
        double hiddenInit, double noise) {

        public Config {
            Check.that(depth >= 2, "The depth L (number of weight layers) must be at least 2, but is " + depth + ".");
            Check.that(depth <= 16, "The depth L must be at most 16, but is " + depth + ".");
            Check.positive("N (width)", width);
            Check.positive("D (input dimension)", inputDim);
            Check.that(samples >= 0, "P (samples) must be >= 0 (0 = population loss), but is " + samples + ".");
            Check.positive("gamma0 (feature-learning scale)", gamma0);
            Check.nonNegative("sigma_a (readout initialisation)", readoutInit);
            Check.positive("sigma_W (hidden initialisation)", hiddenInit);
            Check.nonNegative("noise (label noise standard deviation)", noise);
            Check.that(width <= DataSpec.MAX_SIZE && inputDim <= DataSpec.MAX_SIZE && samples <= DataSpec.MAX_SIZE,
                "N, D and P must each be at most " + DataSpec.MAX_SIZE + ".");
        }

        /** alpha = D / N. */
        public double aspect() {
            return inputDim / (double) width;
        }

        boolean population() {
            return samples == POPULATION;
        }

        /** Doubles in the parameter vector: N (readout) + N D + (L - 2) N^2. */
        long parameterCount() {
            return width + (long) width * inputDim + (long) (depth - 2) * width * width;
        }
    }

    private final Config config;

    public DeepLinearNetwork(final Config config) {
        Check.that(config != null, "The deep linear network configuration is missing.");
        this.config = config;
    }

    public Config config() {
        return config;
    }

    @Override
    public String id() {
        return ID;
    }

    /** sigma_W^2 (1 + sqrt(D / N))^2, the edge of the initial spectrum of W1^T W1 / N. */
    public double bulkEdge() {
        final double s = 1 + Math.sqrt(config.aspect());
        return config.hiddenInit() * config.hiddenInit() * s * s;
    }

    /**
     * The theory at the given times, any order: {@link DeepLinearTheory} for L = 2 on the population loss (all
     * four curves), otherwise {@link DeepLinearDmft} (train and test loss only; see the class comment).
     */
    @Override
    public LearningCurves theory(final double[] times, final Progress progress) throws CancelledException {
        final double[] grid = DynamicsModel.checkTimes(times);
        final Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put(BULK_EDGE, bulkEdge());
        if (config.depth() != 2 || !config.population()) {
            final LearningCurves dmft = DeepLinearDmft.of(config).curves(grid, progress);
            scalars.putAll(dmft.scalars());
            return new LearningCurves(ID, TIME, grid, dmft.curves(), scalars);
        }
        final LearningCurves th = new DeepLinearTheory(config.aspect(), config.gamma0(), config.readoutInit(),
            config.hiddenInit(), DeepLinearTheory.DEFAULT_NODES).solve(grid, progress);
        final double[] train = th.curve(TEST_RISK).values();
        final double noise2 = config.noise() * config.noise();
        for (int i = 0; i < train.length; i++) {
            train[i] += noise2;
        }
        return new LearningCurves(ID, TIME, grid, List.of(Curve.theory(TRAIN_LOSS, train), th.curve(TEST_RISK),
            th.curve(TOP_EIG), th.curve(OVERLAP)), scalars);
    }

    /** The parameters with the integrator's stages, the data and two D x D work matrices. */
    @Override
    public void checkMemory() {
        final long bytes = Memory.doubles(config.parameterCount(), 10, 1)
            + Memory.doubles(config.inputDim(), Math.max(1, config.samples()), 1)
            + Memory.doubles(config.inputDim(), config.inputDim(), 2);
        Memory.require(String.format(Locale.ROOT, "the deep linear network (L = %d, N = %d, D = %d, P = %d)",
            config.depth(), config.width(), config.inputDim(), config.samples()), bytes);
    }

    /**
     * Monte-Carlo simulation over {@code trials} independent draws of teacher, data and initial weights, at the
     * given times (any order). Trial r uses the (r+1)-th split of the seed's stream, so a trial does not depend
     * on how many trials run.
     */
    @Override
    public LearningCurves simulate(final double[] times, final int trials, final long seed, final Progress progress)
        throws CancelledException {
        final double[] grid = DynamicsModel.checkTimes(times);
        DynamicsModel.checkTrials(trials);
        checkMemory();
        final int n = grid.length;
        final int[] order = SimulationSupport.ascending(grid);
        final Rng root = new Rng(seed);
        final CurveAccumulator acc = new CurveAccumulator(n);
        for (int r = 0; r < trials; r++) {
            final Progress sub = progress.sub(r / (double) trials, 1.0 / trials);
            sub.checkCancelled();
            final Trial trial = draw(config, root.split());
            final Flow flow = new Flow(config, trial);
            final double[] state = trial.initialState();
            final DormandPrince ode = new DormandPrince(state.length, SIM_RTOL, SIM_ATOL);
            final double[][] v = new double[4][n];
            double t = 0;
            for (int j = 0; j < n; j++) {
                final int at = order[j];
                ode.integrate(flow, t, state, grid[at], sub);
                t = grid[at];
                final double[] m = flow.measure(state);
                for (int q = 0; q < 4; q++) {
                    v[q][at] = m[q];
                }
                sub.report((j + 1) / (double) n, String.format(Locale.ROOT, "trial %d of %d, t = %g", r + 1, trials, t));
            }
            acc.add(TRAIN_LOSS, v[0]);
            acc.add(TEST_RISK, v[1]);
            acc.add(TOP_EIG, v[2]);
            acc.add(OVERLAP, v[3]);
        }
        progress.report(1, "done");
        return new LearningCurves(ID, TIME, grid, acc.curves());
    }

    /** One trial's teacher, data and initial weights. */
    record Trial(Config config, double[] teacher, DMatrixRMaj x, double[] y, double[] readout, double[][] weights) {

        /** Packs [a | W1 | W2 | ... ] (row-major) into one state vector. */
        double[] initialState() {
            final double[] s = new double[(int) config.parameterCount()];
            System.arraycopy(readout, 0, s, 0, readout.length);
            int off = readout.length;
            for (double[] w : weights) {
                System.arraycopy(w, 0, s, off, w.length);
                off += w.length;
            }
            return s;
        }
    }

    /** Draws one trial from {@code rng} (one split of the seed's stream per trial). */
    static Trial draw(final Config c, final Rng rng) {
        final double[] teacher = new double[c.inputDim()];
        double norm = 0;
        while (norm == 0) {
            rng.gaussians(teacher, 1.0);
            norm = MatrixVector.dot(teacher, teacher);
        }
        final double scale = Math.sqrt(c.inputDim() / norm);
        for (int j = 0; j < teacher.length; j++) {
            teacher[j] *= scale;
        }
        DMatrixRMaj x = null;
        double[] y = null;
        if (!c.population()) {
            x = DataGenerator.generate(new DataSpec(DataModel.GAUSSIAN, c.samples(), 0, c.inputDim(), 0, 0, Scale.RAW,
                SimulationSupport.dataSeed(rng))).train().x();
            y = new double[c.samples()];
            final double sd = Math.sqrt(c.inputDim());
            for (int mu = 0; mu < y.length; mu++) {
                double dot = 0;
                for (int j = 0; j < teacher.length; j++) {
                    dot += x.unsafe_get(j, mu) * teacher[j];
                }
                y[mu] = dot / sd + c.noise() * rng.gaussian();
            }
        }
        final double[] a = new double[c.width()];
        rng.gaussians(a, c.readoutInit());
        final double[][] w = new double[c.depth() - 1][];
        w[0] = new double[c.width() * c.inputDim()];
        rng.gaussians(w[0], c.hiddenInit());
        for (int l = 1; l < w.length; l++) {
            w[l] = new double[c.width() * c.width()];
            rng.gaussians(w[l], c.hiddenInit());
        }
        return new Trial(c, teacher, x, y, a, w);
    }

    /** The gradient flow of one trial and its measurements; buffers are reused across evaluations. */
    static final class Flow implements DormandPrince.Rhs {
        private final int depth;
        private final int n;
        private final int d;
        private final int p;
        private final double noise2;
        private final double c;
        private final double k;
        private final double[] teacher;
        private final DMatrixRMaj x;
        private final double[] y;
        private final double[][] g;
        private final double[][] v;
        private final double[] beta;
        private final double[] resid;

        Flow(final Config config, final Trial trial) {
            depth = config.depth();
            n = config.width();
            d = config.inputDim();
            p = config.samples();
            noise2 = config.noise() * config.noise();
            c = Math.sqrt(d) / (config.gamma0() * Math.pow(n, depth / 2.0));
            k = config.gamma0() * Math.pow(n, 1 - depth / 2.0) / Math.sqrt(d);
            teacher = trial.teacher();
            x = trial.x();
            y = trial.y();
            g = new double[depth][];
            v = new double[depth][];
            for (int l = 1; l < depth; l++) {
                g[l] = new double[n];
                v[l] = new double[n];
            }
            v[0] = new double[d];
            beta = new double[d];
            resid = x == null ? null : new double[p];
        }

        private int offset(final int layer) {
            // layer 1 = W1 (N x D) after the readout; layers >= 2 are N x N
            return layer == 1 ? n : n + n * d + (layer - 2) * n * n;
        }

        /** beta = c W1^T W2^T ... a, leaving g_l = W_{l+1}^T ... a in g[l]. */
        private void endToEnd(final double[] s) {
            System.arraycopy(s, 0, g[depth - 1], 0, n);
            for (int l = depth - 1; l >= 2; l--) {
                final int off = offset(l);
                final double[] out = g[l - 1];
                Arrays.fill(out, 0);
                final double[] in = g[l];
                for (int i = 0; i < n; i++) {
                    final double gi = in[i];
                    final int row = off + i * n;
                    for (int j = 0; j < n; j++) {
                        out[j] += s[row + j] * gi;
                    }
                }
            }
            Arrays.fill(beta, 0);
            final int off = offset(1);
            final double[] g1 = g[1];
            for (int i = 0; i < n; i++) {
                final double gi = c * g1[i];
                final int row = off + i * d;
                for (int j = 0; j < d; j++) {
                    beta[j] += s[row + j] * gi;
                }
            }
        }

        /** Error signal -D dLoss/dbeta into v[0]; returns the training loss. */
        private double errorSignal() {
            final double[] e = v[0];
            if (x == null) {
                double sq = 0;
                for (int j = 0; j < d; j++) {
                    e[j] = teacher[j] - beta[j];
                    sq += e[j] * e[j];
                }
                return sq / d + noise2;
            }
            final double sd = Math.sqrt(d);
            final double[] xd = x.data;
            Arrays.fill(resid, 0);
            for (int j = 0; j < d; j++) {
                final double bj = beta[j] / sd;
                final int row = j * p;
                for (int mu = 0; mu < p; mu++) {
                    resid[mu] += xd[row + mu] * bj;
                }
            }
            double sq = 0;
            for (int mu = 0; mu < p; mu++) {
                resid[mu] = y[mu] - resid[mu];
                sq += resid[mu] * resid[mu];
            }
            for (int j = 0; j < d; j++) {
                double s = 0;
                final int row = j * p;
                for (int mu = 0; mu < p; mu++) {
                    s += xd[row + mu] * resid[mu];
                }
                e[j] = sd * s / p;
            }
            return sq / p;
        }

        @Override
        public void derivative(final double t, final double[] s, final double[] ds) {
            endToEnd(s);
            errorSignal();
            // forward pass of the error signal: v_l = W_l v_{l-1}
            for (int l = 1; l < depth; l++) {
                final int off = offset(l);
                final int cols = l == 1 ? d : n;
                final double[] in = v[l - 1];
                final double[] out = v[l];
                for (int i = 0; i < n; i++) {
                    double acc = 0;
                    final int row = off + i * cols;
                    for (int j = 0; j < cols; j++) {
                        acc += s[row + j] * in[j];
                    }
                    out[i] = acc;
                }
            }
            final double[] top = v[depth - 1];
            for (int i = 0; i < n; i++) {
                ds[i] = k * top[i];
            }
            for (int l = 1; l < depth; l++) {
                final int off = offset(l);
                final int cols = l == 1 ? d : n;
                final double[] gl = g[l];
                final double[] in = v[l - 1];
                for (int i = 0; i < n; i++) {
                    final double gi = k * gl[i];
                    final int row = off + i * cols;
                    for (int j = 0; j < cols; j++) {
                        ds[row + j] = gi * in[j];
                    }
                }
            }
        }

        /** [train loss, test loss, top eigenvalue of W1^T W1 / N, overlap of its eigenvector with w*]. */
        double[] measure(final double[] s) {
            endToEnd(s);
            final double train = errorSignal();
            double test = 0;
            for (int j = 0; j < d; j++) {
                final double e = teacher[j] - beta[j];
                test += e * e;
            }
            test /= d;
            final DMatrixRMaj w1 = new DMatrixRMaj(n, d);
            System.arraycopy(s, offset(1), w1.data, 0, n * d);
            final TopSingular top = TopSingular.of(w1);
            return new double[] {train, test, top.s1() * top.s1() / n, TopSingular.overlap(top.right(), teacher)};
        }
    }
}
