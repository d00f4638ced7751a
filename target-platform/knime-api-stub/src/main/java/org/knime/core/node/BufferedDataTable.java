package org.knime.core.node;

import java.util.Iterator;
import java.util.List;

import javax.swing.JComponent;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;

/** An immutable table at a node's data port; made through {@link BufferedDataContainer}. */
public final class BufferedDataTable implements DataTable, PortObject {

    public static final PortType TYPE = new PortType(BufferedDataTable.class);

    public static final PortType TYPE_OPTIONAL = new PortType(BufferedDataTable.class, true);

    private final DataTableSpec spec;
    private final List<DataRow> rows;

    BufferedDataTable(final DataTableSpec spec, final List<DataRow> rows) {
        this.spec = spec;
        this.rows = rows;
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return spec;
    }

    @Override
    public DataTableSpec getSpec() {
        return spec;
    }

    @Override
    public String getSummary() {
        return "Rows: " + rows.size() + ", Cols: " + spec.getNumColumns();
    }

    @Override
    public CloseableRowIterator iterator() {
        final Iterator<DataRow> it = rows.iterator();
        return new CloseableRowIterator() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public DataRow next() {
                return it.next();
            }

            @Override
            public void close() {
                // rows are in memory: nothing to release
            }
        };
    }

    /** The row count; tables of more than {@code Integer.MAX_VALUE} rows cannot be held by this stub. */
    public int getRowCount() {
        return rows.size();
    }

    public long size() {
        return rows.size();
    }

    /** No views: the stub is not used to display tables. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
