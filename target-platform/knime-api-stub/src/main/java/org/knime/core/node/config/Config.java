package org.knime.core.node.config;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/** A settings tree whose nested configs are again {@code Config}s. */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {
    private static final long serialVersionUID = 1L;

    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config addConfig(final String key) {
        final Config config = getInstance(key);
        put(config);
        return config;
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        if (get(key) instanceof Config config) {
            return config;
        }
        throw new InvalidSettingsException("No config for key \"" + key + "\" in \"" + getKey() + "\"");
    }

    /** Reads a settings XML document into a new config made by {@code factory.getInstance}. */
    protected static Config loadFromXML(final Config factory, final InputStream in) throws IOException {
        return (Config) ConfigBase.loadFromXML(factory, in);
    }
}
