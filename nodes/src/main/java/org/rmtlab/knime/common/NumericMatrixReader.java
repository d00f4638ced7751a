package org.rmtlab.knime.common;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
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
import org.rmtlab.core.util.Memory;

/**
 * The table reader of every node: reads numeric columns of a table into the solver core's layout, the
 * p x n matrix X whose columns are the samples, one per table row, and optionally the target vector y of
 * length n and the cells of a label column of any type (class labels), one per kept row.
 *
 * <p>Made in configure with {@link #of}, which checks the columns against the input spec (so that a
 * missing or non-numeric column shows before execution), then used in execute with {@link #read}.
 * A cell that is missing, NaN or infinite in a read column either stops the node with the row key and
 * the column named, or, when the user ticked {@value #SKIP_OPTION}, drops that row: the rows kept are
 * then listed in the {@link TableMatrix} so that a node can copy other columns of the same rows.
 */
public final class NumericMatrixReader {
    /** Label of the option that skips rows with unusable values; every node uses these words. */
    public static final String SKIP_OPTION = "Skip rows with missing values";

    /** Rows between two progress reports and cancellation checks. */
    private static final int CHECK_EVERY = 256;

    private final String table;
    private final List<String> features;
    private final int[] featureIndex;
    private final String target;
    private final int targetIndex;
    private final String label;
    private final int labelIndex;
    private final boolean skipRows;

    private NumericMatrixReader(final String table, final List<String> features, final int[] featureIndex,
        final String target, final int targetIndex, final String label, final int labelIndex,
        final boolean skipRows) {
        this.table = table;
        this.features = List.copyOf(features);
        this.featureIndex = featureIndex;
        this.target = target;
        this.targetIndex = targetIndex;
        this.label = label;
        this.labelIndex = labelIndex;
        this.skipRows = skipRows;
    }

    /**
     * Checks the columns against the spec.
     *
     * @param spec the table's spec
     * @param table how messages name the table, for example "input table" or "test table"
     * @param features the feature columns in the order of the rows of X; each must exist and be numeric
     * @param target the target column, or {@code null} (or empty) for none; must be numeric and not a feature
     * @param skipRows whether rows with missing, NaN or infinite values are skipped rather than reported
     * @throws InvalidSettingsException saying which column is wrong and how to fix it
     */
    public static NumericMatrixReader of(final DataTableSpec spec, final String table, final List<String> features,
        final String target, final boolean skipRows) throws InvalidSettingsException {
        return of(spec, table, "feature", features, target, skipRows);
    }

    /**
     * {@link #of(DataTableSpec, String, List, String, boolean)} with the role of the columns read as messages name
     * it, for example "data" or "eigenvalue" ("The eigenvalue column 'ev' of the input table holds ...").
     */
    public static NumericMatrixReader of(final DataTableSpec spec, final String table, final String role,
        final List<String> features, final String target, final boolean skipRows) throws InvalidSettingsException {
        if (numericColumns(spec).isEmpty()) {
            throw new InvalidSettingsException("The " + table + " has no numeric column. Connect a table of numbers, "
                + "or convert text columns first (for example with the String to Number node).");
        }
        if (features.isEmpty()) {
            throw new InvalidSettingsException("No " + role + " column of the " + table + " is selected. Include at "
                + "least one numeric column in the " + role + " columns of the dialog.");
        }
        final int[] index = new int[features.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = numericColumn(spec, table, features.get(i), role);
        }
        final boolean hasTarget = target != null && !target.isEmpty();
        if (hasTarget && features.contains(target)) {
            throw new InvalidSettingsException("The target column '" + target + "' is also selected as a feature "
                + "column; exclude it from the features.");
        }
        return new NumericMatrixReader(table, features, index, hasTarget ? target : null,
            hasTarget ? numericColumn(spec, table, target, "target") : -1, null, -1, skipRows);
    }

