package org.rmtlab.knime.common;

import java.io.File;
import java.io.IOException;
import java.util.function.Supplier;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortType;
import org.rmtlab.knime.common.OptionsNodeModel;

/**
 * A node model that draws a chart: it holds the chart of the last execution for its {@link ChartNodeView},
 * forgets it on reset and keeps its PNG in the node's internals, so the view survives a workflow reload.
 *
 * @param <S> the node's settings
 */
public abstract class ChartingNodeModel<S extends NodeOptions> extends OptionsNodeModel<S> implements ChartSource {
    private ChartOutput chart;

    protected ChartingNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes,
        final Supplier<S> defaults) {
        super(inPortTypes, outPortTypes, defaults);
    }

    @Override
    public final ChartOutput chart() {
        return chart;
    }

    /** Keeps {@code rendered} as the chart of this execution (call it once the execution has succeeded). */
    protected final void setChart(final ChartOutput rendered) {
        chart = rendered;
    }

    @Override
    protected final void reset() {
        chart = null;
    }

    @Override
    protected final void loadInternals(final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        chart = ChartOutput.load(dir);
    }

    @Override
    protected final void saveInternals(final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ChartOutput.save(chart, dir);
    }
}
