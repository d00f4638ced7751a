package org.knime.core.node.defaultnodesettings;

import java.text.ParseException;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** A spinner for an int, long or double setting; bounded models bound the spinner. */
public class DialogComponentNumber extends DialogComponent {
    private static final int DEFAULT_COLUMNS = 8;

    private final JLabel label;
    private final JSpinner spinner;

    public DialogComponentNumber(final SettingsModelNumber model, final String label, final Number step) {
        this(model, label, step, DEFAULT_COLUMNS);
    }

    /**
     * @param step the spinner's increment, converted to the model's number type
     * @param columns width of the text part in characters
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public DialogComponentNumber(final SettingsModelNumber model, final String label, final Number step,
        final int columns) {
        super(model);
        this.label = new JLabel(label);
        this.spinner = new JSpinner(new SpinnerNumberModel(model.numberValue(), (Comparable) model.lowerBound(),
            (Comparable) model.upperBound(), model.toModelNumber(step)));
        final JComponent editor = spinner.getEditor();
        if (editor instanceof JSpinner.DefaultEditor text) {
            text.getTextField().setColumns(columns);
        }
        spinner.addChangeListener(e -> {
            try {
                model.setNumberValue((Number) spinner.getValue());
            } catch (IllegalArgumentException outOfRange) {
                updateComponent();
            }
        });
        getComponentPanel().add(this.label);
        getComponentPanel().add(spinner);
    }

    public JSpinner getSpinner() {
        return spinner;
    }

    public JLabel getLabel() {
        return label;
    }

    private SettingsModelNumber numberModel() {
        return (SettingsModelNumber) getModel();
    }

    @Override
    protected void updateComponent() {
        final Number value = numberModel().numberValue();
        if (!value.equals(spinner.getValue())) {
            spinner.setValue(value);
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        try {
            spinner.commitEdit();
            numberModel().setNumberValue((Number) spinner.getValue());
        } catch (ParseException e) {
            throw new InvalidSettingsException("\"" + label.getText() + "\" is not a number", e);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // a spinner works with any input
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        spinner.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        label.setToolTipText(text);
        spinner.setToolTipText(text);
    }
}