    /**
     * This reader, also keeping the cells of a label column of any type (for example the two class labels of a
     * mixture) for the kept rows ({@link TableMatrix#labels()}); a missing label is an unusable cell like a
     * missing number. {@code null} or empty: no label column.
     *
     * @param spec the spec the reader was made for
     * @throws InvalidSettingsException when the column is absent or is one of the numeric columns read
     */
    public NumericMatrixReader withLabel(final DataTableSpec spec, final String column)
        throws InvalidSettingsException {
        if (column == null || column.isEmpty()) {
            return new NumericMatrixReader(table, features, featureIndex, target, targetIndex, null, -1, skipRows);
        }
        final int index = spec.findColumnIndex(column);
        if (index < 0) {
            throw new InvalidSettingsException("The " + table + " has no column '" + column + "' (the label column). "
                + "Choose one of its columns: " + String.join(", ", spec.getColumnNames()) + ".");
        }
        if (features.contains(column) || column.equals(target)) {
            throw new InvalidSettingsException("The label column '" + column + "' is also read as a number; exclude it "
                + "from the feature and target columns.");
        }
        return new NumericMatrixReader(table, features, featureIndex, target, targetIndex, column, index, skipRows);
    }

    /** The names of the numeric columns of the spec, in table order. */
    public static List<String> numericColumns(final DataTableSpec spec) {
        return numericColumns(spec, List.of());
    }

    /** The names of the numeric columns of the spec, in table order, leaving out {@code except}. */
    public static List<String> numericColumns(final DataTableSpec spec, final Collection<String> except) {
        final List<String> names = new ArrayList<>();
        for (DataColumnSpec c : spec) {
            if (c.getType().isCompatible(DoubleValue.class) && !except.contains(c.getName())) {
                names.add(c.getName());
            }
        }
        return names;
    }

    private static int numericColumn(final DataTableSpec spec, final String table, final String name,
        final String role) throws InvalidSettingsException {
        final int index = spec.findColumnIndex(name);
        if (index < 0) {
            throw new InvalidSettingsException("The " + table + " has no column '" + name + "' (the " + role
                + " column). Choose one of its numeric columns in the dialog: " + String.join(", ", numericColumns(spec))
                + ".");
        }
        if (!spec.getColumnSpec(index).getType().isCompatible(DoubleValue.class)) {
            throw new InvalidSettingsException("The " + role + " column '" + name + "' of the " + table + " holds "
                + spec.getColumnSpec(index).getType() + " values, not numbers. Choose a numeric column, or convert it "
                + "first (for example with the String to Number node).");
        }
        return index;
    }

    /** Number of feature columns: the row count p of X. */
    public int p() {
        return featureIndex.length;
    }

    public List<String> features() {
        return features;
    }

    /** The target column, or {@code null} when none is read. */
    public String target() {
        return target;
    }

    /** The label column, or {@code null} when none is read. */
    public String label() {
        return label;
    }

    /**
     * Reads the table. Memory for X (and y) is checked before it is allocated. Progress and
     * cancellation go through {@code exec}; when rows are skipped the table is read twice (once to find
     * them, once to fill a matrix of exactly the kept size).
     *
     * @throws InvalidSettingsException when a cell is missing, NaN or infinite (and rows are not skipped),
     *         naming the row and column, or when the matrix would not fit in memory
     */
    public TableMatrix read(final BufferedDataTable data, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        final long rows = data.size();
        final int p = p();
        final int columns = p + (target == null ? 0 : 1);
        if (rows * columns > Integer.MAX_VALUE - 8) {
            throw new InvalidSettingsException("The " + table + " has " + rows + " rows of " + columns + " columns to "
                + "read, more than one matrix can hold (2^31 values). Use fewer rows or columns.");
        }
        CoreCall.settings(() -> {
            Memory.require("the p x n = " + p + " x " + rows + " data matrix of the " + table
                + (target == null ? "" : " and its target"), Memory.doubles(columns, rows, 1));
            return null;
        });
        final BitSet skipped = new BitSet();
        String firstProblem = null;
        if (skipRows) {
            firstProblem = findUnusable(data, skipped, exec.createSubProgress(0.5));
        }
        final int n = (int) rows - skipped.cardinality();
        final DMatrixRMaj x = new DMatrixRMaj(p, n);
        final double[] y = target == null ? null : new double[n];
        final DataCell[] labels = label == null ? null : new DataCell[n];
        final ExecutionMonitor fill = skipRows ? exec.createSubProgress(0.5) : exec;
        try (CloseableRowIterator it = data.iterator()) {
            int row = 0;
            int j = 0;
            while (it.hasNext()) {
                final DataRow r = it.next();
                checkIn(fill, row, rows);
                if (!skipped.get(row)) {
                    for (int i = 0; i < p; i++) {
                        x.data[i * n + j] = value(r, featureIndex[i]);
                    }
                    if (y != null) {
                        y[j] = value(r, targetIndex);
                    }
                    if (labels != null) {
                        labels[j] = labelCell(r);
                    }
                    j++;
                }
                row++;
            }
        }
        fill.setProgress(1, "read " + rows + " rows");
        return new TableMatrix(table, x, y, labels, skipped, rows, firstProblem);
    }

