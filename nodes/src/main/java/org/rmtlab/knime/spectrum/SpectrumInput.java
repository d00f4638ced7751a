package org.rmtlab.knime.spectrum;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * Reads numeric columns of the input table into the core's layout: a k x n matrix whose columns are the table's
 * rows (the samples), or, for one column, its values. Kept deliberately small and apart from the node: the shared
 * table reader of {@code org.rmtlab.knime.common} (NumericMatrixReader and its TableMatrix, on another branch)
 * replaces it once both are merged. The contract is the same, with the same names: {@code of} in configure,
 * {@code read} in execute, {@link #p()}, {@link Read#feature(int)}, {@link Read#skipped()},
 * {@link Read#skipWarning()}; missing, NaN and infinite cells are reported with row and column, or the row is
 * skipped.
 */
final class SpectrumInput {
    static final String SKIP_OPTION = "Skip rows with missing values";
    private static final String TABLE = "input table";
    /** Rows between two progress reports and cancellation checks. */
    private static final int CHECK_EVERY = 256;

    private final List<String> columns;
    private final int[] index;
    private final boolean skipRows;

    private SpectrumInput(final List<String> columns, final int[] index, final boolean skipRows) {
        this.columns = List.copyOf(columns);
        this.index = index;
        this.skipRows = skipRows;
    }

    /**
     * Checks the columns against the spec (configure).
     *
     * @param role what the columns are, for messages ("data" or "eigenvalue")
     * @throws InvalidSettingsException naming the column that is missing or not numeric and how to fix it
     */
    static SpectrumInput of(final DataTableSpec spec, final List<String> columns, final String role,
        final boolean skipRows) throws InvalidSettingsException {
        if (numericColumns(spec).isEmpty()) {
            throw new InvalidSettingsException("The " + TABLE + " has no numeric column. Connect a table of numbers, "
                + "or convert text columns first (for example with the String to Number node).");
        }
        if (columns.isEmpty()) {
            throw new InvalidSettingsException("No " + role + " column is selected. Include at least one numeric "
                + "column in the dialog.");
        }
        final int[] index = new int[columns.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = spec.findColumnIndex(columns.get(i));
            if (index[i] < 0) {
                throw new InvalidSettingsException("The " + TABLE + " has no column '" + columns.get(i) + "' (the "
                    + role + " column). Choose one of its numeric columns: " + String.join(", ", numericColumns(spec))
                    + ".");
            }
            if (!spec.getColumnSpec(index[i]).getType().isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException("The " + role + " column '" + columns.get(i) + "' holds "
                    + spec.getColumnSpec(index[i]).getType() + " values, not numbers. Choose a numeric column.");
            }
        }
        return new SpectrumInput(columns, index, skipRows);
    }

    static List<String> numericColumns(final DataTableSpec spec) {
        final List<String> names = new ArrayList<>();
        for (DataColumnSpec c : spec) {
            if (c.getType().isCompatible(DoubleValue.class)) {
                names.add(c.getName());
            }
        }
        return names;
    }

    /** Number of columns read: the rows p of the matrix. */
    int p() {
        return index.length;
    }

    /**
     * The columns read, with the rows skipped (when asked to) for missing, NaN or infinite cells.
     *
     * @param x k x n, one column per kept row
     * @param skipped 0-based indices of the skipped table rows
     * @param rows number of rows of the table, skipped ones included
     * @param firstSkipped where the first skipped row's problem was, or null
     */
    record Read(DMatrixRMaj x, BitSet skipped, long rows, String firstSkipped) {
        /** Values of the column read i over the kept rows (row i of x). */
        double[] feature(final int i) {
            final double[] v = new double[x.numCols];
            System.arraycopy(x.data, i * x.numCols, v, 0, v.length);
            return v;
        }

        /** A warning for the user when rows were skipped, else null. */
        String skipWarning() {
            return skipped.isEmpty() ? null : "Skipped " + skipped.cardinality() + " of " + rows
                + " rows with missing, NaN or infinite values (the first: " + firstSkipped + ").";
        }
    }

    /**
     * Reads the table; when rows are skipped it is read twice (to find them, then to fill a matrix of exactly
     * the kept size). The caller checks memory beforehand.
     *
     * @throws InvalidSettingsException for an unusable cell (rows not skipped) naming row and column, or when
     *         no row is left
     */
    Read read(final BufferedDataTable data, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        final long rows = data.size();
        if (rows * index.length > Integer.MAX_VALUE - 8) {
            throw new InvalidSettingsException("The " + TABLE + " has " + rows + " rows of " + index.length
                + " columns to read, more than one matrix can hold (2^31 values). Use fewer rows or columns.");
        }
        final BitSet skipped = new BitSet();
        String first = null;
        if (skipRows) {
            first = findUnusable(data, skipped, exec.createSubProgress(0.5));
        }
        final int n = (int) rows - skipped.cardinality();
        if (n == 0) {
            throw new InvalidSettingsException("The " + TABLE + " has no usable row" + (rows == 0 ? "" : ": all "
                + rows + " have missing, NaN or infinite values (the first: " + first + ")") + ".");
        }
        final DMatrixRMaj x = new DMatrixRMaj(index.length, n);
        final ExecutionMonitor fill = skipRows ? exec.createSubProgress(0.5) : exec;
        try (CloseableRowIterator it = data.iterator()) {
            int row = 0;
            int j = 0;
            while (it.hasNext()) {
                final DataRow r = it.next();
                checkIn(fill, row, rows);
                if (!skipped.get(row)) {
                    for (int i = 0; i < index.length; i++) {
                        final String problem = problem(r.getCell(index[i]));
                        if (problem != null) {
                            throw new InvalidSettingsException("Row '" + r.getKey() + "' of the " + TABLE + " has "
                                + problem + " in column '" + columns.get(i) + "'. Remove or replace such values first "
                                + "(for example with the Missing Value node), or tick '" + SKIP_OPTION + "'.");
                        }
                        x.data[i * n + j] = ((DoubleValue) r.getCell(index[i])).getDoubleValue();
                    }
                    j++;
                }
                row++;
            }
        }
        fill.setProgress(1, "read " + rows + " rows");
        return new Read(x, skipped, rows, first);
    }

    /** The key of the kept row with 0-based index {@code kept} (for messages about a value read). */
    static String keyOf(final BufferedDataTable data, final BitSet skipped, final int kept) {
        try (CloseableRowIterator it = data.iterator()) {
            int row = 0;
            int j = 0;
            while (it.hasNext()) {
                final DataRow r = it.next();
                if (!skipped.get(row) && j++ == kept) {
                    return r.getKey().toString();
                }
                row++;
            }
        }
        throw new IllegalArgumentException("The table has no kept row " + kept + ".");
    }

    private String findUnusable(final BufferedDataTable data, final BitSet skipped, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        final long rows = data.size();
        String first = null;
        try (CloseableRowIterator it = data.iterator()) {
            int row = 0;
            while (it.hasNext()) {
                final DataRow r = it.next();
                checkIn(exec, row, rows);
                for (int i = 0; i < index.length; i++) {
                    if (problem(r.getCell(index[i])) != null) {
                        skipped.set(row);
                        if (first == null) {
                            first = "row '" + r.getKey() + "', column '" + columns.get(i) + "'";
                        }
                        break;
                    }
                }
                row++;
            }
        }
        exec.setProgress(1, "checked " + rows + " rows");
        return first;
    }

    private static void checkIn(final ExecutionMonitor exec, final int row, final long rows)
        throws CanceledExecutionException {
        if (row % CHECK_EVERY == 0) {
            exec.checkCanceled();
            exec.setProgress(row / (double) rows, "reading row " + (row + 1) + " of " + rows);
        }
    }

    /** What is wrong with a cell of a numeric column, or null when it holds a finite number. */
    private static String problem(final DataCell cell) {
        if (cell.isMissing()) {
            return "a missing value";
        }
        final double v = ((DoubleValue) cell).getDoubleValue();
        return Double.isFinite(v) ? null : "the value " + v;
    }
}
