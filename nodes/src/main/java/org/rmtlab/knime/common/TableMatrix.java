package org.rmtlab.knime.common;

import java.util.Arrays;
import java.util.BitSet;

import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;

/**
 * Numeric columns of a table as read by {@link NumericMatrixReader}.
 *
 * @param table how messages name the table
 * @param x the p x n data matrix, one column per kept row, features in the order they were asked for
 * @param y the target of each kept row, or {@code null} when no target was read
 * @param labels the label cell of each kept row, or {@code null} when no label column was read
 * @param skipped indices (0-based, in table order) of the rows skipped for missing, NaN or infinite values
 * @param rows number of rows of the table, skipped ones included
 * @param firstSkipped where the first skipped row's problem was ("row 'Row7', column 'x3'"), or null
 */
public record TableMatrix(String table, DMatrixRMaj x, double[] y, DataCell[] labels, BitSet skipped, long rows,
    String firstSkipped) {

    /** Number of features (rows of X). */
    public int p() {
        return x.numRows;
    }

    /** Number of samples kept (columns of X). */
    public int n() {
        return x.numCols;
    }

    /** Whether the table row with this 0-based index is a column of X. */
    public boolean kept(final long row) {
        return !skipped.get((int) row);
    }

    public int skippedCount() {
        return skipped.cardinality();
    }

    /** The values of feature i over the kept rows (row i of X), for example a column of eigenvalues. */
    public double[] feature(final int i) {
        return Arrays.copyOfRange(x.data, i * x.numCols, (i + 1) * x.numCols);
    }

    /** Sample j (column j of X) in {@code into}, of length p; returns it. */
    public double[] sample(final int j, final double[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = x.data[i * x.numCols + j];
        }
        return into;
    }

    /**
     * The row key of the kept row j (column j of X), for messages about a value read; reads the table up to it.
     *
     * @param data the table this matrix was read from
     */
    public String rowKey(final BufferedDataTable data, final int j) {
        try (CloseableRowIterator it = data.iterator()) {
            int row = 0;
            int kept = 0;
            while (it.hasNext()) {
                final DataRow r = it.next();
                if (!skipped.get(row) && kept++ == j) {
                    return r.getKey().toString();
                }
                row++;
            }
        }
        throw new IllegalArgumentException("The " + table + " has no kept row " + j + ".");
    }

    /** A warning for the node's user when rows were skipped, else {@code null}. */
    public String skipWarning() {
        if (skippedCount() == 0) {
            return null;
        }
        return "Skipped " + skippedCount() + " of " + rows + " rows of the " + table
            + " with missing, NaN or infinite values (the first: " + firstSkipped + ").";
    }

    /**
     * @throws InvalidSettingsException when fewer than {@code min} rows are usable, saying how many were
     *         skipped
     */
    public TableMatrix requireSamples(final int min) throws InvalidSettingsException {
        if (n() < min) {
            throw new InvalidSettingsException("The " + table + " has " + n() + " usable rows"
                + (skippedCount() > 0 ? " (" + skippedCount() + " of " + rows + " were skipped for missing, NaN or "
                    + "infinite values)" : "") + "; at least " + min + " " + (min == 1 ? "is" : "are") + " needed.");
        }
        return this;
    }
}
