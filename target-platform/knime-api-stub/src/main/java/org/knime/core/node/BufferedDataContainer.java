package org.knime.core.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/** A data container whose table can be a node's output; made by {@link ExecutionContext#createDataContainer}. */
public class BufferedDataContainer extends DataContainer {
    private BufferedDataTable table;

    BufferedDataContainer(final DataTableSpec spec) {
        super(spec);
    }

    /** The table of the rows added; only after {@link #close()}. The same instance on every call. */
    @Override
    public BufferedDataTable getTable() {
        if (table == null) {
            final List<DataRow> rows = new ArrayList<>((int) size());
            for (final DataRow row : super.getTable()) {
                rows.add(row);
            }
            table = new BufferedDataTable(getTableSpec(), Collections.unmodifiableList(rows));
        }
        return table;
    }
}
