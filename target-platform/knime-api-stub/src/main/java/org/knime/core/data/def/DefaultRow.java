package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.node.util.CheckUtils;

/** A row holding its cells in an array. */
public class DefaultRow implements DataRow {
    private final RowKey key;
    private final DataCell[] cells;

    public DefaultRow(final RowKey key, final DataCell... cells) {
        CheckUtils.checkArgumentNotNull(key, "a row needs a key");
        CheckUtils.checkArgumentNotNull(cells, "row \"%s\": cell array is null", key);
        for (int i = 0; i < cells.length; i++) {
            CheckUtils.checkArgumentNotNull(cells[i],
                "row \"%s\": cell %d is null (use DataType.getMissingCell() for a missing value)", key, i);
        }
        this.key = key;
        this.cells = cells.clone();
    }

    public DefaultRow(final String key, final DataCell... cells) {
        this(new RowKey(key), cells);
    }

    public DefaultRow(final RowKey key, final List<DataCell> cells) {
        this(key, cells.toArray(new DataCell[0]));
    }

    public DefaultRow(final String key, final List<DataCell> cells) {
        this(new RowKey(key), cells);
    }

    public DefaultRow(final RowKey key, final double... values) {
        this(key, Arrays.stream(values).mapToObj(DoubleCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final String key, final double... values) {
        this(new RowKey(key), values);
    }

    @Override
    public final int getNumCells() {
        return cells.length;
    }

    @Override
    public final RowKey getKey() {
        return key;
    }

    @Override
    public final DataCell getCell(final int index) {
        return cells[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Arrays.asList(cells).iterator();
    }

    @Override
    public String toString() {
        return key + ": " + Arrays.toString(cells);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DefaultRow other && key.equals(other.key) && Arrays.equals(cells, other.cells);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(cells);
    }
}
