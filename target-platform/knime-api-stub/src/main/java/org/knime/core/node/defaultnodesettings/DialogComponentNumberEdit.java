package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** A plain text field for an int, long or double setting; the text is parsed when the dialog saves. */
public class DialogComponentNumberEdit extends DialogComponent {
    private static final int DEFAULT_COLUMNS = 10;

    private final JLabel label;
    private final JTextField field;

    public DialogComponentNumberEdit(final SettingsModelNumber model, final String label) {
        this(model, label, DEFAULT_COLUMNS);
    }

    /** @param columns width of the field in characters */
    public DialogComponentNumberEdit(final SettingsModelNumber model, final String label, final int columns) {
        super(model);
        this.label = new JLabel(label);
        this.field = new JTextField(model.numberValue().toString(), columns);
        getComponentPanel().add(this.label);
        getComponentPanel().add(field);
    }

    private SettingsModelNumber numberModel() {
        return (SettingsModelNumber) getModel();
    }

    @Override
    protected void updateComponent() {
        final String shown = numberModel().numberValue().toString();
        if (!shown.equals(field.getText())) {
            field.setText(shown);
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        try {
            numberModel().setNumberValue(numberModel().parseNumber(field.getText()));
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("\"" + label.getText() + "\": \"" + field.getText()
                + "\" is not a valid number", e);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // a text field works with any input
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        field.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        label.setToolTipText(text);
        field.setToolTipText(text);
    }
}
