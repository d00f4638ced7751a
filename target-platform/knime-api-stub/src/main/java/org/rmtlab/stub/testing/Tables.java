package org.rmtlab.stub.testing;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;

/**
 * Building input tables and reading output tables in tests.
 *
 * <p>Java values map to cells as: null to the missing cell, Double/Float to {@code DoubleCell},
 * Integer/Short/Byte to {@code IntCell}, Long to {@code LongCell}, String to {@code StringCell},
 * Boolean to {@code BooleanCell}; a {@code DataCell} is taken as it is. Reading maps back by the
 * most specific value interface: boolean, int, long, double, string, else {@code toString()}.
 * Rows built here get KNIME's default keys "Row0", "Row1", ...
 */
public final class Tables {

    private Tables() {
    }

    /** A spec from alternating column names and types: {@code spec("x", DoubleCell.TYPE, "label", StringCell.TYPE)}. */
    public static DataTableSpec spec(final Object... namesAndTypes) {
        if (namesAndTypes.length % 2 != 0) {
            throw new IllegalArgumentException("spec(...) takes pairs of column name and DataType");
        }
        final List<DataColumnSpec> columns = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            if (!(namesAndTypes[i] instanceof String name) || !(namesAndTypes[i + 1] instanceof DataType type)) {
                throw new IllegalArgumentException("argument " + i + " must be a column name and argument " + (i + 1)
                    + " its DataType");
            }
            columns.add(new DataColumnSpecCreator(name, type).createSpec());
        }
        return new DataTableSpec(columns.toArray(new DataColumnSpec[0]));
    }

    /** A table with one row per array of Java values (see the class comment for the mapping). */
    public static BufferedDataTable table(final DataTableSpec spec, final Object[]... rows) {
        final List<DataRow> dataRows = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            final DataCell[] cells = new DataCell[rows[r].length];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cell(rows[r][c]);
            }
            dataRows.add(new DefaultRow(RowKey.createRowKey(r), cells));
        }
        return table(spec, dataRows);
    }

    /** A table of the given rows, checked like any node output (cell count, types, unique keys). */
    public static BufferedDataTable table(final DataTableSpec spec, final List<? extends DataRow> rows) {
        final BufferedDataContainer container = new TestExecution().context().createDataContainer(spec);
        for (final DataRow row : rows) {
            container.addRowToTable(row);
        }
        container.close();
        return container.getTable();
    }

    public static DataCell cell(final Object value) {
        if (value == null) {
            return DataType.getMissingCell();
        }
        if (value instanceof DataCell c) {
            return c;
        }
        if (value instanceof Double || value instanceof Float) {
            return new DoubleCell(((Number) value).doubleValue());
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new IntCell(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return new LongCell(l);
        }
        if (value instanceof String s) {
            return new StringCell(s);
        }
        if (value instanceof Boolean b) {
            return BooleanCell.get(b);
        }
        throw new IllegalArgumentException("no cell type for a " + value.getClass().getName() + ": " + value);
    }

    public static Object value(final DataCell cell) {
        if (cell.isMissing()) {
            return null;
        }
        if (cell instanceof BooleanValue b) {
            return b.getBooleanValue();
        }
        if (cell instanceof IntValue i) {
            return i.getIntValue();
        }
        if (cell instanceof LongValue l) {
            return l.getLongValue();
        }
        if (cell instanceof DoubleValue d) {
            return d.getDoubleValue();
        }
        if (cell instanceof StringValue s) {
            return s.getStringValue();
        }
        return cell.toString();
    }

    public static List<DataRow> rows(final DataTable table) {
        final List<DataRow> rows = new ArrayList<>();
        for (final DataRow row : table) {
            rows.add(row);
        }
        return rows;
    }

    /** Every row as a list of Java values. */
    public static List<List<Object>> values(final DataTable table) {
        final List<List<Object>> values = new ArrayList<>();
        for (final DataRow row : table) {
            final List<Object> rowValues = new ArrayList<>();
            for (final DataCell cell : row) {
                rowValues.add(value(cell));
            }
            values.add(rowValues);
        }
        return values;
    }

    /** One column as Java values. */
    public static List<Object> column(final DataTable table, final String column) {
        final int index = columnIndex(table, column);
        final List<Object> values = new ArrayList<>();
        for (final DataRow row : table) {
            values.add(value(row.getCell(index)));
        }
        return values;
    }

    /** One numeric column as doubles; missing cells become NaN. */
    public static double[] doubles(final DataTable table, final String column) {
        final int index = columnIndex(table, column);
        if (!table.getDataTableSpec().getColumnSpec(index).getType().isCompatible(DoubleValue.class)) {
            throw new IllegalArgumentException("column \"" + column + "\" is not numeric: "
                + table.getDataTableSpec().getColumnSpec(index));
        }
        final List<Double> values = new ArrayList<>();
        for (final DataRow row : table) {
            final DataCell cell = row.getCell(index);
            values.add(cell.isMissing() ? Double.NaN : ((DoubleValue) cell).getDoubleValue());
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int columnIndex(final DataTable table, final String column) {
        final int index = table.getDataTableSpec().findColumnIndex(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column \"" + column + "\" in "
                + List.of(table.getDataTableSpec().getColumnNames()));
        }
        return index;
    }
}
