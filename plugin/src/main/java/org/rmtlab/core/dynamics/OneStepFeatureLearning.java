package org.rmtlab.core.dynamics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.linalg.MatrixVector;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;
import org.rmtlab.core.kernel.NormalExpectation;

/**
 * One full-batch gradient step on the first layer of a two-layer network (Ba, Erdogdu, Suzuki, Wang, Wu,
 * Yang 2022, "High-dimensional asymptotics of feature learning: how one gradient step improves the
 * representation", NeurIPS; Z. Liao's lecture slides, "Two-layer random network after one step GD training").
 *
 * <h2>Model and normalisation</h2>
 * <pre>
 *   f(x) = (1/sqrt(N)) a^T sigma(W x),  W0 in R^{N x D} iid N(0, 1/D) (rows of norm about 1),  a fixed, uniform on the
 *   unit sphere (Ba et al. draw a ~ N(0, I/N), whose norm tends to 1; fixing ||a|| = 1 removes one O(N^{-1/2})
 *   fluctuation of theta from every trial);
 *   x ~ N(0, I_D),  y = sigma*(beta . x) + noise eps,  beta uniform on the unit sphere,  eps ~ N(0, 1);
 *   Loss = (kappa / n) sum_i (y_i - f(x_i))^2,  kappa = 1/2 ({@link LossNormalisation#HALF_MSE}, the slides' eq. (19))
 *                                               or 1 ({@link LossNormalisation#MSE}, Ba et al.'s abstract);
 *   G0 = -dLoss/dW at W0 = (2 kappa / n) [ ((1/sqrt(N)) a r^T) o sigma'(W0 X) ] X^T,  r = y - f(X),
 *   W1 = W0 + eta sqrt(N) G0.
 * </pre>
 * kappa scales G0, so MSE moves every threshold in eta by a factor 1/2 against HALF_MSE.
 *
 * <h2>Theory</h2>
 * Ba et al. (Prop. 2; slides eq. (21)): G0 is close in operator norm to the rank-one matrix
 * A = (2 kappa / n) (mu1 / sqrt(N)) a r^T X^T, mu1 = E[sigma'(xi)] = E[xi sigma(xi)], xi ~ N(0, 1), the remainder
 * being smaller by a factor vanishing like N^{-1/2} up to logarithms. Hence eta sqrt(N) G0 ~ theta u v^T with
 * u = a / ||a||, v = X r / ||X r|| and
 * <pre>
 *   theta = 2 kappa eta |mu1| ||a|| ||X r|| / n  -&gt;  2 kappa eta |mu1| sqrt(mu1*^2 + E[y^2] / psi2),
 *   mu1* = E[xi sigma*(xi)],  E[y^2] = E[sigma*(xi)^2] + noise^2,  psi2 = n / D,  psi1 = N / D,
 * </pre>
 * because X y / n = mu1* beta + (a vector of squared norm E[y^2] D / n orthogonal to beta in the limit), and
 * r = y - f(X) with ||f(X)||^2 / n = O(1/N). W0 has the law of {@link SpikedRectangular} with c = psi1, so the top
 * singular value of W1 separates from the bulk edge 1 + sqrt(psi1) iff theta &gt; psi1^{1/4}, i.e.
 * eta &gt; eta_c = psi1^{1/4} / (2 kappa |mu1| sqrt(mu1*^2 + E[y^2] / psi2)). The top right singular vector
 * has squared overlap rightOverlap(theta) with v, and v has squared overlap
 * rho = mu1*^2 / (mu1*^2 + E[y^2] / psi2) with beta; the part of the singular vector orthogonal to v is
 * rotation invariant given v, so the overlap with beta is rightOverlap(theta) rho. The left singular
 * vector has squared overlap leftOverlap(theta) with a / ||a||.
 *
 * <h2>Outputs</h2>
 * The "time" axis is the learning rate eta ({@link #TIME}); {@link #theory} and {@link #simulate} accept any
 * eta &gt;= 0 in any order. Curves: {@link #THETA} (theory: the limit above; simulation: the realised
 * 2 kappa eta |mu1| ||a|| ||X r|| / n), {@link #TOP_SV} (top singular value of W1; the theory gives the bulk
 * edge below the threshold), {@link #OVERLAP_BETA} and {@link #OVERLAP_A} (squared cosines of the top right
 * singular vector with beta and of the top left one with a). The simulation adds {@link #TOP_SV_CONDITIONAL},
 * the predicted top singular value at each trial's realised theta (it separates the spiked-matrix part of the
 * theory from the O(n^{-1/2}) fluctuation of theta), and {@link #SECOND_SV}, the second singular value (the bulk
 * edge, for the picture). Theory scalars: {@code threshold_eta}, {@code bulk_edge}, {@code theta_per_eta},
 * {@code teacher_alignment} ({@link Constants}). Simulation scalars, means over trials with their standard
 * errors ({@code _se}): {@code rank_one_ratio} = ||G0 - rank-one part||_op / ||G0||_op and
 * {@code gradient_gap} = s2(G0) / s1(G0).
 *
 * <p>Numerics: sigma' is a central difference with step 1e-5 (1 + |t|) because the {@link Activation}
 * contract has no derivative: truncation error about 1e-10 |sigma'''| for smooth sigma, exact for piecewise
 * linear sigma except within 1e-5 of a kink (probability about 1e-5 per entry). Per trial, G0 and its
 * diagnostics are computed once, and W1 = W0 + s G0 (s = eta sqrt(N)) is a line of matrices
 * ({@code TopSingular.Line}): each eta costs one combination of precomputed Gram blocks and one symmetric
 * eigenproblem of size min(N, D).
 */
