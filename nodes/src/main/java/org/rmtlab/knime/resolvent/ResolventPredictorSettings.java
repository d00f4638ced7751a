package org.rmtlab.knime.resolvent;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.rmtlab.core.cli.Grid;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.resolvent.DoubleDescentSpec;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.SampleTables;
import org.rmtlab.knime.common.SettingsGroup;

/**
 * Settings of the Resolvent Predictor. The keys are part of saved workflows: never rename one; a key added
 * later loads its default when absent.
 *
 * <p>Defaults reproduce the double-descent figure of random-feature ridge regression (Louart, Liao and
 * Couillet 2018; Liao's slides, "Numerical results: double descent") on the Data Generator's default table
 * (two-class mixture, n = 512, p = 256, n_test = 512, ||x|| about 1): ReLU features, N/n from 0.1 to 10 on 31
 * log-spaced points (N/n = 1 among them), three ridges gamma = 1e-4, 1e-2, 1 (the peak at N = n for the
 * smallest, flattened by the largest) and 10 Monte-Carlo trials.
 */
final class ResolventPredictorSettings {
    static final String KEY_FEATURES = "feature_columns";
    static final String KEY_TARGET = "target_column";
    static final String KEY_MODE = "mode";
    static final String KEY_ACTIVATION = "activation";
    static final String KEY_RATIO_FROM = "ratio_from";
    static final String KEY_RATIO_TO = "ratio_to";
    static final String KEY_RATIO_COUNT = "ratio_count";
    static final String KEY_GAMMAS = "gammas";
    static final String KEY_TRIALS = "trials";
    static final String KEY_SEED = "seed";
    static final String KEY_THREADS = "threads";
    static final String KEY_SKIP = "skip_missing";
    static final String KEY_ESTIMATE = "estimate_signal_noise";
    static final String KEY_SIGNAL = "signal_variance";
    static final String KEY_NOISE = "noise_sd";
    static final String KEY_ENSEMBLE = "ensemble_size";

    /** More points than a chart or a table needs; guards against a typo asking for millions. */
    static final int MAX_POINTS = 10_000;

    /** What the node predicts. */
    enum Mode {
        /** Random-feature ridge regression: LLC18 deterministic equivalents beside Monte-Carlo simulation. */
        RANDOM_FEATURES("random-features"),
        /** Linear ridge: HMRT's isotropic theory at the table's c beside ridge fitted on the table. */
        LINEAR_RIDGE("linear-ridge");

        private final String id;

        Mode(final String id) {
            this.id = id;
        }

        String id() {
            return id;
        }

        static List<String> ids() {
            return Stream.of(values()).map(Mode::id).toList();
        }

        static Mode fromId(final String id) throws InvalidSettingsException {
            final String s = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
            for (Mode m : values()) {
                if (m.id.equals(s)) {
                    return m;
                }
            }
            throw new InvalidSettingsException("Unknown mode '" + id + "'. Choose one of: " + String.join(", ", ids())
                + ".");
        }
    }

    private final SettingsGroup group = new SettingsGroup();

    /** Numeric columns; the Data Generator's target and class label start excluded. */
    final SettingsModelColumnFilter2 features =
        group.columnFilter(KEY_FEATURES, DoubleValue.class, SampleTables.COL_Y, SampleTables.COL_CLASS);
    final SettingsModelString target = group.string(KEY_TARGET, SampleTables.COL_Y);
    final SettingsModelString mode = group.string(KEY_MODE, Mode.RANDOM_FEATURES.id());
    final SettingsModelString activation = group.string(KEY_ACTIVATION, "relu");
    final SettingsModelDouble ratioFrom = group.real(KEY_RATIO_FROM, 0.1);
    final SettingsModelDouble ratioTo = group.real(KEY_RATIO_TO, 10);
    final SettingsModelIntegerBounded ratioCount = group.integer(KEY_RATIO_COUNT, 31, 1, MAX_POINTS);
    final SettingsModelString gammas = group.string(KEY_GAMMAS, "1e-4, 1e-2, 1");
    final SettingsModelInteger trials = group.integer(KEY_TRIALS, 10);
    final SettingsModelInteger seed = group.integer(KEY_SEED, 42);
    final SettingsModelInteger threads = group.integer(KEY_THREADS, 0);
    final SettingsModelBoolean skipMissing = group.bool(KEY_SKIP, false);
    final SettingsModelBoolean estimate = group.bool(KEY_ESTIMATE, true);
    final SettingsModelDouble signal = group.real(KEY_SIGNAL, 1);
    final SettingsModelDouble noise = group.real(KEY_NOISE, 0.5);
    /** Ensemble size K of the random-feature mode; 1 (a single fit) is the behaviour before the key existed. */
    final SettingsModelInteger ensemble = group.integer(KEY_ENSEMBLE, 1);

