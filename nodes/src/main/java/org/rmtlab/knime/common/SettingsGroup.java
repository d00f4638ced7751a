package org.rmtlab.knime.common;

import java.util.LinkedHashMap;
import java.util.Map;

import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The settings models of one node, by key. Why: a node's settings are part of saved workflows, so
 * keys are never renamed and a key that an older workflow lacks must load its default. This class is
 * the one place that implements that rule for every node.
 */
public final class SettingsGroup {
    /** Key of the exclusion list in the saved form of KNIME's standard column filter. */
    private static final String EXCLUDED_NAMES = "excluded_names";

    private final Map<String, SettingsModel> models = new LinkedHashMap<>();

    private <M extends SettingsModel> M add(final String key, final M model) {
        if (models.put(key, model) != null) {
            throw new IllegalStateException("duplicate settings key " + key);
        }
        return model;
    }

    public SettingsModelString string(final String key, final String def) {
        return add(key, new SettingsModelString(key, def));
    }

    public SettingsModelIntegerBounded integer(final String key, final int def, final int min, final int max) {
        return add(key, new SettingsModelIntegerBounded(key, def, min, max));
    }

    public SettingsModelInteger integer(final String key, final int def) {
        return add(key, new SettingsModelInteger(key, def));
    }

    public SettingsModelDoubleBounded real(final String key, final double def, final double min, final double max) {
        return add(key, new SettingsModelDoubleBounded(key, def, min, max));
    }

    public SettingsModelBoolean bool(final String key, final boolean def) {
        return add(key, new SettingsModelBoolean(key, def));
    }

    /**
     * A column filter over the columns of one value type (for example {@code DoubleValue.class} for
     * numbers). Its default includes every such column except {@code defaultExcludes}, and columns
     * that appear later are included too (KNIME's "enforce exclusion"): a table with more feature
     * columns keeps them all, while a target named in {@code defaultExcludes} stays out.
     */
    public SettingsModelColumnFilter2 columnFilter(final String key, final Class<? extends DataValue> type,
        final String... defaultExcludes) {
        final SettingsModelColumnFilter2 filter = add(key, new SettingsModelColumnFilter2(key, type));
        if (defaultExcludes.length > 0) {
            // the model has no setter for its lists: edit its own saved form, so that every key the
            // model writes (and KNIME's loader expects) is kept
            final NodeSettings saved = new NodeSettings("defaults");
            filter.saveSettingsTo(saved);
            try {
                saved.getNodeSettings(key).addStringArray(EXCLUDED_NAMES, defaultExcludes);
                filter.loadSettingsFrom(saved);
            } catch (InvalidSettingsException e) {
                throw new IllegalStateException("a column filter could not load its own saved settings", e);
            }
        }
        return filter;
    }

    public void saveTo(final NodeSettingsWO settings) {
        for (SettingsModel m : models.values()) {
            m.saveSettingsTo(settings);
        }
    }

    /** Loads every key present; keys absent (older workflows) keep their defaults. */
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (Map.Entry<String, SettingsModel> e : models.entrySet()) {
            if (settings.containsKey(e.getKey())) {
                e.getValue().loadSettingsFrom(settings);
            }
        }
    }
}
