package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;
import org.knime.core.data.RowKey;
import org.knime.core.node.util.CheckUtils;

/**
 * Collects rows for a table of a given spec, then is closed and yields the table. Every row is
 * checked as it is added, like in KNIME: the number of cells, each cell's type against its
 * column's type (missing cells fit every column) and the uniqueness of the row key. Rows are kept
 * in memory.
 */
public class DataContainer implements RowAppender, RowFlushable {
    private final DataTableSpec spec;
    private final List<DataRow> rows = new ArrayList<>();
    private final Set<RowKey> keys = new HashSet<>();
    private boolean closed;

    public DataContainer(final DataTableSpec spec) {
        this.spec = CheckUtils.checkArgumentNotNull(spec, "a container needs a table spec");
    }

    @Override
    public void addRowToTable(final DataRow row) {
        CheckUtils.checkState(!closed, "cannot add row %s: the container is closed", row == null ? null : row.getKey());
        CheckUtils.checkArgumentNotNull(row, "cannot add a null row");
        CheckUtils.checkArgument(row.getNumCells() == spec.getNumColumns(),
            "row \"%s\" has %d cells but the table has %d columns", row.getKey(), row.getNumCells(),
            spec.getNumColumns());
        for (int i = 0; i < row.getNumCells(); i++) {
            final DataCell cell = row.getCell(i);
            CheckUtils.checkArgumentNotNull(cell, "row \"%s\": cell %d is null", row.getKey(), i);
            CheckUtils.checkArgument(spec.getColumnSpec(i).getType().isASuperTypeOf(cell.getType()),
                "row \"%s\": a %s cell does not fit column \"%s\" of type %s", row.getKey(), cell.getType(),
                spec.getColumnSpec(i).getName(), spec.getColumnSpec(i).getType());
        }
        CheckUtils.checkArgument(keys.add(row.getKey()), "duplicate row key \"%s\"", row.getKey());
        rows.add(row);
    }

    /** Rows are held in memory, so there is nothing to write out. */
    @Override
    public void flushRows() {
        CheckUtils.checkState(!closed, "cannot flush a closed container");
    }

    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean isOpen() {
        return !closed;
    }

    public long size() {
        return rows.size();
    }

    public DataTableSpec getTableSpec() {
        return spec;
    }

    /** The rows added so far, as a table; only after {@link #close()}. */
    public DataTable getTable() {
        CheckUtils.checkState(closed, "close the container before asking for its table");
        final List<DataRow> content = Collections.unmodifiableList(rows);
        return new DataTable() {
            @Override
            public DataTableSpec getDataTableSpec() {
                return spec;
            }

            @Override
            public RowIterator iterator() {
                final Iterator<DataRow> it = content.iterator();
                return new RowIterator() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public DataRow next() {
                        return it.next();
                    }
                };
            }
        };
    }
}
