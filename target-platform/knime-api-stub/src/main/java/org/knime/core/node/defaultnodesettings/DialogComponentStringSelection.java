package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.CheckUtils;

/** A drop-down list of strings for a string setting; optionally editable, so that other values can be typed. */
public final class DialogComponentStringSelection extends DialogComponent {
    private final JLabel label;
    private final JComboBox<String> combo = new JComboBox<>();
    /** True while the list shows a model value, so that the change is not written back. */
    private boolean showingModel;

    public DialogComponentStringSelection(final SettingsModelString model, final String label, final String... items) {
        this(model, label, Arrays.asList(items));
    }

    public DialogComponentStringSelection(final SettingsModelString model, final String label,
        final Collection<String> items) {
        this(model, label, items, false);
    }

    /**
     * @param editable whether the user may also type a value that is not among the choices; the
     *        model then holds the typed text
     */
    public DialogComponentStringSelection(final SettingsModelString model, final String label,
        final Collection<String> items, final boolean editable) {
        super(model);
        this.label = new JLabel(label);
        setItems(items);
        combo.setEditable(editable);
        combo.addActionListener(e -> {
            if (combo.getSelectedItem() != null) {
                model.setStringValue((String) combo.getSelectedItem());
            }
        });
        if (editable) {
            ((JTextComponent) combo.getEditor().getEditorComponent()).getDocument()
                .addDocumentListener(new DocumentListener() {
                    @Override
                    public void insertUpdate(final DocumentEvent e) {
                        typed();
                    }

                    @Override
                    public void removeUpdate(final DocumentEvent e) {
                        typed();
                    }

                    @Override
                    public void changedUpdate(final DocumentEvent e) {
                        typed();
                    }
                });
        }
        getComponentPanel().add(this.label);
        getComponentPanel().add(combo);
        updateComponent();
    }

    private String editorText() {
        return ((JTextComponent) combo.getEditor().getEditorComponent()).getText();
    }

    private void typed() {
        if (!showingModel) {
            stringModel().setStringValue(editorText());
        }
    }

    private void setItems(final Collection<String> items) {
        CheckUtils.checkArgument(items != null && !items.isEmpty(), "\"%s\": the list of choices is empty",
            label.getText());
        CheckUtils.checkArgument(items.stream().noneMatch(java.util.Objects::isNull), "\"%s\": the list of choices contains null", label.getText());
        combo.setModel(new DefaultComboBoxModel<>(items.toArray(new String[0])));
    }

    private SettingsModelString stringModel() {
        return (SettingsModelString) getModel();
    }

    /**
     * Selects the model's value if it is a choice, or shows it in the editor of an editable list;
     * otherwise the selection is left as it is.
     */
    @Override
    protected void updateComponent() {
        final String value = stringModel().getStringValue();
        if (value != null && !value.equals(combo.getSelectedItem()) && (combo.isEditable() || choices().contains(value))) {
            showingModel = true;
            try {
                combo.setSelectedItem(value);
            } finally {
                showingModel = false;
            }
        }
    }

    private List<String> choices() {
        final String[] all = new String[combo.getItemCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = combo.getItemAt(i);
        }
        return Arrays.asList(all);
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        final String value = combo.isEditable() ? editorText() : (String) combo.getSelectedItem();
        CheckUtils.checkSetting(value != null && !value.isEmpty(), "Please select a value for \"%s\"", label.getText());
        stringModel().setStringValue(value);
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // the choices do not depend on the input
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

    /** Replaces the choices and selects the given one (or the model's value if it is null). */
    public void replaceListItems(final Collection<String> items, final String select) {
        setItems(items);
        final String wanted = select != null ? select : stringModel().getStringValue();
        if (wanted != null && items.contains(wanted)) {
            combo.setSelectedItem(wanted);
        }
        if (combo.getSelectedItem() != null) {
            stringModel().setStringValue((String) combo.getSelectedItem());
        }
    }
}
