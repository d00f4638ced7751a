package org.rmtlab.knime.dynamics;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.rmtlab.core.dynamics.Curve;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.core.dynamics.LearningCurves;

/**
 * The curve table: one row per time, the time (and the step of gradient descent), then the theory of the
 * training curve, the test curve and the model's other curves ({@code train_theory, test_theory,
 * NAME_theory...}; models without training and test curves have only {@code NAME_theory...}), then their
 * simulated means ({@code _sim}), then the standard errors ({@code _sim_se}): the column layout of the command
 * line's {@code rmtlab dynamics}. Cells stay missing where there is nothing to show:
 * no simulation, or no standard error from a single trial.
 */
final class CurveTable {
    static final String STEP = "step";
    static final String TRAIN = "train";
    static final String TEST = "test";
    static final String THEORY = "_theory";
    static final String SIM = "_sim";
    static final String SIM_SE = "_sim_se";

    private CurveTable() {
    }

    /** Column prefixes in order: train, test, then the extra curves. */
    private static List<String> prefixes(final CurveRoles roles) {
        final List<String> out = new ArrayList<>();
        if (roles.learning()) {
            out.add(TRAIN);
            out.add(TEST);
        }
        out.addAll(roles.extra());
        return out;
    }

    /** The core curve behind a column prefix. */
    private static String curveName(final CurveRoles roles, final String prefix) {
        if (!roles.learning()) {
            return prefix;
        }
        return TRAIN.equals(prefix) ? roles.train() : TEST.equals(prefix) ? roles.test() : prefix;
    }

    static DataTableSpec spec(final ModelSettings model) throws InvalidSettingsException {
        final List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(column(model.timeName(), DoubleCell.TYPE));
        if (model.descent() != null) {
            cols.add(column(STEP, LongCell.TYPE));
        }
        for (String suffix : new String[] {THEORY, SIM, SIM_SE}) {
            for (String prefix : prefixes(model.roles())) {
                cols.add(column(prefix + suffix, DoubleCell.TYPE));
            }
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    private static DataColumnSpec column(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    /**
     * @param theory the theory curves
     * @param sim the simulated curves over the same times, or {@code null}
     */
    static BufferedDataTable write(final ModelSettings model, final LearningCurves theory, final LearningCurves sim,
        final ExecutionContext exec) throws InvalidSettingsException, CanceledExecutionException {
        final DataTableSpec spec = spec(model);
        final GradientMethod.Descent descent = model.descent();
        final List<Curve> theoryCurves = new ArrayList<>();
        final List<Curve> simCurves = new ArrayList<>();
        for (String prefix : prefixes(model.roles())) {
            final String name = curveName(model.roles(), prefix);
            theoryCurves.add(theory.has(name) ? theory.curve(name) : null);
            simCurves.add(sim != null && sim.has(name) ? sim.curve(name) : null);
        }
        final BufferedDataContainer out = exec.createDataContainer(spec);
        final DataCell[] cells = new DataCell[spec.getNumColumns()];
        for (int i = 0; i < theory.size(); i++) {
            exec.checkCanceled();
            int j = 0;
            cells[j++] = new DoubleCell(theory.time(i));
            if (descent != null) {
                cells[j++] = new LongCell((long) descent.steps(theory.time(i)));
            }
            for (Curve c : theoryCurves) {
                cells[j++] = cell(c == null ? Double.NaN : c.value(i));
            }
            for (Curve c : simCurves) {
                cells[j++] = cell(c == null ? Double.NaN : c.value(i));
            }
            for (Curve c : simCurves) {
                cells[j++] = cell(c == null ? Double.NaN : c.stderr(i));
            }
            out.addRowToTable(new DefaultRow(RowKey.createRowKey((long) i), cells));
        }
        out.close();
        return out.getTable();
    }

    /** NaN means "nothing here" (no simulation, no standard error from one trial): a missing cell. */
    private static DataCell cell(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }
}