    /** Marks the rows with an unusable cell; returns where the first one is, or null. */
    private String findUnusable(final BufferedDataTable data, final BitSet skipped, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        final long rows = data.size();
        String first = null;
        try (CloseableRowIterator it = data.iterator()) {
            int row = 0;
            while (it.hasNext()) {
                final DataRow r = it.next();
                checkIn(exec, row, rows);
                final int bad = unusableColumn(r);
                if (bad >= 0) {
                    skipped.set(row);
                    if (first == null) {
                        first = "row '" + r.getKey() + "', column '" + columnName(bad) + "'";
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

    /** Index into {@code featureIndex} (p for the target, p + 1 for the label) of the first unusable cell, or -1. */
    private int unusableColumn(final DataRow r) {
        for (int i = 0; i < featureIndex.length; i++) {
            if (problem(r.getCell(featureIndex[i])) != null) {
                return i;
            }
        }
        if (targetIndex >= 0 && problem(r.getCell(targetIndex)) != null) {
            return featureIndex.length;
        }
        return labelIndex >= 0 && r.getCell(labelIndex).isMissing() ? featureIndex.length + 1 : -1;
    }

    private String columnName(final int i) {
        return i < featureIndex.length ? features.get(i) : i == featureIndex.length ? target : label;
    }

    /** The label cell of a row, or a message naming the row and column when it is missing. */
    private DataCell labelCell(final DataRow r) throws InvalidSettingsException {
        final DataCell cell = r.getCell(labelIndex);
        if (cell.isMissing()) {
            throw unusable(r, "a missing value", label);
        }
        return cell;
    }

    private InvalidSettingsException unusable(final DataRow r, final String problem, final String column) {
        return new InvalidSettingsException("Row '" + r.getKey() + "' of the " + table + " has " + problem
            + " in column '" + column + "'. Remove or replace such values first (for example with the Missing "
            + "Value node), or tick '" + SKIP_OPTION + "'.");
    }

    /** The number in a cell already known to be numeric, or a message naming the row and column. */
    private double value(final DataRow r, final int column) throws InvalidSettingsException {
        final DataCell cell = r.getCell(column);
        final String problem = problem(cell);
        if (problem != null) {
            throw unusable(r, problem, column == targetIndex ? target : features.get(indexOf(column)));
        }
        return ((DoubleValue) cell).getDoubleValue();
    }

    private int indexOf(final int column) {
        for (int i = 0; i < featureIndex.length; i++) {
            if (featureIndex[i] == column) {
                return i;
            }
        }
        throw new IllegalStateException("column " + column + " is not read");
    }

    /** What is wrong with a cell, or null when it holds a finite number. */
    private static String problem(final DataCell cell) {
        if (cell.isMissing()) {
            return "a missing value";
        }
        final double v = ((DoubleValue) cell).getDoubleValue();
        if (Double.isNaN(v)) {
            return "the value NaN";
        }
        return Double.isInfinite(v) ? "the value " + v : null;
    }
}