public final class OneStepFeatureLearning implements DynamicsModel {
    /** Absolute accuracy of the Gaussian moments mu1, mu1* and E[y^2]: far below any simulation error. */
    private static final double MOMENT_TOLERANCE = 1e-13;
    public static final String ID = "one-step";
    /** Name of the "time" axis: the learning rate eta of the single step. */
    public static final String TIME = "eta";
    public static final String THETA = "theta";
    public static final String TOP_SV = "top_sv";
    public static final String TOP_SV_CONDITIONAL = "top_sv_conditional";
    public static final String SECOND_SV = "second_sv";
    public static final String OVERLAP_BETA = "overlap_beta";
    public static final String OVERLAP_A = "overlap_a";
    /** Theory scalar: the learning rate eta_c beyond which the spike leaves the bulk. */
    public static final String THRESHOLD_ETA = "threshold_eta";
    /** Theory scalar: the bulk edge 1 + sqrt(psi1) of the singular values of W0. */
    public static final String BULK_EDGE = "bulk_edge";

    /** Factor kappa in front of the empirical squared loss. */
    public enum LossNormalisation {
        /** (1/2n) sum (y - f)^2. */
        HALF_MSE("half-mse", 0.5),
        /** (1/n) sum (y - f)^2. */
        MSE("mse", 1.0);

        private final String id;
        private final double kappa;

        LossNormalisation(final String id, final double kappa) {
            this.id = id;
            this.kappa = kappa;
        }

        public String id() {
            return id;
        }

        public double kappa() {
            return kappa;
        }

        public static LossNormalisation fromId(final String id) {
            for (LossNormalisation l : values()) {
                if (l.id.equalsIgnoreCase(id.trim())) {
                    return l;
                }
            }
            throw new IllegalArgumentException("Unknown loss normalisation '" + id + "'. Choose 'half-mse' ((1/2n) sum) "
                + "or 'mse' ((1/n) sum).");
        }
    }

    /**
     * @param inputDim D
     * @param width N
     * @param samples n, samples of the one full-batch step
     * @param student sigma, activation of the network
     * @param teacher sigma*, link of the single-index teacher
     * @param noise label noise standard deviation &gt;= 0
     * @param loss factor in front of the squared loss
     */
    public record Config(int inputDim, int width, int samples, Activation student, Activation teacher, double noise,
        LossNormalisation loss) {

        public Config {
            Check.positive("D (input dimension)", inputDim);
            Check.positive("N (width)", width);
            Check.positive("n (samples)", samples);
            Check.that(student != null, "The student activation is missing.");
            Check.that(teacher != null, "The teacher activation is missing.");
            Check.nonNegative("noise (label noise standard deviation)", noise);
            Check.that(loss != null, "The loss normalisation is missing.");
            Check.that(inputDim <= DataSpec.MAX_SIZE && width <= DataSpec.MAX_SIZE && samples <= DataSpec.MAX_SIZE,
                "D, N and n must each be at most " + DataSpec.MAX_SIZE + ".");
        }

        /** psi1 = N / D. */
        public double psi1() {
            return width / (double) inputDim;
        }

        /** psi2 = n / D. */
        public double psi2() {
            return samples / (double) inputDim;
        }
    }

    /**
     * Gaussian constants of the theory.
     *
     * @param mu1 E[sigma'(xi)] = E[xi sigma(xi)] of the student
     * @param mu1Teacher E[xi sigma*(xi)]
     * @param labelPower E[y^2] = E[sigma*(xi)^2] + noise^2
     * @param thetaPerEta theta / eta = 2 kappa |mu1| sqrt(mu1*^2 + E[y^2] / psi2)
     * @param thresholdEta eta_c = psi1^{1/4} / thetaPerEta (infinite when mu1 = 0 or the signal vanishes)
     * @param bulkEdge 1 + sqrt(psi1)
     * @param teacherAlignment rho = mu1*^2 / (mu1*^2 + E[y^2] / psi2), squared cosine of X y with beta
     */
    public record Constants(double mu1, double mu1Teacher, double labelPower, double thetaPerEta, double thresholdEta,
        double bulkEdge, double teacherAlignment) {
    }

