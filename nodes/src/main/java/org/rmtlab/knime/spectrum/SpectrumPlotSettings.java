package org.rmtlab.knime.spectrum;

import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.Histogram;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.GroupOptions;
import org.rmtlab.knime.common.SampleTables;

/**
 * Settings of the Spectrum Plot node <-> {@link Parameters}. The keys are part of saved workflows: never rename
 * one; a key an older workflow lacks loads its default.
 *
 * <p>Defaults: the Marchenko–Pastur law over the sample covariance of every numeric column except the Data
 * Generator's target and class columns, with the variance estimated from the trace. On the Data Generator's
 * default table (two-class mixture, p = 256, n = 512, rho = 4) this is the figure of Liao's lecture slides (LC18
 * dynamics: the MP bulk at c = 1/2 and the isolated eigenvalue at c + 1 + rho + c/rho, in units of the noise
 * variance, since rho > sqrt(c)).
 */
final class SpectrumPlotSettings extends GroupOptions {
    static final String KEY_INPUT = "input";
    static final String KEY_COLUMNS = "columns";
    static final String KEY_EIGENVALUE_COLUMN = "eigenvalue_column";
    static final String KEY_P = "p";
    static final String KEY_N = "n";
    static final String KEY_SIDE = "side";
    static final String KEY_SUBTRACT_MEANS = "subtract_means";
    static final String KEY_RANDOM_FEATURES = "random_features";
    static final String KEY_FEATURE_COUNT = "feature_count";
    static final String KEY_ACTIVATION = "activation";
    static final String KEY_SEED = "seed";
    static final String KEY_OVERLAY = "overlay";
    static final String KEY_POPULATION = "population";
    static final String KEY_ESTIMATE_VARIANCE = "estimate_variance";
    static final String KEY_VARIANCE = "variance";
    static final String KEY_BINS = "bins";
    static final String KEY_LOG_X = "log_x";
    static final String KEY_LOG_Y = "log_y";
    static final String KEY_MARGIN = "outlier_margin";
    static final String KEY_SKIP = "skip_missing";

    /** Most Tracy–Widom scales of outlier margin accepted. */
    static final double MAX_MARGIN = 1000;

    final SettingsModelString input = group.string(KEY_INPUT, InputMode.DATA_COLUMNS.id());
    final SettingsModelString eigenvalueColumn = group.string(KEY_EIGENVALUE_COLUMN, "");
    final SettingsModelIntegerBounded p = group.integer(KEY_P, 0, 0, Integer.MAX_VALUE);
    final SettingsModelIntegerBounded n = group.integer(KEY_N, 0, 0, Integer.MAX_VALUE);
    final SettingsModelString side = group.string(KEY_SIDE, SampleMatrix.COVARIANCE.id());
    final SettingsModelBoolean subtractMeans = group.bool(KEY_SUBTRACT_MEANS, false);
    final SettingsModelBoolean randomFeatures = group.bool(KEY_RANDOM_FEATURES, false);
    final SettingsModelIntegerBounded featureCount = group.integer(KEY_FEATURE_COUNT, 512, 1, FeatureMap.MAX_COUNT);
    final SettingsModelString activation = group.string(KEY_ACTIVATION, "relu");
    final SettingsModelInteger seed = group.integer(KEY_SEED, 42);
    final SettingsModelString overlay = group.string(KEY_OVERLAY, Overlay.MARCHENKO_PASTUR.id());
    final SettingsModelString population = group.string(KEY_POPULATION, "identity");
    final SettingsModelBoolean estimateVariance = group.bool(KEY_ESTIMATE_VARIANCE, true);
    final SettingsModelDoubleBounded variance = group.real(KEY_VARIANCE, 1.0, Double.MIN_VALUE, Double.MAX_VALUE);
    final SettingsModelIntegerBounded bins = group.integer(KEY_BINS, 0, 0, Histogram.MAX_BINS);
    final SettingsModelBoolean logX = group.bool(KEY_LOG_X, false);
    final SettingsModelBoolean logY = group.bool(KEY_LOG_Y, false);
    final SettingsModelDoubleBounded margin =
        group.real(KEY_MARGIN, EmpiricalSpectrum.DEFAULT_EDGE_MARGIN, 0, MAX_MARGIN);
    final SettingsModelBoolean skipMissing = group.bool(KEY_SKIP, false);
    /**
     * Numeric columns; the Data Generator's target and class label start excluded. Declared last, so that it is
     * saved after the other settings, where saved workflows have it.
     */
    final SettingsModelColumnFilter2 columns =
        group.columnFilter(KEY_COLUMNS, DoubleValue.class, SampleTables.COL_Y, SampleTables.COL_CLASS);

