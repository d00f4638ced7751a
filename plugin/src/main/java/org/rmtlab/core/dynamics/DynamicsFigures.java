package org.rmtlab.core.dynamics;

import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.chart.Figures;
import org.rmtlab.core.chart.Measured;
import org.rmtlab.core.util.Check;

/**
 * The one figure of a {@link DynamicsModel}'s curves, drawn alike by the Dynamics Simulator node's image port and by
 * {@code rmtlab demo}: the learning curves ({@link Figures#learningCurves}) of the training and test curves, theory
 * as lines and simulation as points with error bars, the theory's early-stopping optimum marked with its time and
 * test value (or a note when it is 0, infinite or outside the times shown) and the model's extra curves (the
 * Hermitian counterpart and the ensemble of random features); for one-step feature learning the picture of Ba et
 * al. (2022): the top singular value of W1 against eta with the bulk edge and the threshold eta_c.
 * {@link #describe} is the figure's subtitle: the parameters the model was built with.
 */
public final class DynamicsFigures {

    /**
     * How the learning curves of a model are shown.
     *
     * @param title the model in words, for the title
     * @param timeSymbol the time's symbol, for example "τ"
     * @param timeLabel the x axis
     * @param train name of the training curve
     * @param test name of the test curve
     * @param testName what the test curve is, for the optimum's label
     * @param yLabel the y axis
     * @param optimumTime theory scalar holding the early-stopping time, or {@code null}
     * @param optimumValue theory scalar holding the test curve at that time, or {@code null}
     * @param extras further curves drawn beside the test curve, each {name in the legend, curve name}
     */
    public record Look(String title, String timeSymbol, String timeLabel, String train, String test, String testName,
        String yLabel, String optimumTime, String optimumValue, List<String[]> extras) {
    }

    private static final String TAU = "\u03C4";
    private static final String TAU_LABEL = "time \u03C4 = \u03B1 t";

    private DynamicsFigures() {
    }

    /**
     * How the learning curves of the model with this id are shown, or {@code null} for a model drawn otherwise
     * (one-step feature learning).
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public static Look look(final String modelId) {
        return switch (modelId) {
            case GaussianMixtureDynamics.ID -> new Look("Gaussian-mixture classifier", TAU, TAU_LABEL,
                GaussianMixtureDynamics.TRAIN_ERROR, GaussianMixtureDynamics.TEST_ERROR, "test error",
                "misclassification rate", "tau_star", "test_error_at_tau_star", List.of());
            case RidgeDynamics.ID -> new Look("linear regression", TAU, TAU_LABEL, RidgeDynamics.TRAIN_LOSS,
                RidgeDynamics.TEST_RISK, "excess test risk", "mean-squared error (test: excess risk)", "tau_star",
                "risk_at_tau_star", List.of());
            case DeepLinearNetwork.ID -> new Look("deep linear network", "t", "flow time t",
                DeepLinearNetwork.TRAIN_LOSS, DeepLinearNetwork.TEST_RISK, "test risk", "mean-squared error", null,
                null, List.of());
            case RandomFeatureDynamics.ID -> new Look("random-feature regression", "t",
                "flow time t", RandomFeatureDynamics.TRAIN_LOSS, RandomFeatureDynamics.TEST_RISK, "test risk",
                "mean-squared error (test: noise-free risk)", "t_star", "risk_at_t_star",
                List.of(new String[] {"Hermitian test", RandomFeatureDynamics.HERMITIAN_TEST_RISK},
                    new String[] {"ensemble test", RandomFeatureDynamics.ENSEMBLE_TEST_RISK}));
            case OneStepFeatureLearning.ID -> null;
            default -> throw new IllegalArgumentException("No figure for the dynamics model '" + modelId + "'.");
        };
    }

    /**
     * The figure of a model's curves.
     *
     * @param modelId the model's {@link DynamicsModel#id()}
     * @param subtitle the parameters in words ({@link #describe}, plus where they came from)
     * @param theory the theory's curves
     * @param sim the simulated curves, or {@code null}
     * @param trials the number of trials behind {@code sim}
     */
    public static Figure figure(final String modelId, final String subtitle, final LearningCurves theory,
        final LearningCurves sim, final int trials) {
        final Look look = look(modelId);
        return look == null ? oneStep(subtitle, theory, sim, trials) : learning(look, subtitle, theory, sim, trials);
    }