    private final Config config;
    private final Constants constants;

    public OneStepFeatureLearning(final Config config) {
        Check.that(config != null, "The one-step configuration is missing.");
        this.config = config;
        final Activation s = config.student();
        final Activation t = config.teacher();
        final double mu1 = NormalExpectation.absolute(x -> x * s.value(x), MOMENT_TOLERANCE);
        final double mu1s = NormalExpectation.absolute(x -> x * t.value(x), MOMENT_TOLERANCE);
        final double power = NormalExpectation.absolute(x -> t.value(x) * t.value(x), MOMENT_TOLERANCE)
            + config.noise() * config.noise();
        final double signal = Math.sqrt(mu1s * mu1s + power / config.psi2());
        final double perEta = 2 * config.loss().kappa() * Math.abs(mu1) * signal;
        final double c = config.psi1();
        constants = new Constants(mu1, mu1s, power, perEta,
            perEta > 0 ? SpikedRectangular.threshold(c) / perEta : Double.POSITIVE_INFINITY, SpikedRectangular.bulkEdge(c),
            signal > 0 ? mu1s * mu1s / (signal * signal) : 0);
    }

    public Config config() {
        return config;
    }

    public Constants constants() {
        return constants;
    }

    @Override
    public String id() {
        return ID;
    }

    /** The spiked-matrix theory at the given learning rates (any order, each &gt;= 0). */
    @Override
    public LearningCurves theory(final double[] etas, final Progress progress) {
        final double[] grid = DynamicsModel.checkTimes(etas);
        final int m = grid.length;
        final double c = config.psi1();
        final double[] theta = new double[m];
        final double[] top = new double[m];
        final double[] ovBeta = new double[m];
        final double[] ovA = new double[m];
        for (int i = 0; i < m; i++) {
            theta[i] = grid[i] * constants.thetaPerEta();
            top[i] = SpikedRectangular.topSingularValue(theta[i], c);
            ovBeta[i] = SpikedRectangular.rightOverlap(theta[i], c) * constants.teacherAlignment();
            ovA[i] = SpikedRectangular.leftOverlap(theta[i], c);
        }
        final Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put(THRESHOLD_ETA, constants.thresholdEta());
        scalars.put(BULK_EDGE, constants.bulkEdge());
        scalars.put("theta_per_eta", constants.thetaPerEta());
        scalars.put("teacher_alignment", constants.teacherAlignment());
        return new LearningCurves(ID, TIME, grid, List.of(Curve.theory(THETA, theta), Curve.theory(TOP_SV, top),
            Curve.theory(OVERLAP_BETA, ovBeta), Curve.theory(OVERLAP_A, ovA)), scalars);
    }

    @Override
    public void checkMemory() {
        final int d = config.inputDim();
        final int n = config.width();
        final int s = config.samples();
        final int side = Math.min(n, d);
        Memory.require(String.format(Locale.ROOT, "the one-step simulation (N = %d, D = %d, n = %d)", n, d, s),
            Memory.doubles(n, s, 2) + Memory.doubles(n, d, 5) + Memory.doubles(d, s, 1) + Memory.doubles(side, side, 5));
    }

    /** Monte-Carlo: {@code trials} independent draws, each swept over all learning rates. */
    @Override
    public LearningCurves simulate(final double[] etas, final int trials, final long seed, final Progress progress)
        throws CancelledException {
        final double[] grid = DynamicsModel.checkTimes(etas);
        DynamicsModel.checkTrials(trials);
        checkMemory();
        final int d = config.inputDim();
        final int n = config.width();
        final int s = config.samples();
        final int m = grid.length;
        final Rng root = new Rng(seed);
        final CurveAccumulator acc = new CurveAccumulator(m);
        final CurveAccumulator diagnostics = new CurveAccumulator(1);
        for (int r = 0; r < trials; r++) {
            progress.checkCancelled();
            final Step step = draw(root.split());
            // W1 = W0 + eta sqrt(N) G0 along the learning rates
            final TopSingular.Line line = new TopSingular.Line(step.w0, step.g0);
            diagnostics.add("rank_one_ratio", new double[] {step.rankOneRatio});
            diagnostics.add("gradient_gap", new double[] {step.gradientGap});
            final double[][] v = new double[6][m];
            for (int i = 0; i < m; i++) {
                progress.checkCancelled();
                final TopSingular top = line.at(grid[i] * Math.sqrt(n));
                v[0][i] = grid[i] * step.thetaPerEta;
                v[1][i] = top.s1();
                v[2][i] = SpikedRectangular.topSingularValue(v[0][i], config.psi1());
                v[3][i] = top.s2();
                v[4][i] = TopSingular.overlap(top.right(), step.beta);
                v[5][i] = TopSingular.overlap(top.left(), step.a);
                progress.report((r * m + i + 1) / (double) (trials * m),
                    String.format(Locale.ROOT, "trial %d of %d, eta = %g", r + 1, trials, grid[i]));
            }
            final String[] names = {THETA, TOP_SV, TOP_SV_CONDITIONAL, SECOND_SV, OVERLAP_BETA, OVERLAP_A};
            for (int j = 0; j < names.length; j++) {
                acc.add(names[j], v[j]);
            }
        }
        final Map<String, Double> scalars = new LinkedHashMap<>();
        for (Curve c : diagnostics.curves()) {
            scalars.put(c.name(), c.value(0));
            scalars.put(c.name() + "_se", c.stderr(0));
        }
        progress.report(1, "done");
        return new LearningCurves(ID, TIME, grid, acc.curves(), scalars);
    }