    SpectrumPlotSettings() {
        input.addChangeListener(e -> updateEnabled());
        randomFeatures.addChangeListener(e -> updateEnabled());
        overlay.addChangeListener(e -> updateEnabled());
        estimateVariance.addChangeListener(e -> updateEnabled());
        updateEnabled();
    }

    /** Enables exactly the settings the chosen input, feature map and overlay read. */
    void updateEnabled() {
        final boolean data = chosen(input, InputMode.DATA_COLUMNS.id());
        columns.setEnabled(data);
        subtractMeans.setEnabled(data);
        randomFeatures.setEnabled(data);
        final boolean features = data && randomFeatures.getBooleanValue();
        featureCount.setEnabled(features);
        activation.setEnabled(features);
        seed.setEnabled(features);
        eigenvalueColumn.setEnabled(!data);
        p.setEnabled(!data);
        n.setEnabled(!data);
        final boolean law = !chosen(overlay, Overlay.NONE.id());
        population.setEnabled(chosen(overlay, Overlay.POPULATION_COVARIANCE.id()));
        // the nonlinear Gram law has no free scale: the activation and the data fix it
        final boolean scaled = law && !chosen(overlay, Overlay.NONLINEAR_GRAM.id());
        estimateVariance.setEnabled(scaled);
        variance.setEnabled(scaled && !estimateVariance.getBooleanValue());
        margin.setEnabled(law);
    }

    @Override
    protected void loaded() {
        updateEnabled();
    }

    /** Every check that needs no input table. */
    @Override
    public void check() throws InvalidSettingsException {
        parameters();
    }

    /**
     * The chosen options as core types.
     *
     * @param input where the eigenvalues come from
     * @param eigenvalueColumn the column of eigenvalues (eigenvalue column only)
     * @param p the dimension given for an eigenvalue column, 0 for the number of eigenvalues (covariance side)
     * @param n the sample count given for an eigenvalue column, 0 for the number of eigenvalues (Gram side)
     * @param side covariance or Gram matrix
     * @param subtractMeans whether rows of the data matrix are centred (data columns only)
     * @param features the random feature map, or null (always null for an eigenvalue column)
     * @param overlay the law drawn
     * @param population the population covariance text
     * @param variance the scale sigma^2, NaN to estimate it
     * @param bins histogram bins, 0 for automatic
     * @param margin outlier margin in Tracy–Widom scales
     */
    record Parameters(InputMode input, String eigenvalueColumn, int p, int n, SampleMatrix side,
        boolean subtractMeans, FeatureMap features, Overlay overlay, String population, double variance, int bins,
        boolean logX, boolean logY, double margin, boolean skipMissing) {
    }

    /** The parameters; bad values give a message saying how to fix them. */
    Parameters parameters() throws InvalidSettingsException {
        return CoreCall.settings(() -> {
            final InputMode mode = InputMode.fromId(input.getStringValue());
            final boolean data = mode == InputMode.DATA_COLUMNS;
            final FeatureMap features = data && randomFeatures.getBooleanValue()
                ? FeatureMap.of(featureCount.getIntValue(), activation.getStringValue(), seed.getIntValue()) : null;
            final Overlay law = Overlay.fromId(overlay.getStringValue());
            law.check(population.getStringValue(), mode, features);
            return new Parameters(mode, eigenvalueColumn.getStringValue(), p.getIntValue(), n.getIntValue(),
                SampleMatrix.fromId(side.getStringValue()),
                data && subtractMeans.getBooleanValue(), features, law, population.getStringValue(),
                estimateVariance.getBooleanValue() ? Double.NaN : variance.getDoubleValue(), bins.getIntValue(),
                logX.getBooleanValue(), logY.getBooleanValue(), margin.getDoubleValue(), skipMissing.getBooleanValue());
        });
    }

    /** The data columns chosen in the filter, in table order. */
    List<String> dataColumns(final DataTableSpec spec) {
        return Arrays.asList(columns.applyTo(spec).getIncludes());
    }
}
