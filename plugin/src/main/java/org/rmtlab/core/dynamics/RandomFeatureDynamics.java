package org.rmtlab.core.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;

/**
 * The linear random-feature model trained by gradient flow ({@link RandomFeatureFlow}: conventions, losses,
 * Bordelon and Pehlevan 2026) as a {@link DynamicsModel}, id {@code random-features}: train loss and test
 * risk over time, the test risk of the Hermitian counterpart with the same spectrum, and optionally the
 * bias-variance decomposition over feature draws with the test risk of an ensemble.
 *
 * <p>Time axis {@link #TIME} = t, the time of the flow da/dt = -D dL/da (the learning rate D makes the
 * limit O(1)).
 *
 * <p>Curves, theory and simulation under the same names:
 * <ul>
 * <li>{@link #TRAIN_LOSS} (1/P) sum (y - f)^2 and {@link #TEST_RISK} ||v - w*||^2/D (the excess test risk,
 * as for {@code ridge});</li>
 * <li>{@link #HERMITIAN_TEST_RISK} (when enabled): ||Delta||^2/D for dDelta/dt = -B^{1/2} C B^{1/2} Delta,
 * the noiseless {@link HermitianCounterpart}; it is non-increasing, whereas the test risk need not be
 * ({@link NonMonotoneTestLoss});</li>
 * <li>with an ensemble of K >= 2 feature draws: the test risk splits over the randomness of the features F
 * given the training set (X, eps, w*) into {@link #BIAS} ||E_F v - w*||^2/D and {@link #VARIANCE}
 * E_F ||v - E_F v||^2/D (both averaged over the data). Averaging the predictors of K independent feature
 * draws on the same data keeps the bias and divides the variance by K: {@link #ENSEMBLE_TEST_RISK} =
 * bias + variance/K. The label noise is part of the training set, so its effect sits in the bias (it is
 * shared by all members and no ensemble over features removes it).</li>
 * </ul>
 *
 * <p>Theory engines ({@link Engine}): the resolvent ({@link RandomFeatureFlowResolvent}, contour integrals,
 * accurate to about 1e-11 and fast at any time) or the time-domain DMFT ({@link RandomFeatureFlowDmft},
 * Richardson-extrapolated on a uniform grid of at most {@link #MAX_DMFT_STEPS} steps up to the largest
 * time; its error estimate is the scalar {@code dmft_error_estimate}). The bias comes from
 * {@link MarchenkoPasturProduct#independentFeaturesTwoPoint} or from the DMFT's cross-replica equations,
 * the variance is test - bias.
 *
 * <p>Scalars of the theory: {@code risk_limit} (noiseless: the long-time limit
 * {@link RandomFeatureFlow#noiselessTestLimit()}), {@code t_star} and {@code risk_at_t_star} (noiseless: the
 * early-stopping optimum from {@link NonMonotoneTestLoss#find(RandomFeatureFlow)}; t_star = +infinity with the
 * limit as its risk when the test risk decreases throughout), {@code hermitian_risk_limit}
 * ({@link HermitianCounterpart#limit()}, when enabled), {@code dmft_error_estimate} (DMFT engine).
 *
 * <p>Simulation at input dimension D: {@link RandomFeatureFlowSimulation} (closed form at every time, K
 * members per trial for the ensemble) and {@link HermitianCounterpart#simulate} with the same seed, hence the
 * same F, X and w* in every trial.
 */
public final class RandomFeatureDynamics implements DynamicsModel {
    public static final String ID = "random-features";
    /** Name of the time axis: the time t of the flow da/dt = -D dL/da. */
    public static final String TIME = "t";
    public static final String TRAIN_LOSS = "train_loss";
    public static final String TEST_RISK = "test_risk";
    public static final String HERMITIAN_TEST_RISK = "hermitian_test_risk";
    public static final String BIAS = "bias";
    public static final String VARIANCE = "variance";
    public static final String ENSEMBLE_TEST_RISK = "ensemble_test_risk";

    /** Largest DMFT grid (the extrapolated solution also solves twice as many steps; about 2 s at 400). */
    public static final int MAX_DMFT_STEPS = 400;
    /** Target h lambda_+ of the DMFT grid (about 1e-7 extrapolated error, see {@link RandomFeatureFlowDmft}). */
    private static final double DMFT_RESOLUTION = 0.3;
    private static final int MIN_DMFT_STEPS = 20;

    /** How the theory is computed. */
    public enum Engine {
        /** {@link RandomFeatureFlowResolvent}: contour integrals of the resolvent relations. */
        RESOLVENT("resolvent"),
        /** {@link RandomFeatureFlowDmft}: the DMFT in the time domain. */
        DMFT("dmft");

