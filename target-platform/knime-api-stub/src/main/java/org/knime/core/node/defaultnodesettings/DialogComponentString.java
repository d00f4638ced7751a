package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** A text field for a string setting; typing updates the model. */
public final class DialogComponentString extends DialogComponent {
    private static final int DEFAULT_COLUMNS = 15;

    private final JLabel label;
    private final JTextField field;
    private final boolean disallowEmpty;
    /** True while the field shows a model value, so that the edit is not written back. */
    private boolean showingModel;

    public DialogComponentString(final SettingsModelString model, final String label) {
        this(model, label, false, DEFAULT_COLUMNS);
    }

    /**
     * @param disallowEmpty whether saving an empty text fails
     * @param columns width of the field in characters
     */
    public DialogComponentString(final SettingsModelString model, final String label, final boolean disallowEmpty,
        final int columns) {
        super(model);
        this.label = new JLabel(label);
        this.field = new JTextField(model.getStringValue() == null ? "" : model.getStringValue(), columns);
        this.disallowEmpty = disallowEmpty;
        field.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(final DocumentEvent e) {
                edited();
            }

            @Override
            public void removeUpdate(final DocumentEvent e) {
                edited();
            }

            @Override
            public void changedUpdate(final DocumentEvent e) {
                edited();
            }
        });
        getComponentPanel().add(this.label);
        getComponentPanel().add(field);
    }

    private void edited() {
        if (!showingModel) {
            stringModel().setStringValue(field.getText());
        }
    }

    private SettingsModelString stringModel() {
        return (SettingsModelString) getModel();
    }

    @Override
    protected void updateComponent() {
        final String value = stringModel().getStringValue() == null ? "" : stringModel().getStringValue();
        if (!field.getText().equals(value)) {
            showingModel = true;
            try {
                field.setText(value);
            } finally {
                showingModel = false;
            }
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (disallowEmpty && field.getText().isEmpty()) {
            throw new InvalidSettingsException("Please enter a value for \"" + label.getText() + "\"");
        }
        stringModel().setStringValue(field.getText());
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