    private static Figure learning(final Look look, final String subtitle, final LearningCurves theory,
        final LearningCurves sim, final int trials) {
        final double[] t = theory.times();
        // the optimum is marked here, with the model's time symbol and the test value, not by learningCurves
        final Figure.Builder b = Figures.learningCurves(t, line(theory, look.train()), line(theory, look.test()),
            measured(sim, look.train()), measured(sim, look.test()), Double.NaN).toBuilder()
            .title("Learning curves: " + look.title()).subtitle(subtitle).xLabel(look.timeLabel())
            .yLabel(look.yLabel());
        for (String[] extra : look.extras()) {
            final double[] l = line(theory, extra[1]);
            if (l != null) {
                b.theory(extra[0], t, l);
            }
            final Measured m = measured(sim, extra[1]);
            if (m != null) {
                b.simulation(extra[0], m);
            }
        }
        if (sim != null) {
            b.note(trialsNote(trials));
        }
        if (!theory.has(look.test())) {
            b.note("no theory for these settings: simulation only");
        }
        final double tau = look.optimumTime() == null ? Double.NaN
            : theory.scalars().getOrDefault(look.optimumTime(), Double.NaN);
        final double best = look.optimumValue() == null ? Double.NaN
            : theory.scalars().getOrDefault(look.optimumValue(), Double.NaN);
        final String symbol = look.timeSymbol();
        final String testName = look.testName();
        if (tau > 0 && tau >= t[0] && tau <= t[t.length - 1]) {
            b.markX(tau, String.format(Locale.ROOT, "early-stopping optimum %s* = %s, %s %s", symbol, number(tau),
                testName, number(best)));
        } else if (tau == Double.POSITIVE_INFINITY) {
            b.note(String.format(Locale.ROOT, "theory: the %s keeps decreasing, stopping early does not help "
                + "(limit %s)", testName, number(best)));
        } else if (tau == 0) {
            b.note(String.format(Locale.ROOT, "theory: the %s is lowest before training (%s)", testName,
                number(best)));
        } else if (!Double.isNaN(tau)) {
            b.note(String.format(Locale.ROOT, "theory: early-stopping optimum %s* = %s, outside the time range "
                + "shown (%s %s there)", symbol, number(tau), testName, number(best)));
        }
        return b.build();
    }

    /**
     * The picture of Ba et al.: the top singular value of W1 against eta, theory and simulation, with the second
     * singular value (the bulk) simulated, the bulk edge 1 + sqrt(psi1) and the threshold eta_c marked.
     */
    private static Figure oneStep(final String subtitle, final LearningCurves theory, final LearningCurves sim,
        final int trials) {
        final double[] eta = theory.times();
        final Figure.Builder b = Figure.builder().title("One gradient step: top singular value of W\u2081")
            .subtitle(subtitle).xLabel("learning rate \u03B7").yLabel("singular value of W\u2081").logX(true);
        final double[] top = line(theory, OneStepFeatureLearning.TOP_SV);
        if (top != null) {
            b.theory("top singular value", eta, top);
        }
        if (sim != null) {
            b.simulation("top singular value", measured(sim, OneStepFeatureLearning.TOP_SV));
            b.simulation("second singular value", measured(sim, OneStepFeatureLearning.SECOND_SV));
            b.note(trialsNote(trials));
        }
        final double edge = theory.scalars().getOrDefault(OneStepFeatureLearning.BULK_EDGE, Double.NaN);
        if (Double.isFinite(edge)) {
            b.markY(edge, "bulk edge 1 + \u221A\u03C8\u2081 = " + number(edge));
        }
        final double threshold = theory.scalars().getOrDefault(OneStepFeatureLearning.THRESHOLD_ETA, Double.NaN);
        if (threshold >= eta[0] && threshold <= eta[eta.length - 1]) {
            b.markX(threshold, "threshold \u03B7_c = " + number(threshold));
        } else if (Double.isFinite(threshold)) {
            b.note("theory: threshold \u03B7_c = " + number(threshold) + ", outside the range shown");
        }
        return b.build();
    }

