package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.CheckUtils;

/**
 * A drop-down list of the input table's columns that are compatible with at least one of the
 * given value classes (all columns if none are given). A required selection refuses to open on
 * a table without such a column.
 */
public class DialogComponentColumnNameSelection extends DialogComponent {
    private final JLabel label;
    private final JComboBox<String> combo = new JComboBox<>();
    private final int specIndex;
    private final boolean required;
    private final List<Class<? extends DataValue>> allowedTypes;

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... allowedTypes) {
        this(model, label, specIndex, true, allowedTypes);
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... allowedTypes) {
        super(model);
        CheckUtils.checkArgument(specIndex >= 0, "negative input port index %d", specIndex);
        this.label = new JLabel(label);
        this.specIndex = specIndex;
        this.required = isRequired;
        this.allowedTypes = List.of(allowedTypes);
        combo.addActionListener(e -> {
            if (combo.getSelectedItem() != null) {
                model.setStringValue((String) combo.getSelectedItem());
            }
        });
        getComponentPanel().add(this.label);
        getComponentPanel().add(combo);
    }

    private SettingsModelString stringModel() {
        return (SettingsModelString) getModel();
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        final PortObjectSpec spec = specIndex < specs.length ? specs[specIndex] : null;
        if (!(spec instanceof DataTableSpec table)) {
            throw new NotConfigurableException("No input table at port " + specIndex + " for \"" + label.getText()
                + "\"; connect and configure the input first");
        }
        final List<String> names = new ArrayList<>();
        for (final DataColumnSpec column : table) {
            if (allowedTypes.isEmpty() || allowedTypes.stream().anyMatch(t -> column.getType().isCompatible(t))) {
                names.add(column.getName());
            }
        }
        if (required && names.isEmpty()) {
            throw new NotConfigurableException("The input table has no column suitable for \"" + label.getText()
                + "\"" + (allowedTypes.isEmpty() ? "" : " (wanted: " + simpleNames() + ")"));
        }
        combo.setModel(new DefaultComboBoxModel<>(names.toArray(new String[0])));
    }

    private String simpleNames() {
        return allowedTypes.stream().map(Class::getSimpleName).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** Selects the model's column if the input has it; otherwise the first suitable column stays selected. */
    @Override
    protected void updateComponent() {
        final String value = stringModel().getStringValue();
        if (value != null && !value.equals(combo.getSelectedItem())) {
            for (int i = 0; i < combo.getItemCount(); i++) {
                if (value.equals(combo.getItemAt(i))) {
                    combo.setSelectedIndex(i);
                }
            }
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        CheckUtils.checkSetting(!required || combo.getSelectedItem() != null, "Please select a column for \"%s\"",
            label.getText());
        stringModel().setStringValue((String) combo.getSelectedItem());
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        combo.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        label.setToolTipText(text);
        combo.setToolTipText(text);
    }

    /** @return the selected column name, or null */
    public final String getSelected() {
        return (String) combo.getSelectedItem();
    }

    /** @return the spec of the selected column in the last input, or null */
    public final DataColumnSpec getSelectedAsSpec() {
        return getLastTableSpec(specIndex) instanceof DataTableSpec table && getSelected() != null
            ? table.getColumnSpec(getSelected()) : null;
    }
}