    /** One draw: W0, a, beta, the gradient G0 and its rank-one diagnostics. */
    private record Step(DMatrixRMaj w0, DMatrixRMaj g0, double[] a, double[] beta, double rankOneRatio,
        double gradientGap, double thetaPerEta) {
    }

    private Step draw(final Rng rng) {
        final int d = config.inputDim();
        final int n = config.width();
        final int s = config.samples();
        final DMatrixRMaj w0 = new DMatrixRMaj(n, d);
        rng.gaussians(w0.data, 1 / Math.sqrt(d));
        final double[] a = unitVector(n, rng);
        final double[] beta = unitVector(d, rng);
        final DMatrixRMaj x = DataGenerator.generate(
            new DataSpec(DataModel.GAUSSIAN, s, 0, d, 0, 0, Scale.RAW, SimulationSupport.dataSeed(rng))).train().x();
        final double[] r = new double[s];
        for (int i = 0; i < s; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                z += beta[j] * x.unsafe_get(j, i);
            }
            r[i] = config.teacher().value(z) + config.noise() * rng.gaussian();
        }
        final DMatrixRMaj pre = new DMatrixRMaj(n, s);
        CommonOps_DDRM.mult(w0, x, pre);
        final double sn = Math.sqrt(n);
        final Activation sigma = config.student();
        for (int i = 0; i < s; i++) {
            double f = 0;
            for (int k = 0; k < n; k++) {
                f += a[k] * sigma.value(pre.unsafe_get(k, i));
            }
            r[i] -= f / sn;
        }
        // M = ((1/sqrt(N)) a r^T) o sigma'(W0 X), overwriting the pre-activations
        for (int k = 0; k < n; k++) {
            final double ak = a[k] / sn;
            final int row = k * s;
            for (int i = 0; i < s; i++) {
                pre.data[row + i] = ak * r[i] * derivative(sigma, pre.data[row + i]);
            }
        }
        final double factor = 2 * config.loss().kappa() / s;
        final DMatrixRMaj g0 = new DMatrixRMaj(n, d);
        CommonOps_DDRM.multTransB(factor, pre, x, g0);
        // rank-one part (2 kappa / n)(mu1 / sqrt(N)) a (X r)^T
        final double[] xr = MatrixVector.times(x, r);
        final double c = factor * constants.mu1() / sn;
        final DMatrixRMaj rest = new DMatrixRMaj(n, d);
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < d; j++) {
                rest.data[k * d + j] = g0.data[k * d + j] - c * a[k] * xr[j];
            }
        }
        final TopSingular g = TopSingular.of(g0);
        final TopSingular e = TopSingular.of(rest);
        // realised theta / eta = ||rank-one part of sqrt(N) G0||_op, with ||a|| = 1
        final double realised = Math.abs(c) * sn * Math.sqrt(MatrixVector.dot(xr, xr));
        return new Step(w0, g0, a, beta, g.s1() > 0 ? e.s1() / g.s1() : Double.NaN,
            g.s1() > 0 ? g.s2() / g.s1() : Double.NaN, realised);
    }

    private static double[] unitVector(final int length, final Rng rng) {
        final double[] u = new double[length];
        double norm = 0;
        while (norm == 0) {
            rng.gaussians(u, 1.0);
            norm = 0;
            for (double v : u) {
                norm += v * v;
            }
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < length; j++) {
            u[j] /= norm;
        }
        return u;
    }

    /** Central difference, step 1e-5 (1 + |t|): see the class comment for the error. */
    static double derivative(final Activation sigma, final double t) {
        final double h = 1e-5 * (1 + Math.abs(t));
        return (sigma.value(t + h) - sigma.value(t - h)) / (2 * h);
    }
}
