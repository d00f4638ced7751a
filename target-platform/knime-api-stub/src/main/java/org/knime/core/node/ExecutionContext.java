package org.knime.core.node;

import java.util.function.BooleanSupplier;
import java.util.function.ObjDoubleConsumer;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;

/**
 * What a node gets during execution: progress and cancellation (see {@link ExecutionMonitor})
 * and factories for output tables. In KNIME the framework creates it; in tests the runtime in
 * {@code org.rmtlab.stub.testing} does.
 */
public class ExecutionContext extends ExecutionMonitor {

    ExecutionContext(final ObjDoubleConsumer<String> sink, final BooleanSupplier cancelRequested) {
        super(sink, cancelRequested);
    }

    private ExecutionContext(final ExecutionContext parent, final double fraction, final boolean forwardsMessages) {
        super(parent, fraction, forwardsMessages, true);
    }

    /** A container for the rows of a new table with the given columns. */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return new BufferedDataContainer(spec);
    }

    /**
     * Copies a table into a new buffered table, checking for cancellation before each row.
     * @param exec monitor asked for cancellation; progress is not reported (the row count is unknown)
     */
    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        final BufferedDataContainer container = createDataContainer(table.getDataTableSpec());
        for (final DataRow row : table) {
            exec.checkCanceled();
            container.addRowToTable(row);
        }
        container.close();
        return container.getTable();
    }

    /** A sub-context owning the given share of this context's progress. */
    public ExecutionContext createSubExecutionContext(final double fraction) {
        return new ExecutionContext(this, fraction, true);
    }

    /** Like {@link #createSubExecutionContext} but its messages are not shown. */
    public ExecutionContext createSilentSubExecutionContext(final double fraction) {
        return new ExecutionContext(this, fraction, false);
    }
}
