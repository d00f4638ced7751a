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
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The settings models of one node, by key. Why: a node's settings are part of saved workflows, so
 * keys are never renamed and a key that an older workflow lacks must load its default. This class is
 * the one place that implements that rule for every node.
 *
 * <p>A node that offers alternatives with settings of their own (several models, say) gives each a
 * {@link #child(String)}: its keys carry the alternative's prefix, so each keeps its values while another is
 * selected. (They stay enabled: a disabled settings model silently keeps its old value when a workflow or a
 * flow variable gives it an invalid one.)
 */
public final class SettingsGroup {
    /** Key of the exclusion list in the saved form of KNIME's standard column filter. */
    private static final String EXCLUDED_NAMES = "excluded_names";

    private final Map<String, SettingsModel> models = new LinkedHashMap<>();
    private final SettingsGroup parent;
    private final String prefix;

    public SettingsGroup() {
        this(null, "");
    }

    private SettingsGroup(final SettingsGroup parent, final String prefix) {
        this.parent = parent;
        this.prefix = prefix;
    }

    /**
     * A group whose keys are {@code prefix + "_" + key}, saved, loaded and checked for duplicates together with
     * this group.
     */
    public SettingsGroup child(final String prefix) {
        return new SettingsGroup(this, this.prefix + prefix + "_");
    }

    private <M extends SettingsModel> M add(final String key, final M model) {
        register(key, model);
        return model;
    }

    /** The key a model of this group is saved under. */
    private String key(final String key) {
        return prefix + key;
    }

    private void register(final String fullKey, final SettingsModel model) {
        if (models.put(fullKey, model) != null) {
            throw new IllegalStateException("duplicate settings key " + fullKey);
        }
        if (parent != null) {
            parent.register(fullKey, model);
        }
    }

    public SettingsModelString string(final String key, final String def) {
        return add(key(key), new SettingsModelString(key(key), def));
    }

    public SettingsModelIntegerBounded integer(final String key, final int def, final int min, final int max) {
        return add(key(key), new SettingsModelIntegerBounded(key(key), def, min, max));
    }

    public SettingsModelInteger integer(final String key, final int def) {
        return add(key(key), new SettingsModelInteger(key(key), def));
    }

    public SettingsModelDoubleBounded real(final String key, final double def, final double min, final double max) {
        return add(key(key), new SettingsModelDoubleBounded(key(key), def, min, max));
    }

    /**
     * An unbounded double, for values whose valid range depends on other settings (a range's ends, for
     * example): the node checks them with a message that names the setting and the fix.
     */
    public SettingsModelDouble real(final String key, final double def) {
        return add(key(key), new SettingsModelDouble(key(key), def));
    }

    public SettingsModelBoolean bool(final String key, final boolean def) {
        return add(key(key), new SettingsModelBoolean(key(key), def));
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
