package org.rmtlab.knime.common;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The settings of one node, as its {@link OptionsNodeModel} saves, loads and validates them. Usually a
 * {@link SettingsGroup} behind a few node-specific checks.
 */
public interface NodeOptions {

    void saveTo(NodeSettingsWO settings);

    /** Loads every key present; keys absent (older workflows) keep their defaults. */
    void loadFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    /** Every check that needs no input table; each message says how to fix the setting. */
    void check() throws InvalidSettingsException;
}
