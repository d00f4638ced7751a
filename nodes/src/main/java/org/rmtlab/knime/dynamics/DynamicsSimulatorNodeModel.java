package org.rmtlab.knime.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.rmtlab.core.data.MixtureEstimator;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.LearningCurves;
import org.rmtlab.knime.common.ChartOutput;
import org.rmtlab.knime.common.ChartingNodeModel;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.ExecProgress;
import org.rmtlab.knime.common.NumericMatrixReader;
import org.rmtlab.knime.common.TableMatrix;

/**
 * Dynamics Simulator: learning curves of the selected model, theory beside Monte-Carlo simulation, as a
 * table and a chart; the early-stopping optimum and the model's other numbers as flow variables. An optional
 * input table replaces the size (and, for the Gaussian mixture, the signal strength) by the data's.
 */
final class DynamicsSimulatorNodeModel extends ChartingNodeModel<DynamicsSimulatorSettings> {
    /** Flow variable: the early-stopping time of the theory. */
    static final String VAR_TAU_STAR = "tau_star";
    /** Flow variable: the theoretical test curve at that time (error rate or risk, by model). */
    static final String VAR_TEST_AT_TAU_STAR = "test_at_tau_star";
    /** Flow variables of the table's mixture estimate. */
    static final String VAR_RHO_ESTIMATED = "rho_estimated";
    static final String VAR_RHO_SE = "rho_standard_error";

    /** How messages name the input table. */
    private static final String TABLE = "input table";

    DynamicsSimulatorNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE_OPTIONAL},
            new PortType[] {BufferedDataTable.TYPE, ImagePortObject.TYPE},
            DynamicsSimulatorSettings::new);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings.check();
        final ModelSettings model = settings.selected();
        final DataTableSpec table = (DataTableSpec) inSpecs[0];
        if (table != null) {
            rows(table, model);
        } else {
            final DynamicsModel m = model.create(null);
            if (settings.trials() > 0) {
                CoreCall.settings(() -> {
                    m.checkMemory();
                    return null;
                });
            }
        }
        return new PortObjectSpec[] {CurveTable.spec(model), ChartOutput.spec()};
    }

    /**
     * How the input table is read for this model: its numeric columns other than the class column and the
     * ignored ones are the features; a model that reads classes needs the class column.
     */
    private NumericMatrixReader rows(final DataTableSpec table, final ModelSettings model)
        throws InvalidSettingsException {
        final List<String> features = NumericMatrixReader.numericColumns(table, settings.excludedColumns());
        if (features.isEmpty()) {
            throw new InvalidSettingsException("The input table has no numeric feature columns (leaving out the class "
                + "column and the ignored columns " + settings.excludedColumns() + "). Connect a table with numeric "
                + "features, or change 'Ignore columns'.");
        }
        final String label = settings.classColumn.getStringValue();
        if (model.readsClasses() && !table.containsName(label)) {
            throw new InvalidSettingsException("The input table has no class column '" + label + "' (its columns: "
                + String.join(", ", table.getColumnNames()) + "). Enter the column holding the two class labels in "
                + "'Class column'.");
        }
        return NumericMatrixReader.of(table, TABLE, features, null, settings.skipMissing.getBooleanValue())
            .withLabel(table, model.readsClasses() ? label : null);
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final ModelSettings model = settings.selected();
        final double[] times = model.times();
        final int trials = settings.trials();
        final BufferedDataTable table = (BufferedDataTable) inObjects[0];
        final DataSummary data = table == null ? null
            : read(table, model, exec.createSubProgress(0.1));
        final DynamicsModel dynamics = model.create(data);
        final LearningCurves theory =
            CoreCall.execute(() -> dynamics.theory(times, new ExecProgress(exec.createSubProgress(0.05))));
        final LearningCurves sim = trials == 0 ? null : CoreCall.execute(() -> {
            dynamics.checkMemory();
            return dynamics.simulate(times, trials, settings.seed.getIntValue(),
                new ExecProgress(exec.createSubProgress(0.75)));
        });
        final BufferedDataTable curves = CurveTable.write(model, theory, sim, exec.createSubExecutionContext(0.05));
        final ChartOutput rendered = ChartOutput.render(model.figure(data, theory, sim, trials));
        exec.setProgress(1);
        warn(model, data, theory);
        pushVariables(model, theory, sim, data);
        setChart(rendered);
        return new PortObject[] {curves, rendered.port()};
    }

    /** Reads the input table: its shape, and the class-mean estimate when the model reads classes. */
    private DataSummary read(final BufferedDataTable table, final ModelSettings model, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        final TableMatrix data = rows(table.getDataTableSpec(), model).read(table, exec).requireSamples(1);
        MixtureEstimator.Estimate estimate = null;
        if (model.readsClasses()) {
            final MixtureEstimator mixture = new MixtureEstimator(data.p());
            final List<String> labels = new ArrayList<>(2);
            final double[] x = new double[data.p()];
            for (int j = 0; j < data.n(); j++) {
                mixture.add(data.sample(j, x), classIndex(labels, data.labels()[j]));
            }
            estimate = CoreCall.settings(mixture::estimate);
        }
        return new DataSummary(data.p(), data.n(), data.skippedCount(), estimate);
    }

    /** 0 for the first class label met, 1 for the second; a third is an error. */
    private int classIndex(final List<String> labels, final DataCell cell) throws InvalidSettingsException {
        final String label = cell.toString();
        final int k = labels.indexOf(label);
        if (k >= 0) {
            return k;
        }
        if (labels.size() == 2) {
            throw new InvalidSettingsException("The class column '" + settings.classColumn.getStringValue()
                + "' has more than two values (" + labels.get(0) + ", " + labels.get(1) + ", " + label + ", ...); "
                + "the Gaussian mixture model has two classes. Filter the table to two classes first.");
        }
        labels.add(label);
        return labels.size() - 1;
    }

    private void warn(final ModelSettings model, final DataSummary data, final LearningCurves theory)
        throws InvalidSettingsException {
        final List<String> warnings = new ArrayList<>();
        if (theory.missingTheory() != null) {
            warnings.add(theory.missingTheory());
        }
        if (data != null && data.skipped() > 0) {
            warnings.add(data.skipped() + " rows with missing, NaN or infinite values were skipped.");
        }
        warnings.addAll(model.warnings(data));
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
    }

    /**
     * The early-stopping optimum under generic names (models that have one), every scalar of the theory and of
     * the simulation under its own name, the table's mixture estimate.
     */
    private void pushVariables(final ModelSettings model, final LearningCurves theory, final LearningCurves sim,
        final DataSummary data) {
        final CurveRoles roles = model.roles();
        final Map<String, Double> vars = new LinkedHashMap<>();
        if (roles.optimumTime() != null && theory.scalars().containsKey(roles.optimumTime())) {
            vars.put(VAR_TAU_STAR, theory.scalar(roles.optimumTime()));
            vars.put(VAR_TEST_AT_TAU_STAR, theory.scalar(roles.optimumValue()));
        }
        theory.scalars().forEach(vars::putIfAbsent);
        if (sim != null) {
            sim.scalars().forEach(vars::putIfAbsent);
        }
        if (data != null && data.mixture() != null) {
            vars.put(VAR_RHO_ESTIMATED, data.mixture().rho());
            vars.put(VAR_RHO_SE, data.mixture().rhoStandardError());
        }
        vars.forEach(this::pushFlowVariableDouble);
    }
}
