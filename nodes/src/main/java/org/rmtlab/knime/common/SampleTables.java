package org.rmtlab.knime.common;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.rmtlab.core.data.Dataset;

/**
 * Sample sets as KNIME tables: one row per sample (a column of the core's p x n matrix X),
 * columns x1..xp, the target y and the class label.
 */
public final class SampleTables {
    public static final String COL_Y = "y";
    public static final String COL_CLASS = "class";

    private SampleTables() {
    }

    public static DataTableSpec spec(final int p) {
        final DataColumnSpec[] cols = new DataColumnSpec[p + 2];
        for (int i = 0; i < p; i++) {
            cols[i] = new DataColumnSpecCreator("x" + (i + 1), DoubleCell.TYPE).createSpec();
        }
        cols[p] = new DataColumnSpecCreator(COL_Y, DoubleCell.TYPE).createSpec();
        cols[p + 1] = new DataColumnSpecCreator(COL_CLASS, IntCell.TYPE).createSpec();
        return new DataTableSpec(cols);
    }

    /** Writes {@code set} as a table; {@code exec} reports progress over the rows and may cancel. */
    public static BufferedDataTable write(final Dataset set, final ExecutionContext exec)
        throws CanceledExecutionException {
        final int p = set.p();
        final int n = set.n();
        final BufferedDataContainer out = exec.createDataContainer(spec(p));
        final DataCell[] cells = new DataCell[p + 2];
        for (int j = 0; j < n; j++) {
            if (j % 256 == 0) {
                exec.checkCanceled();
                exec.setProgress(j / (double) Math.max(1, n), "row " + j + " of " + n);
            }
            for (int i = 0; i < p; i++) {
                cells[i] = new DoubleCell(set.x().get(i, j));
            }
            cells[p] = new DoubleCell(set.y()[j]);
            cells[p + 1] = new IntCell(set.label()[j]);
            out.addRowToTable(new DefaultRow(RowKey.createRowKey((long) j), cells));
        }
        out.close();
        return out.getTable();
    }
}