        private final String id;

        Engine(final String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** @throws IllegalArgumentException naming the engines for an unknown id */
        public static Engine fromId(final String id) {
            for (Engine e : values()) {
                if (e.id.equalsIgnoreCase(id.trim())) {
                    return e;
                }
            }
            throw new IllegalArgumentException("Unknown engine '" + id + "': choose resolvent or dmft.");
        }
    }

    /**
     * @param flow the model: psiN, psiP and the label-noise standard deviation
     * @param dimension input dimension D of the simulation (N = psiN D, P = psiP D)
     * @param engine theory engine
     * @param hermitian whether to add the Hermitian counterpart's test risk
     * @param ensemble K >= 2 for the bias, variance and ensemble curves; 0 for none
     */
    public record Config(RandomFeatureFlow flow, int dimension, Engine engine, boolean hermitian, int ensemble) {
        public Config {
            Check.that(flow != null, "Give the random-feature model (psiN, psiP, noise).");
            Check.that(engine != null, "Choose a theory engine: resolvent or dmft.");
            Check.positive("dimension D", dimension);
            RandomFeatureFlowSimulation.sizeOf("N = psiN D", flow.psiN(), dimension);
            RandomFeatureFlowSimulation.sizeOf("P = psiP D", flow.psiP(), dimension);
            Check.that(ensemble == 0 || ensemble >= 2, "The ensemble size K must be 0 (no ensemble) or >= 2 (K = 1 is "
                + "the plain test risk, and the variance needs two feature draws), not " + ensemble + ".");
        }

        /** The non-monotone example ({@link NonMonotoneTestLoss#EXAMPLE}) at the given D, resolvent, Hermitian on. */
        public static Config example(final int dimension) {
            return new Config(NonMonotoneTestLoss.EXAMPLE, dimension, Engine.RESOLVENT, true, 0);
        }

        public Config withEngine(final Engine e) {
            return new Config(flow, dimension, e, hermitian, ensemble);
        }

        public Config withEnsemble(final int k) {
            return new Config(flow, dimension, engine, hermitian, k);
        }
    }

    private final Config config;

    public RandomFeatureDynamics(final Config config) {
        Check.that(config != null, "Give a configuration.");
        this.config = config;
    }

    public Config config() {
        return config;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Refuses a simulation whose matrices of one trial (F, X, the feature Gram matrix, ...) would not fit the heap. */
    @Override
    public void checkMemory() {
        final RandomFeatureFlowSimulation s = new RandomFeatureFlowSimulation(config.flow(), config.dimension());
        Memory.require(String.format(Locale.ROOT, "one trial of the %s simulation with D = %d, N = %d, P = %d", ID,
            s.dimension(), s.features(), s.samples()), s.memoryBytes());
    }

    @Override
    public LearningCurves theory(final double[] times, final Progress progress) throws CancelledException {
        final double[] grid = DynamicsModel.checkTimes(times);
        final RandomFeatureFlow flow = config.flow();
        final boolean ensemble = config.ensemble() > 0;
        final LearningCurves losses;
        double dmftError = Double.NaN;
        final double[] hermitian;
        if (config.engine() == Engine.RESOLVENT) {
            final RandomFeatureFlowResolvent r = new RandomFeatureFlowResolvent(flow, max(grid), ensemble);
            progress.checkCancelled();
            losses = ensemble ? withBias(r.losses(grid), r, grid) : r.losses(grid);
            hermitian = config.hermitian() ? r.hermitianTestLoss(grid) : null;
        } else {
            // all times 0: solve on [0, 1] and read t = 0
            final double tMax = max(grid) > 0 ? max(grid) : 1;
            final int steps = dmftSteps(tMax);
            final RandomFeatureFlowDmft dmft = new RandomFeatureFlowDmft(flow);
            final DmftSolution s = dmft.solveExtrapolated(tMax, steps, ensemble, progress.sub(0, 0.9));
            losses = s.at(grid);
            dmftError = maxEstimate(s);
            if (config.hermitian()) {
                // Hermitian loss = G(2t): the propagator on [0, 2 tMax] with the same step
                final double[] doubled = new double[grid.length];
                for (int i = 0; i < grid.length; i++) {
                    doubled[i] = 2 * grid[i];
                }
                hermitian = DmftSolution.interpolate(dmft.propagator(2 * tMax, 2 * steps), s.step(), doubled);
            } else {
                hermitian = null;
            }
        }
        progress.checkCancelled();
        final List<Curve> curves = new ArrayList<>();
        curves.add(losses.curve(TRAIN_LOSS));
        curves.add(losses.curve(TEST_RISK));
        if (hermitian != null) {
            curves.add(Curve.theory(HERMITIAN_TEST_RISK, hermitian));
        }
        if (ensemble) {
            final double[] test = losses.curve(TEST_RISK).values();
            final double[] bias = losses.curve(BIAS).values();
            final double[] variance = new double[grid.length];
            final double[] risk = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                variance[i] = test[i] - bias[i];
                risk[i] = bias[i] + variance[i] / config.ensemble();
            }
            curves.add(Curve.theory(BIAS, bias));
            curves.add(Curve.theory(VARIANCE, variance));
            curves.add(Curve.theory(ENSEMBLE_TEST_RISK, risk));
        }
        final Map<String, Double> scalars = new LinkedHashMap<>();
        if (flow.isNoiseless()) {
            scalars.put("risk_limit", flow.noiselessTestLimit());
            final TestLossMinimum min = NonMonotoneTestLoss.find(flow);
            scalars.put("t_star", min.nonMonotone() ? min.time() : Double.POSITIVE_INFINITY);
            scalars.put("risk_at_t_star", min.nonMonotone() ? min.value() : min.limit());
        }
        if (config.hermitian()) {
            scalars.put("hermitian_risk_limit", new HermitianCounterpart(flow.psiN(), flow.psiP()).limit());
        }
        if (config.engine() == Engine.DMFT) {
            scalars.put("dmft_error_estimate", dmftError);
        }
        progress.report(1, "done");
        return new LearningCurves(ID, TIME, grid, curves, scalars);
    }

