package org.rmtlab.knime.resolvent;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.resolvent.DesignIsotropy;
import org.rmtlab.core.resolvent.DoubleDescent;
import org.rmtlab.core.resolvent.DoubleDescentPoint;
import org.rmtlab.core.resolvent.DoubleDescentSpec;
import org.rmtlab.core.resolvent.LinearRidgeSweep;
import org.rmtlab.knime.common.ChartOutput;
import org.rmtlab.knime.common.ChartSource;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.ExecProgress;
import org.rmtlab.knime.common.NumericMatrixReader;
import org.rmtlab.knime.common.TableMatrix;
import org.rmtlab.knime.resolvent.ResolventPredictorSettings.Mode;

/**
 * Resolvent Predictor: training and test error of ridge regression predicted by random-matrix theory beside
 * what actually happens, for the table's own data. Random-feature mode: {@link DoubleDescent} (LLC18
 * deterministic equivalents beside Monte-Carlo simulation). Linear-ridge mode: {@link LinearRidgeSweep} (HMRT
 * theory beside ridge fitted on the table). Both write the columns of {@link DoubleDescentPoint#COLUMNS}, one
 * row per (gamma, N/n), and a chart.
 */
final class ResolventPredictorNodeModel extends NodeModel implements ChartSource {
    static final String TRAIN_TABLE = "training table";
    static final String TEST_TABLE = "test table";
    /** Flow variables of linear-ridge mode: the model the theory used and its best penalty. */
    static final String VAR_SIGNAL = "ridge_signal_variance";
    static final String VAR_NOISE = "ridge_noise_sd";
    static final String VAR_FEATURE_VARIANCE = "ridge_feature_variance";
    static final String VAR_OPTIMAL_GAMMA = "ridge_optimal_gamma";
    static final String NO_TEST_WARNING = "No test table is connected: only training errors are computed, the test "
        + "columns stay missing. Connect a test table with the same columns to the second input (for example the Data "
        + "Generator's test table, or a part of your table split off with the Table Partitioner node).";

    private final ResolventPredictorSettings settings = new ResolventPredictorSettings();
    private ChartOutput chart;

    ResolventPredictorNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[] {BufferedDataTable.TYPE, ImagePortObject.TYPE});
    }

    @Override
    public ChartOutput chart() {
        return chart;
    }

    /** The columns of {@link DoubleDescentPoint#COLUMNS}: N as an integer, the rest as doubles. */
    static DataTableSpec curveSpec() {
        final String[] names = DoubleDescentPoint.COLUMNS;
        final DataColumnSpec[] cols = new DataColumnSpec[names.length];
        for (int i = 0; i < names.length; i++) {
            final DataType type = i == 1 ? IntCell.TYPE : DoubleCell.TYPE;
            cols[i] = new DataColumnSpecCreator(names[i], type).createSpec();
        }
        return new DataTableSpec(cols);
    }

    /** How the training table and the optional test table are read. */
    private record Readers(NumericMatrixReader train, NumericMatrixReader test) {
    }

    /**
     * Checks the columns: the same features (chosen on the training table) and target in both tables. The target
     * is never a feature, even when the column filter includes it (as a filter that includes every numeric column
     * does), like in KNIME's learner nodes.
     *
     * @param test the test table's spec, or {@code null} without one
     */
    private Readers readers(final DataTableSpec train, final DataTableSpec test) throws InvalidSettingsException {
        final String target = settings.target.getStringValue();
        if (target == null || target.isBlank()) {
            throw new InvalidSettingsException("No target column is chosen. Choose the numeric column to predict in "
                + "the dialog.");
        }
        final List<String> features = new ArrayList<>(settings.featureColumns(train));
        features.remove(target);
        final boolean skip = settings.skipMissing.getBooleanValue();
        final NumericMatrixReader trainReader = NumericMatrixReader.of(train, TRAIN_TABLE, features, target, skip);
        return new Readers(trainReader, test == null ? null
            : NumericMatrixReader.of(test, TEST_TABLE, features, target, skip));
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings.check();
        if (inSpecs[0] == null) {
            throw new InvalidSettingsException("Connect a training table to the first input.");
        }
        readers((DataTableSpec) inSpecs[0], (DataTableSpec) inSpecs[1]);
        if (inSpecs[1] == null) {
            setWarningMessage(NO_TEST_WARNING);
        }
        return new PortObjectSpec[] {curveSpec(), ChartOutput.spec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable trainTable = (BufferedDataTable) inObjects[0];
        final BufferedDataTable testTable = (BufferedDataTable) inObjects[1];
        final Readers readers = readers(trainTable.getDataTableSpec(),
            testTable == null ? null : testTable.getDataTableSpec());
        final Mode mode = settings.mode();
        final boolean hasTest = testTable != null;
        final TableMatrix train = readers.train().read(trainTable, exec.createSubProgress(hasTest ? 0.03 : 0.05))
            .requireSamples(2);
        final TableMatrix test = hasTest
            ? readers.test().read(testTable, exec.createSubProgress(0.02)).requireSamples(1) : null;
        final DMatrixRMaj xTest = test == null ? null : test.x();
        final double[] yTest = test == null ? null : test.y();
        final ExecProgress core = new ExecProgress(exec.createSubProgress(0.9));
        final List<DoubleDescentPoint> rows;
        final Figure figure;
        String design = null;
        if (mode == Mode.RANDOM_FEATURES) {
            final DoubleDescentSpec spec = settings.spec();
            rows = CoreCall.execute(() -> DoubleDescent.run(spec, train.x(), train.y(), xTest, yTest, core));
            figure = CurvePlot.randomFeatures(rows, spec, train, test);
        } else {
            final double[] gammas = settings.gammaValues(Mode.LINEAR_RIDGE);
            final LinearRidgeSweep.Result result = CoreCall.execute(() -> settings.estimate.getBooleanValue()
                ? LinearRidgeSweep.run(train.x(), train.y(), xTest, yTest, gammas, core)
                : LinearRidgeSweep.run(train.x(), train.y(), xTest, yTest, gammas, settings.signal.getDoubleValue(),
                    settings.noise.getDoubleValue(), core));
            rows = new ArrayList<>(result.points().size());
            for (LinearRidgeSweep.Point p : result.points()) {
                rows.add(new DoubleDescentPoint(p.ratio(), p.p(), p.lambda(), p.trainTheory(), p.testTheory(),
                    p.trainFit(), p.testFit(), Double.NaN, Double.NaN, Double.NaN));
            }
            figure = CurvePlot.linearRidge(result, train, test);
            pushFlowVariableDouble(VAR_SIGNAL, result.model().signal());
            pushFlowVariableDouble(VAR_NOISE, result.model().noise());
            pushFlowVariableDouble(VAR_FEATURE_VARIANCE, result.model().featureVariance());
            pushFlowVariableDouble(VAR_OPTIMAL_GAMMA, result.bestPenalty());
            design = result.theory() == LinearRidgeSweep.Theory.CROSS_VALIDATION ? nonIsotropicWarning(result)
                : result.noiseUncertain() ? uncertainNoiseWarning(result) : null;
        }
        final BufferedDataTable curves = write(rows, exec.createSubExecutionContext(0.05));
        final ChartOutput rendered = ChartOutput.render(figure);
        warn(train, test, design);
        chart = rendered;
        exec.setProgress(1);
        return new PortObject[] {curves, rendered.port()};
    }

    /** One row per point; NaN (no test set, no simulation, one trial, linear mode's delta) as a missing cell. */
    private static BufferedDataTable write(final List<DoubleDescentPoint> rows, final ExecutionContext exec)
        throws CanceledExecutionException {
        final BufferedDataContainer out = exec.createDataContainer(curveSpec());
        long key = 0;
        for (DoubleDescentPoint r : rows) {
            exec.checkCanceled();
            final Object[] values = r.values();
            final DataCell[] cells = new DataCell[values.length];
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Integer count) {
                    cells[i] = new IntCell(count);
                } else {
                    final double v = (Double) values[i];
                    cells[i] = Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
                }
            }
            out.addRowToTable(new DefaultRow(RowKey.createRowKey(key++), cells));
        }
        out.close();
        return out.getTable();
    }

    /** Why linear-ridge mode shows cross-validation instead of the isotropic theory, and what to do. */
    static String nonIsotropicWarning(final LinearRidgeSweep.Result result) {
        return String.format(java.util.Locale.ROOT, "The feature columns are far from isotropic (largest eigenvalue "
            + "of their covariance %.3g times the Marchenko-Pastur edge, spectrum at Kolmogorov distance %.2f from "
            + "Marchenko-Pastur; limits %s and %s): HMRT's isotropic theory and its signal/noise estimate do not "
            + "apply and could be off by orders of magnitude. test_theory shows the generalised cross-validation "
            + "estimate of the test error instead (valid for any feature covariance; missing where the fit "
            + "interpolates), train_theory is missing. For the isotropic theory, use independent features of equal "
            + "variance (for example whitened principal components); for random features, use the random-features "
            + "mode on the original data.", result.isotropy().edgeRatio(), result.isotropy().distance(),
            DesignIsotropy.MAX_EDGE_RATIO, DesignIsotropy.MAX_DISTANCE);
    }

    /** Why the isotropic theory's noise, estimated by moments, may not be trusted near p/n = 1, and what to do. */
    static String uncertainNoiseWarning(final LinearRidgeSweep.Result result) {
        final double s = result.model().noise();
        return String.format(java.util.Locale.ROOT, "The noise variance estimated from the training table is "
            + "s\u00B2 = %.3g \u00B1 %.2g (jackknife standard error of Dicker's moment estimate; least squares has too "
            + "few residual degrees of freedom at p/n = %.3g): too uncertain for the theory where the noise dominates, "
            + "near p/n = 1 and for small gamma. If you know the signal variance and the noise, untick 'Estimate "
            + "signal and noise from the training table' and enter them; otherwise use more training rows.",
            s * s, result.noiseStandardError(), result.points().get(0).ratio());
    }

    private void warn(final TableMatrix train, final TableMatrix test, final String design) {
        final List<String> parts = new ArrayList<>();
        if (design != null) {
            parts.add(design);
        }
        if (test == null) {
            parts.add(NO_TEST_WARNING);
        }
        for (TableMatrix t : new TableMatrix[] {train, test}) {
            if (t != null && t.skipWarning() != null) {
                parts.add(t.skipWarning());
            }
        }
        if (!parts.isEmpty()) {
            setWarningMessage(String.join("\n", parts));
        }
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO s) {
        settings.saveTo(s);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO s) throws InvalidSettingsException {
        ResolventPredictorSettings.validate(s);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.loadFrom(s);
    }

    @Override
    protected void reset() {
        chart = null;
    }

    @Override
    protected void loadInternals(final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        chart = ChartOutput.load(dir);
    }

    @Override
    protected void saveInternals(final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ChartOutput.save(chart, dir);
    }
}
