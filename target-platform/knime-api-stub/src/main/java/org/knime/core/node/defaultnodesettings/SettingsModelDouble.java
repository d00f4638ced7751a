package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.CheckUtils;

/** A double setting, saved as an {@code xdouble} entry under its config name. */
public class SettingsModelDouble extends SettingsModelNumber implements SettingsModelFlowVariableCompatible {
    private final String configName;
    private double value;

    public SettingsModelDouble(final String configName, final double defaultValue) {
        CheckUtils.checkArgument(configName != null && !configName.isEmpty(), "a config name must not be empty");
        this.configName = configName;
        this.value = defaultValue;
    }

    @Override
    protected SettingsModelDouble createClone() {
        return new SettingsModelDouble(configName, value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_double";
    }

    @Override
    protected String getConfigName() {
        return configName;
    }

    public void setDoubleValue(final double newValue) {
        final boolean changed = Double.compare(newValue, value) != 0;
        value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public double getDoubleValue() {
        return value;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setDoubleValue(settings.getDouble(configName, value));
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
        validateValue(settings.getDouble(configName));
    }

    /** Subclasses reject values here; this model accepts every double. */
    protected void validateValue(final double candidate) throws InvalidSettingsException {
        // every double is valid
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setDoubleValue(settings.getDouble(configName));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addDouble(configName, value);
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
        setDoubleValue(newValue.doubleValue());
    }

    @Override
    Number toModelNumber(final Number number) {
        return number.doubleValue();
    }

    @Override
    Number parseNumber(final String text) {
        return Double.parseDouble(text.trim());
    }
}
