package org.knime.core.node.defaultnodesettings;

import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A value of a node's settings, shared by the node model and a dialog component.
 *
 * <p>Besides its value a model saves, as KNIME does, a config {@code <configName>_Internals}
 * with its type id ({@code SettingsModelID}) and whether it was enabled ({@code EnabledStatus}).
 * Settings saved by a disabled model are neither validated nor required to load. Settings
 * without that config (older files) are accepted.
 */
public abstract class SettingsModel {
    private static final String INTERNALS = "_Internals";
    private static final String MODEL_ID = "SettingsModelID";
    private static final String ENABLED = "EnabledStatus";

    private final CopyOnWriteArrayList<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private boolean enabled = true;

    public SettingsModel() {
        // value state lives in the subclasses
    }

    /** A copy of this model holding the value from the settings, which are validated first. */
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        final T clone = createClone();
        clone.validateSettings(settings);
        clone.loadSettingsFrom(settings);
        return clone;
    }

    protected abstract <T extends SettingsModel> T createClone();

    /** Identifies the kind of model in saved settings; compatible models share an id. */
    protected abstract String getModelTypeID();

    protected abstract String getConfigName();

    /** Reads the value for a dialog: never fails for missing values, keeps the current one instead. */
    protected abstract void loadSettingsForDialog(NodeSettingsRO settings, PortObjectSpec[] specs)
        throws NotConfigurableException;

    protected abstract void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    /** Listeners hear about every value change and every change of the enabled status. */
    public void addChangeListener(final ChangeListener listener) {
        listeners.addIfAbsent(listener);
    }

    public void removeChangeListener(final ChangeListener listener) {
        listeners.remove(listener);
    }

    protected void notifyChangeListeners() {
        final ChangeEvent event = new ChangeEvent(this);
        for (final ChangeListener l : listeners) {
            l.stateChanged(event);
        }
    }

    public void setEnabled(final boolean enabled) {
        final boolean changed = this.enabled != enabled;
        this.enabled = enabled;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Checks the value in the settings without taking it; skipped if the saving model was disabled. */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (savedEnabledStatus(settings)) {
            validateSettingsForModel(settings);
        }
    }

    protected abstract void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    /** Takes the value and the enabled status from the settings. */
    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        setEnabled(savedEnabledStatus(settings));
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            if (enabled) {
                throw e;
            }
        }
    }

    protected abstract void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveInternals(settings);
        saveSettingsForModel(settings);
    }

    protected abstract void saveSettingsForModel(NodeSettingsWO settings);

    @Override
    public abstract String toString();

    /** Called by dialog components: like the model load, but tolerant of missing values. */
    final void loadForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setEnabled(savedEnabledStatus(settings));
        } catch (InvalidSettingsException e) {
            // a dialog opens on any settings, also foreign or empty ones; keep the current status
        }
        loadSettingsForDialog(settings, specs);
    }

    /** Called by dialog components; a disabled model may hold a value that would not validate. */
    final void saveForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveInternals(settings);
        try {
            saveSettingsForDialog(settings);
        } catch (InvalidSettingsException e) {
            if (enabled) {
                throw e;
            }
        }
    }

    private void saveInternals(final NodeSettingsWO settings) {
        final NodeSettingsWO internals = settings.addNodeSettings(getConfigName() + INTERNALS);
        internals.addString(MODEL_ID, getModelTypeID());
        internals.addBoolean(ENABLED, enabled);
    }

    /** The enabled status saved with the value, or the current one if the settings hold none. */
    private boolean savedEnabledStatus(final NodeSettingsRO settings) throws InvalidSettingsException {
        final String key = getConfigName() + INTERNALS;
        if (!settings.containsKey(key)) {
            return enabled;
        }
        final NodeSettingsRO internals = settings.getNodeSettings(key);
        final String id = internals.getString(MODEL_ID);
        if (!getModelTypeID().equals(id)) {
            throw new InvalidSettingsException("The settings for \"" + getConfigName() + "\" were written by a "
                + id + " model, not by a " + getModelTypeID() + " model like " + this);
        }
        return internals.getBoolean(ENABLED);
    }
}
