package org.rmtlab.knime.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
 * Reads an input table as samples for the core: one row is one sample, its numeric feature columns are the
 * coordinates of x, and an optional label column travels along as a cell. Missing cells and NaN or infinite
 * numbers are either reported with their row and column (the node fails with a message saying how to fix the
 * table) or, when the user asks for it, the row is skipped and counted.
 */
public final class FeatureRows {
    private final List<String> features;
    private final int[] featureIndex;
    private final String label;
    private final int labelIndex;
    private final boolean skipIncomplete;

    /** What to do with one complete row. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param x the features of the row (the array is reused for the next row: copy it to keep it)
         * @param label the label cell, or {@code null} without a label column
         */
        void accept(double[] x, DataCell label) throws InvalidSettingsException;
    }

    /**
     * @param spec the table's spec
     * @param features names of numeric columns, in the order of x (see {@link #numericColumns})
     * @param label name of the label column, or {@code null}
     * @param skipIncomplete skip rows with a missing, NaN or infinite entry instead of failing
     * @throws InvalidSettingsException when a column is absent or a feature column is not numeric
     */
    public FeatureRows(final DataTableSpec spec, final List<String> features, final String label,
        final boolean skipIncomplete) throws InvalidSettingsException {
        this.features = List.copyOf(features);
        this.featureIndex = new int[features.size()];
        for (int i = 0; i < featureIndex.length; i++) {
            featureIndex[i] = spec.findColumnIndex(features.get(i));
            if (featureIndex[i] < 0 || !spec.getColumnSpec(featureIndex[i]).getType().isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException("The input table has no numeric column '" + features.get(i) + "'.");
            }
        }
        this.label = label;
        this.labelIndex = label == null ? -1 : spec.findColumnIndex(label);
        if (label != null && labelIndex < 0) {
            throw new InvalidSettingsException("The input table has no column '" + label + "'.");
        }
        this.skipIncomplete = skipIncomplete;
    }

    /**
     * Names of the numeric columns of a table, in table order, leaving out {@code except}.
     */
    public static List<String> numericColumns(final DataTableSpec spec, final Collection<String> except) {
        final List<String> out = new ArrayList<>();
        for (DataColumnSpec c : spec) {
            if (c.getType().isCompatible(DoubleValue.class) && !except.contains(c.getName())) {
                out.add(c.getName());
            }
        }
        return out;
    }

    /** Number of features (the dimension p of the samples). */
    public int size() {
        return features.size();
    }

    /**
     * Feeds every complete row to {@code sink}, reporting progress and honouring cancel.
     *
     * @return the number of rows skipped because they were incomplete (always 0 unless skipping was asked for)
     * @throws InvalidSettingsException naming the row and column of the first missing, NaN or infinite entry
     *     when rows are not skipped, or whatever the sink throws
     */
    public long read(final BufferedDataTable table, final ExecutionMonitor exec, final Sink sink)
        throws InvalidSettingsException, CanceledExecutionException {
        final long rows = table.size();
        final double[] x = new double[featureIndex.length];
        long index = 0;
        long skipped = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                final DataRow row = it.next();
                if (index % 256 == 0) {
                    exec.checkCanceled();
                    exec.setProgress(index / (double) Math.max(1, rows), "reading row " + index + " of " + rows);
                }
                index++;
                if (fill(row, x)) {
                    sink.accept(x, labelIndex < 0 ? null : row.getCell(labelIndex));
                } else {
                    skipped++;
                }
            }
        }
        exec.setProgress(1);
        return skipped;
    }

    /** Reads the features of a row into x; false when the row is incomplete and skipping is on. */
    private boolean fill(final DataRow row, final double[] x) throws InvalidSettingsException {
        for (int i = 0; i < featureIndex.length; i++) {
            final DataCell cell = row.getCell(featureIndex[i]);
            final double v = cell.isMissing() ? Double.NaN : ((DoubleValue) cell).getDoubleValue();
            if (!Double.isFinite(v)) {
                if (skipIncomplete) {
                    return false;
                }
                throw new InvalidSettingsException("Row '" + row.getKey() + "', column '" + features.get(i) + "' "
                    + (cell.isMissing() ? "has a missing value" : "is " + v) + ". Remove or fill such rows (for "
                    + "example with the Missing Value node), or tick \"Skip rows with missing values\".");
            }
            x[i] = v;
        }
        if (labelIndex >= 0 && row.getCell(labelIndex).isMissing()) {
            if (skipIncomplete) {
                return false;
            }
            throw new InvalidSettingsException("Row '" + row.getKey() + "', column '" + label + "' has a missing "
                + "value. Remove or fill such rows, or tick \"Skip rows with missing values\".");
        }
        return true;
    }
}
