package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.CheckUtils;

/** A string setting (null allowed), saved as an {@code xstring} entry under its config name. */
public class SettingsModelString extends SettingsModel implements SettingsModelFlowVariableCompatible {
    private final String configName;
    private String value;

    public SettingsModelString(final String configName, final String defaultValue) {
        CheckUtils.checkArgument(configName != null && !configName.isEmpty(), "a config name must not be empty");
        this.configName = configName;
        this.value = defaultValue;
    }

    @Override
    protected SettingsModelString createClone() {
        return new SettingsModelString(configName, value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_string";
    }

    @Override
    protected String getConfigName() {
        return configName;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        setStringValue(settings.getString(configName, value));
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    public void setStringValue(final String newValue) {
        final boolean changed = newValue == null ? value != null : !newValue.equals(value);
        value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public String getStringValue() {
        return value;
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        settings.getString(configName);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        setStringValue(settings.getString(configName));
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addString(configName, value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + configName + "')";
    }

    @Override
    public String getKey() {
        return configName;
    }
}
