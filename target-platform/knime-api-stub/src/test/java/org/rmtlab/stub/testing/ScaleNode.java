package org.rmtlab.stub.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import javax.swing.JLabel;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.util.CheckUtils;

/**
 * A sample node written the way the project's nodes are: it appends the column {@code scaled}
 * = factor * the chosen numeric column. Missing values stay missing (or drop the row) and are
 * reported in a warning; the number of output rows is pushed as a flow variable.
 */
final class ScaleNode {

    private ScaleNode() {
    }

    static SettingsModelString column() {
        return new SettingsModelString("column", null);
    }

    static SettingsModelDoubleBounded factor() {
        return new SettingsModelDoubleBounded("factor", 1.0, -10, 10);
    }

    static SettingsModelBoolean dropMissing() {
        return new SettingsModelBoolean("drop_missing", false);
    }

    static final class Factory extends NodeFactory<Model> {
        @Override
        public Model createNodeModel() {
            return new Model();
        }

        @Override
        protected int getNrNodeViews() {
            return 1;
        }

        @Override
        public NodeView<Model> createNodeView(final int viewIndex, final Model nodeModel) {
            return new View(nodeModel);
        }

        @Override
        protected boolean hasDialog() {
            return true;
        }

        @Override
        protected NodeDialogPane createNodeDialogPane() {
            final DefaultNodeSettingsPane pane = new DefaultNodeSettingsPane();
            pane.createNewGroup("Input");
            pane.addDialogComponent(new DialogComponentColumnNameSelection(column(), "Column", 0, DoubleValue.class));
            pane.closeCurrentGroup();
            pane.setHorizontalPlacement(true);
            pane.addDialogComponent(new DialogComponentNumber(factor(), "Factor", 0.5));
            pane.addDialogComponent(new DialogComponentBoolean(dropMissing(), "Drop rows with missing values"));
            return pane;
        }
    }

    static final class Model extends NodeModel {
        private final SettingsModelString column = column();
        private final SettingsModelDoubleBounded factor = factor();
        private final SettingsModelBoolean dropMissing = dropMissing();
        private long rowsWritten = -1;

        Model() {
            super(1, 1);
        }

        long rowsWritten() {
            return rowsWritten;
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
            final DataTableSpec in = inSpecs[0];
            if (column.getStringValue() == null) {
                final String first = in.stream().filter(c -> c.getType().isCompatible(DoubleValue.class))
                    .map(c -> c.getName()).findFirst()
                    .orElseThrow(() -> new InvalidSettingsException("The input has no numeric column"));
                column.setStringValue(first);
                setWarningMessage("Column \"" + first + "\" chosen automatically");
            }
            final int index = in.findColumnIndex(column.getStringValue());
            CheckUtils.checkSetting(index >= 0, "Column \"%s\" is not in the input", column.getStringValue());
            CheckUtils.checkSetting(in.getColumnSpec(index).getType().isCompatible(DoubleValue.class),
                "Column \"%s\" is not numeric", column.getStringValue());
            return new DataTableSpec[] {outSpec(in)};
        }

        private static DataTableSpec outSpec(final DataTableSpec in) {
            final DataColumnSpec[] columns = new DataColumnSpec[in.getNumColumns() + 1];
            for (int i = 0; i < in.getNumColumns(); i++) {
                columns[i] = in.getColumnSpec(i);
            }
            columns[in.getNumColumns()] = new DataColumnSpecCreator("scaled", DoubleCell.TYPE).createSpec();
            return new DataTableSpec(columns);
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws Exception {
            final BufferedDataTable in = inData[0];
            final int index = in.getDataTableSpec().findColumnIndex(column.getStringValue());
            final BufferedDataContainer out = exec.createDataContainer(outSpec(in.getDataTableSpec()));
            long done = 0;
            int missing = 0;
            for (final DataRow row : in) {
                exec.checkCanceled();
                exec.setProgress(done / (double) in.size(), "row " + done);
                done++;
                final DataCell cell = row.getCell(index);
                if (cell.isMissing()) {
                    missing++;
                    if (dropMissing.getBooleanValue()) {
                        continue;
                    }
                }
                final DataCell[] cells = new DataCell[row.getNumCells() + 1];
                for (int i = 0; i < row.getNumCells(); i++) {
                    cells[i] = row.getCell(i);
                }
                cells[row.getNumCells()] = cell.isMissing() ? DataType.getMissingCell()
                    : new DoubleCell(factor.getDoubleValue() * ((DoubleValue) cell).getDoubleValue());
                out.addRowToTable(new DefaultRow(row.getKey(), cells));
            }
            out.close();
            if (missing > 0) {
                setWarningMessage(missing + " rows with missing values");
            }
            rowsWritten = out.size();
            pushFlowVariableInt("scaled_rows", (int) rowsWritten);
            pushFlowVariableDouble("factor", factor.getDoubleValue());
            pushFlowVariableString("column", column.getStringValue());
            return new BufferedDataTable[] {out.getTable()};
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
            column.saveSettingsTo(settings);
            factor.saveSettingsTo(settings);
            dropMissing.saveSettingsTo(settings);
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
            column.validateSettings(settings);
            factor.validateSettings(settings);
            dropMissing.validateSettings(settings);
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
            column.loadSettingsFrom(settings);
            factor.loadSettingsFrom(settings);
            dropMissing.loadSettingsFrom(settings);
        }

        @Override
        protected void reset() {
            rowsWritten = -1;
        }

        @Override
        protected void saveInternals(final File dir, final ExecutionMonitor exec) throws IOException {
            Files.writeString(new File(dir, "rows.txt").toPath(), Long.toString(rowsWritten), StandardCharsets.UTF_8);
        }

        @Override
        protected void loadInternals(final File dir, final ExecutionMonitor exec) throws IOException {
            rowsWritten = Long.parseLong(Files.readString(new File(dir, "rows.txt").toPath(), StandardCharsets.UTF_8));
        }
    }

    /** Shows the number of rows written. */
    static final class View extends NodeView<Model> {
        private final JLabel label = new JLabel();
        private int changes;

        View(final Model model) {
            super(model);
            setComponent(label);
        }

        int changes() {
            return changes;
        }

        @Override
        protected void modelChanged() {
            changes++;
            label.setText(getNodeModel().rowsWritten() < 0 ? "not executed" : getNodeModel().rowsWritten() + " rows");
        }

        @Override
        protected void onOpen() {
            label.setName("rows");
        }

        @Override
        protected void onClose() {
            label.setName(null);
        }
    }
}