    ResolventPredictorSettings() {
        mode.addChangeListener(e -> updateEnabled());
        estimate.addChangeListener(e -> updateEnabled());
        updateEnabled();
    }

    /** Enables the settings the chosen mode reads (an unknown mode counts as random features; check refuses it). */
    void updateEnabled() {
        final String m = mode.getStringValue() == null ? "" : mode.getStringValue().trim();
        final boolean linear = m.equalsIgnoreCase(Mode.LINEAR_RIDGE.id());
        for (SettingsModel rf : List.of(activation, ratioFrom, ratioTo, ratioCount, trials, seed, threads,
            ensemble)) {
            rf.setEnabled(!linear);
        }
        estimate.setEnabled(linear);
        signal.setEnabled(linear && !estimate.getBooleanValue());
        noise.setEnabled(linear && !estimate.getBooleanValue());
    }

    void saveTo(final NodeSettingsWO settings) {
        group.saveTo(settings);
    }

    void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        group.loadFrom(settings);
        updateEnabled();
    }

    /** Checks settings without changing this instance. */
    static void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        final ResolventPredictorSettings tmp = new ResolventPredictorSettings();
        tmp.loadFrom(settings);
        tmp.check();
    }

    /** Every check that needs no input table; each message says how to fix the setting. */
    void check() throws InvalidSettingsException {
        final Mode m = mode();
        gammaValues(m);
        if (m == Mode.RANDOM_FEATURES) {
            spec();
        } else if (!estimate.getBooleanValue()) {
            nonNegative("Signal variance", signal.getDoubleValue());
            nonNegative("Noise standard deviation", noise.getDoubleValue());
        }
    }

    Mode mode() throws InvalidSettingsException {
        return Mode.fromId(mode.getStringValue());
    }

    /** The activation; a bad id gives the core's message listing the valid ones. */
    Activation activation() throws InvalidSettingsException {
        return CoreCall.settings(() -> Activations.byId(activation.getStringValue()));
    }

    /** The sweep of the random-feature mode. */
    DoubleDescentSpec spec() throws InvalidSettingsException {
        final Activation sigma = activation();
        final double[] ratios = ratioValues();
        final double[] g = gammaValues(Mode.RANDOM_FEATURES);
        final int t = trials.getIntValue();
        if (t < 0) {
            throw new InvalidSettingsException("Monte-Carlo trials must be 0 (theory only) or more, not " + t + ".");
        }
        final int th = threads.getIntValue();
        if (th < 0) {
            throw new InvalidSettingsException("Threads must be 0 (one per processor) or more, not " + th + ".");
        }
        final int k = ensemble.getIntValue();
        if (k < 1) {
            throw new InvalidSettingsException("The ensemble size K must be 1 (a single fit) or more, not " + k + ".");
        }
        return CoreCall.settings(() -> new DoubleDescentSpec(sigma, ratios, g, t, seed.getIntValue(), th, k));
    }

    /**
     * The N/n grid, log-spaced; with one point it is just "from".
     *
     * @throws InvalidSettingsException when an end is not a number > 0 or the range is empty or reversed
     */
    double[] ratioValues() throws InvalidSettingsException {
        final double a = ratioFrom.getDoubleValue();
        final double b = ratioTo.getDoubleValue();
        final int k = ratioCount.getIntValue();
        if (!(Double.isFinite(a) && a > 0)) {
            throw new InvalidSettingsException(String.format(Locale.ROOT,
                "'N/n from' (%s) must be a number > 0: N/n is the number of random features per training sample.", a));
        }
        if (k > 1 && !(Double.isFinite(b) && b > a)) {
            throw new InvalidSettingsException(String.format(Locale.ROOT,
                "The N/n sweep is empty or reversed: 'N/n to' (%s) must be larger than 'N/n from' (%s). %s", b, a,
                b < a ? "Swap the two values." : "Enter a larger 'N/n to', or set 'Number of N/n points' to 1."));
        }
        return new Grid(a, k == 1 ? a : b, k, true).values();
    }

    /**
     * The ridge values: a list ("1e-4, 1e-2, 1") or a log-spaced grid FROM:TO:COUNT ("1e-4:1:9"). Random
     * features need gamma > 0 (the theory's resolvent (Psi + gamma I)^{-1} must exist for any N); linear ridge
     * accepts gamma = 0, the minimum-norm least-squares fit.
     */
    double[] gammaValues(final Mode m) throws InvalidSettingsException {
        final String text = gammas.getStringValue() == null ? "" : gammas.getStringValue().trim();
        final String how = " Enter numbers separated by commas (for example 1e-4, 1e-2, 1) or a log-spaced grid "
            + "FROM:TO:COUNT (for example 1e-4:1:9).";
        if (text.isEmpty()) {
            throw new InvalidSettingsException("No ridge gamma given." + how);
        }
        final double[] values;
        if (text.contains(":")) {
            final String[] parts = text.split(":");
            if (parts.length != 3) {
                throw new InvalidSettingsException("The gamma grid '" + text + "' is not FROM:TO:COUNT." + how);
            }
            final double a = number(parts[0], how);
            final double b = number(parts[1], how);
            final int k;
            try {
                k = Integer.parseInt(parts[2].trim());
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException("The gamma grid's COUNT '" + parts[2].trim() + "' is not a whole "
                    + "number." + how, e);
            }
            if (k < 1 || k > MAX_POINTS) {
                throw new InvalidSettingsException("The gamma grid needs between 1 and " + MAX_POINTS + " points, not "
                    + k + ".");
            }
            if (!(a > 0)) {
                throw new InvalidSettingsException("The gamma grid is log-spaced: FROM must be > 0, not " + a + ".");
            }
            if (k > 1 && !(b > a)) {
                throw new InvalidSettingsException("The gamma grid " + text + " is empty or reversed: TO must be "
                    + "larger than FROM." + (b < a ? " Swap the two values." : ""));
            }
            values = new Grid(a, k == 1 ? a : b, k, true).values();
        } else {
            final String[] parts = text.split("[,;\\s]+");
            if (parts.length > MAX_POINTS) {
                throw new InvalidSettingsException("At most " + MAX_POINTS + " gamma values, not " + parts.length
                    + ".");
            }
            values = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = number(parts[i], how);
            }
        }
        for (double g : values) {
            if (m == Mode.RANDOM_FEATURES && !(g > 0)) {
                throw new InvalidSettingsException("Every gamma must be > 0 in random-features mode (the ridge keeps "
                    + "the resolvent of the random-feature Gram matrix defined), but " + g + " was given. Use a small "
                    + "value such as 1e-6 for nearly ridgeless regression.");
            }
            if (!(g >= 0)) {
                throw new InvalidSettingsException("Every gamma must be >= 0 (0: ridgeless least squares), but " + g
                    + " was given.");
            }
        }
        return values;
    }

    private static double number(final String text, final String how) throws InvalidSettingsException {
        try {
            final double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new InvalidSettingsException("The gamma value '" + text.trim() + "' is not a finite number."
                    + how);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("The gamma value '" + text.trim() + "' is not a number." + how, e);
        }
    }

    private static void nonNegative(final String name, final double v) throws InvalidSettingsException {
        if (!(Double.isFinite(v) && v >= 0)) {
            throw new InvalidSettingsException(name + " must be a number >= 0, not " + v
                + ", or tick 'Estimate signal and noise from the training table'.");
        }
    }

    /** The feature columns the filter selects from the spec, in table order. */
    List<String> featureColumns(final DataTableSpec spec) {
        return List.of(features.applyTo(spec).getIncludes());
    }
}