    /**
     * The parameters a model was built with, in one line for the figure's subtitle, for example
     * {@code p = 256, n = 512 (c = 0.5), ρ = 2, σ² = 0.1, γ = 0, gradient flow}.
     *
     * @throws IllegalArgumentException for a model this class does not know
     */
    public static String describe(final DynamicsModel model) {
        Check.that(model != null, "Give a dynamics model.");
        if (model instanceof GaussianMixtureDynamics m) {
            return gradient(m.p(), m.n(), m.method(), "\u03C1 = " + number(m.rho()) + ", \u03C3\u00B2 = "
                + number(m.initVariance()) + ", \u03B3 = " + number(m.gamma()));
        }
        if (model instanceof RidgeDynamics m) {
            return gradient(m.p(), m.n(), m.method(), "r\u00B2 = " + number(m.signal()) + ", s\u00B2 = "
                + number(m.noise()) + ", s\u2080\u00B2 = " + number(m.init()) + ", \u03B3 = " + number(m.gamma()));
        }
        if (model instanceof DeepLinearNetwork m) {
            final DeepLinearNetwork.Config c = m.config();
            return "L = " + c.depth() + ", D = " + c.inputDim() + ", N = " + c.width()
                + (c.samples() == DeepLinearNetwork.POPULATION ? ", population loss" : ", P = " + c.samples())
                + ", \u03B3\u2080 = " + number(c.gamma0()) + ", \u03C3_a = " + number(c.readoutInit())
                + ", \u03C3_W = " + number(c.hiddenInit()) + ", noise " + number(c.noise());
        }
        if (model instanceof OneStepFeatureLearning m) {
            final OneStepFeatureLearning.Config c = m.config();
            final int d = c.inputDim();
            return String.format(Locale.ROOT, "D = %d, N = %d, n = %d (\u03C8\u2081 = %s, \u03C8\u2082 = %s), "
                + "\u03C3 = %s, \u03C3* = %s, noise %s, loss %s", d, c.width(), c.samples(),
                number(c.width() / (double) d), number(c.samples() / (double) d), c.student().id(), c.teacher().id(),
                number(c.noise()), c.loss().id());
        }
        if (model instanceof RandomFeatureDynamics m) {
            final RandomFeatureDynamics.Config c = m.config();
            final int d = c.dimension();
            final RandomFeatureFlow f = c.flow();
            return String.format(Locale.ROOT, "D = %d, N = %d, P = %d (\u03C8_N = %s, \u03C8_P = %s), noise %s, "
                + "%s theory%s", d, Math.round(f.psiN() * d), Math.round(f.psiP() * d), number(f.psiN()),
                number(f.psiP()), number(f.noise()), c.engine().id(),
                c.ensemble() > 0 ? ", ensemble K = " + c.ensemble() : "");
        }
        throw new IllegalArgumentException("No description for the dynamics model '" + model.id() + "'.");
    }

    private static String gradient(final int p, final int n, final GradientMethod method, final String parameters) {
        final String training = method instanceof GradientMethod.Descent d
            ? "gradient descent \u03B1 = " + number(d.alpha()) : "gradient flow";
        return String.format(Locale.ROOT, "p = %d, n = %d (c = %s), %s, %s", p, n, number(p / (double) n),
            parameters, training);
    }

    /** The footnote under simulated points. */
    private static String trialsNote(final int trials) {
        return String.format(Locale.ROOT, "points: mean \u00B1 standard error over %d trial%s", trials,
            trials == 1 ? "" : "s");
    }

    /** The theory curve, or {@code null} when the theory has none for these settings. */
    private static double[] line(final LearningCurves theory, final String name) {
        return theory.has(name) ? theory.curve(name).values() : null;
    }

    /** The simulated curve with its standard errors, or {@code null}. */
    private static Measured measured(final LearningCurves sim, final String name) {
        if (sim == null || !sim.has(name)) {
            return null;
        }
        final Curve c = sim.curve(name);
        return new Measured(sim.times(), c.values(), c.stderr());
    }

    /** A number as the dynamics figures write it: {@link Figures#number(double, int)} with 4 significant digits. */
    public static String number(final double v) {
        return Figures.number(v, 4);
    }
}