    @Override
    public LearningCurves simulate(final double[] times, final int trials, final long seed, final Progress progress)
        throws CancelledException {
        final double[] grid = DynamicsModel.checkTimes(times);
        DynamicsModel.checkTrials(trials);
        final RandomFeatureFlow flow = config.flow();
        final int members = Math.max(1, config.ensemble());
        // the Hermitian trial decomposes two D x D matrices, about as costly as one member of the flow
        final double share = config.hermitian() ? members / (members + 1.0) : 1;
        final LearningCurves sim = new RandomFeatureFlowSimulation(flow, config.dimension()).simulate(grid, trials,
            members, seed, progress.sub(0, share));
        final List<Curve> curves = new ArrayList<>();
        curves.add(sim.curve(TRAIN_LOSS));
        curves.add(sim.curve(TEST_RISK));
        if (config.hermitian()) {
            curves.add(new HermitianCounterpart(flow.psiN(), flow.psiP()).simulate(config.dimension(), grid, trials, seed,
                progress.sub(share, 1 - share)));
        }
        if (members > 1) {
            curves.add(sim.curve(BIAS));
            curves.add(sim.curve(VARIANCE));
            curves.add(sim.curve(ENSEMBLE_TEST_RISK));
        }
        progress.report(1, "done");
        return new LearningCurves(ID, TIME, grid, curves);
    }

    /**
     * DMFT steps for the horizon: h lambda_+ = {@value #DMFT_RESOLUTION}, clipped to
     * [{@value #MIN_DMFT_STEPS}, {@value #MAX_DMFT_STEPS}] (long horizons are then less accurate, as the error
     * estimate shows).
     */
    int dmftSteps(final double tMax) {
        final double wanted = Math.ceil(tMax * config.flow().spectrum().upperEdge() / DMFT_RESOLUTION);
        return (int) Math.max(MIN_DMFT_STEPS, Math.min(MAX_DMFT_STEPS, wanted));
    }

    private static LearningCurves withBias(final LearningCurves losses, final RandomFeatureFlowResolvent r,
        final double[] grid) {
        final double[] bias = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            bias[i] = r.bias(grid[i]);
        }
        final List<Curve> curves = new ArrayList<>(losses.curves());
        curves.add(Curve.theory(BIAS, bias));
        return new LearningCurves(ID, TIME, grid, curves);
    }

    private static double maxEstimate(final DmftSolution s) {
        double e = 0;
        for (int i = 0; i < s.times().length; i++) {
            e = Math.max(e, Math.max(s.trainErrorEstimate()[i], s.testErrorEstimate()[i]));
            if (s.hasBias()) {
                e = Math.max(e, s.biasErrorEstimate()[i]);
            }
        }
        return e;
    }

    private static double max(final double[] grid) {
        double m = 0;
        for (double t : grid) {
            m = Math.max(m, t);
        }
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RandomFeatureDynamics[%s, D = %d, %s%s%s]", config.flow(), config.dimension(),
            config.engine().id(), config.hermitian() ? ", hermitian" : "",
            config.ensemble() > 0 ? ", ensemble K = " + config.ensemble() : "");
    }
}
