package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.CheckUtils;

/** An int setting, saved as an {@code xint} entry under its config name. */
public class SettingsModelInteger extends SettingsModelNumber implements SettingsModelFlowVariableCompatible {
    private final String configName;
    private int value;

    public SettingsModelInteger(final String configName, final int defaultValue) {
        CheckUtils.checkArgument(configName != null && !configName.isEmpty(), "a config name must not be empty");
        this.configName = configName;
        this.value = defaultValue;
    }

    @Override
    protected SettingsModelInteger createClone() {
        return new SettingsModelInteger(configName, value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_integer";
    }

    @Override
    protected String getConfigName() {
        return configName;
    }

    public void setIntValue(final int newValue) {
        final boolean changed = newValue != value;
        value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public int getIntValue() {
        return value;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setIntValue(settings.getInt(configName, value));
        } catch (IllegalArgumentException e) {
            // a value this model does not accept: the dialog shows the current one
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getInt(configName));
    }

    /** Subclasses reject values here; this model accepts every int. */
    protected void validateValue(final int candidate) throws InvalidSettingsException {
        // every int is valid
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setIntValue(settings.getInt(configName));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addInt(configName, value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + configName + "')";
    }

    @Override
    public String getKey() {
        return configName;
    }

    @Override
    Number numberValue() {
        return value;
    }

    @Override
    void setNumberValue(final Number newValue) {
        setIntValue(newValue.intValue());
    }

    @Override
    Number toModelNumber(final Number number) {
        return number.intValue();
    }

    @Override
    Number parseNumber(final String text) {
        return Integer.parseInt(text.trim());
    }
}
