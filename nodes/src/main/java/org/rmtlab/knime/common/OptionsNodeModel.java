package org.rmtlab.knime.common;

import java.io.File;
import java.io.IOException;
import java.util.function.Supplier;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortType;

/**
 * A node model whose settings are one {@link NodeOptions}: the one place that saves, validates (on a fresh
 * instance, so a rejected workflow leaves the node's settings as they were) and loads them. It keeps nothing
 * between executions; {@link ChartingNodeModel} keeps its chart.
 *
 * @param <S> the node's settings
 */
public abstract class OptionsNodeModel<S extends NodeOptions> extends NodeModel {
    /** The node's current settings. */
    protected final S settings;
    private final Supplier<S> defaults;

    /**
     * @param defaults creates the node's settings with their defaults (called once for the node, and once per
     *        validation)
     */
    protected OptionsNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes,
        final Supplier<S> defaults) {
        super(inPortTypes, outPortTypes);
        this.defaults = defaults;
        this.settings = defaults.get();
    }

    /** A node whose ports are all data tables. */
    protected OptionsNodeModel(final int nrInDataPorts, final int nrOutDataPorts, final Supplier<S> defaults) {
        super(nrInDataPorts, nrOutDataPorts);
        this.defaults = defaults;
        this.settings = defaults.get();
    }

    @Override
    protected final void saveSettingsTo(final NodeSettingsWO s) {
        settings.saveTo(s);
    }

    /** Checks settings without changing this node's. */
    @Override
    protected final void validateSettings(final NodeSettingsRO s) throws InvalidSettingsException {
        final S tmp = defaults.get();
        tmp.loadFrom(s);
        tmp.check();
    }

    @Override
    protected final void loadValidatedSettingsFrom(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.loadFrom(s);
    }

    @Override
    protected void reset() {
        // nothing cached between executions
    }

    @Override
    protected void loadInternals(final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        // no internals: the outputs are plain tables
    }

    @Override
    protected void saveInternals(final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        // no internals: the outputs are plain tables
    }
}
