package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;

/**
 * The settings of a node: what {@code NodeModel.saveSettingsTo} writes and
 * {@code loadValidatedSettingsFrom} reads. {@link #saveToXML} and {@link #loadFromXML} use the
 * settings XML format of KNIME workflows (see {@link org.knime.core.node.config.base.ConfigBase}).
 */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {
    private static final long serialVersionUID = 1L;

    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    /** Reads settings XML; the root key of the document becomes the key of the result. */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        return (NodeSettings) Config.loadFromXML(new NodeSettings("settings"), in);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings) addConfig(key);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        return (NodeSettings) getConfig(key);
    }
}
