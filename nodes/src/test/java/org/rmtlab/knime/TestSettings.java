package org.rmtlab.knime;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.rmtlab.stub.testing.NodeHarness;

/** Settings by their saved keys, as a user sets them in a dialog (or a flow variable overrides them). */
public final class TestSettings {
    private TestSettings() {
    }

    /**
     * Writes each key-value pair into {@code settings}.
     *
     * @param keysAndValues key, value, key, value, ...: each value an Integer, Double, Boolean or String
     */
    public static void put(final NodeSettings settings, final Object... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            final String key = (String) keysAndValues[i];
            final Object value = keysAndValues[i + 1];
            if (value instanceof String v) {
                settings.addString(key, v);
            } else if (value instanceof Integer v) {
                settings.addInt(key, v);
            } else if (value instanceof Double v) {
                settings.addDouble(key, v);
            } else if (value instanceof Boolean v) {
                settings.addBoolean(key, v);
            } else {
                throw new IllegalArgumentException("unsupported setting value " + value + " for " + key);
            }
        }
    }

    /** Loads the node's current settings changed by the key-value pairs of {@link #put}; returns the node. */
    public static <M extends NodeModel> NodeHarness<M> set(final NodeHarness<M> node, final Object... keysAndValues)
        throws InvalidSettingsException {
        final NodeSettings s = node.saveSettings();
        put(s, keysAndValues);
        node.loadSettings(s);
        return node;
    }
}
