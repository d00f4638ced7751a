package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.CheckUtils;

/** A long setting, saved as an {@code xlong} entry under its config name. */
public class SettingsModelLong extends SettingsModelNumber {
    private final String configName;
    private long value;

    public SettingsModelLong(final String configName, final long defaultValue) {
        CheckUtils.checkArgument(configName != null && !configName.isEmpty(), "a config name must not be empty");
        this.configName = configName;
        this.value = defaultValue;
    }

    @Override
    protected SettingsModelLong createClone() {
        return new SettingsModelLong(configName, value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMN_long";
    }

    @Override
    protected String getConfigName() {
        return configName;
    }

    public void setLongValue(final long newValue) {
        final boolean changed = newValue != value;
        value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public long getLongValue() {
        return value;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setLongValue(settings.getLong(configName, value));
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
        validateValue(settings.getLong(configName));
    }

    /** Subclasses reject values here; this model accepts every long. */
    protected void validateValue(final long candidate) throws InvalidSettingsException {
        // every long is valid
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setLongValue(settings.getLong(configName));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addLong(configName, value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + configName + "')";
    }

    @Override
    Number numberValue() {
        return value;
    }

    @Override
    void setNumberValue(final Number newValue) {
        setLongValue(newValue.longValue());
    }

    @Override
    Number toModelNumber(final Number number) {
        return number.longValue();
    }

    @Override
    Number parseNumber(final String text) {
        return Long.parseLong(text.trim());
    }
}
