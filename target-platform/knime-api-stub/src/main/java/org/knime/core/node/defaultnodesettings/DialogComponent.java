package org.knime.core.node.defaultnodesettings;

import java.awt.FlowLayout;

import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A Swing widget bound to a settings model: model changes update the widget, the widget writes
 * its value into the model when the dialog saves (and, for most widgets, while the user edits).
 */
public abstract class DialogComponent {
    private final SettingsModel model;
    private final JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEFT));
    private PortObjectSpec[] lastSpecs = new PortObjectSpec[0];

    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new IllegalArgumentException("a dialog component needs a settings model");
        }
        this.model = model;
        model.addChangeListener(e -> {
            updateComponent();
            setEnabledComponents(model.isEnabled());
        });
    }

    /** The panel holding the widgets; subclasses add theirs in their constructor. */
    public JPanel getComponentPanel() {
        return panel;
    }

    public final SettingsModel getModel() {
        return model;
    }

    /** @return the spec at the port when settings were last loaded, or null */
    protected final PortObjectSpec getLastTableSpec(final int port) {
        return port >= 0 && port < lastSpecs.length ? lastSpecs[port] : null;
    }

    protected final PortObjectSpec[] getLastTableSpecs() {
        return lastSpecs.clone();
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        lastSpecs = specs == null ? new PortObjectSpec[0] : specs.clone();
        checkConfigurabilityBeforeLoad(lastSpecs);
        model.loadForDialog(settings, lastSpecs);
        updateComponent();
        setEnabledComponents(model.isEnabled());
    }

    /** Shows the model's value in the widgets. */
    protected abstract void updateComponent();

    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        validateSettingsBeforeSave();
        model.saveForDialog(settings);
    }

    /** Commits the widget's value into the model; fails with a message the user understands. */
    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    /** Refuses to open the dialog for inputs the component cannot work with. */
    protected abstract void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException;

    /** Enables or disables the widgets (the model's enabled status is left alone). */
    public final void setEnabled(final boolean enabled) {
        setEnabledComponents(enabled);
    }

    protected abstract void setEnabledComponents(boolean enabled);

    public abstract void setToolTipText(String text);
}
