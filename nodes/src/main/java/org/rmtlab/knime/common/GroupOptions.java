package org.rmtlab.knime.common;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Node settings whose models live in one {@link SettingsGroup}, saved and loaded together (keys absent from older
 * workflows keep their defaults). A subclass creates its models from {@link #group} in its field initialisers
 * and adds its checks.
 */
public abstract class GroupOptions implements NodeOptions {
    /** The node's settings models, by key. */
    protected final SettingsGroup group = new SettingsGroup();

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        group.saveTo(settings);
    }

    @Override
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        group.loadFrom(settings);
        loaded();
    }

    /** Whether the choice holds {@code id}, matched as the core matches ids (ignoring case and blanks). */
    protected static boolean chosen(final SettingsModelString choice, final String id) {
        final String v = choice.getStringValue();
        return v != null && v.trim().equalsIgnoreCase(id);
    }

    /**
     * Called after every load: settings written before a key existed, or by hand, may carry enabled states of their
     * own, which a subclass whose models enable each other sets right here. Nothing by default.
     */
    protected void loaded() {
        // no settings depend on others
    }
}
