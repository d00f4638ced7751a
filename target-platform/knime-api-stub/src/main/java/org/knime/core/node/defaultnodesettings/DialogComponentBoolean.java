package org.knime.core.node.defaultnodesettings;

import javax.swing.JCheckBox;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** A check box for a boolean setting. */
public final class DialogComponentBoolean extends DialogComponent {
    private final JCheckBox checkBox;

    public DialogComponentBoolean(final SettingsModelBoolean model, final String label) {
        super(model);
        checkBox = new JCheckBox(label, model.getBooleanValue());
        checkBox.addItemListener(e -> model.setBooleanValue(checkBox.isSelected()));
        getComponentPanel().add(checkBox);
    }

    private SettingsModelBoolean booleanModel() {
        return (SettingsModelBoolean) getModel();
    }

    @Override
    protected void updateComponent() {
        if (checkBox.isSelected() != booleanModel().getBooleanValue()) {
            checkBox.setSelected(booleanModel().getBooleanValue());
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        booleanModel().setBooleanValue(checkBox.isSelected());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // a check box works with any input
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        checkBox.setEnabled(enabled);
    }

    public boolean isSelected() {
        return checkBox.isSelected();
    }

    @Override
    public void setToolTipText(final String text) {
        checkBox.setToolTipText(text);
    }
}
