package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.CheckUtils;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * A column selection by include and exclude lists.
 *
 * <p>Applied to a table spec, a column (among those of an allowed type, if types were given)
 * is included when it is in the include list, excluded when it is in the exclude list, and
 * otherwise decided by the enforce option: with "enforce exclusion" (the default) columns that
 * are in neither list are included, so new columns pass; with "enforce inclusion" they are
 * excluded. A new model has empty lists and enforce exclusion, so it includes every allowed column.
 *
 * <p>Saved as KNIME's standard filter: a config under the config name with {@code filter-type}
 * {@code STANDARD}, the string arrays {@code included_names} and {@code excluded_names}, and
 * {@code enforce_option} ({@code EnforceInclusion} or {@code EnforceExclusion}). Pattern and
 * type filters are not supported by this stub.
 */
public final class SettingsModelColumnFilter2 extends SettingsModel {
    private static final String FILTER_TYPE = "filter-type";
    private static final String STANDARD = "STANDARD";
    private static final String INCLUDED = "included_names";
    private static final String EXCLUDED = "excluded_names";
    private static final String ENFORCE = "enforce_option";
    private static final String ENFORCE_INCLUSION = "EnforceInclusion";
    private static final String ENFORCE_EXCLUSION = "EnforceExclusion";

    private final String configName;
    private final List<Class<? extends DataValue>> allowedTypes;
    private String[] includes = new String[0];
    private String[] excludes = new String[0];
    private boolean enforceInclusion;
    private int inputPortIndex;

    /** Accepts columns of every type. */
    public SettingsModelColumnFilter2(final String configName) {
        this(configName, List.of());
    }

    /** Accepts only columns compatible with at least one of the given value classes. */
    @SafeVarargs
    public SettingsModelColumnFilter2(final String configName, final Class<? extends DataValue>... allowedTypes) {
        this(configName, List.of(allowedTypes));
    }

    private SettingsModelColumnFilter2(final String configName, final List<Class<? extends DataValue>> allowedTypes) {
        CheckUtils.checkArgument(configName != null && !configName.isEmpty(), "a config name must not be empty");
        this.configName = configName;
        this.allowedTypes = allowedTypes;
    }

    @Override
    protected SettingsModelColumnFilter2 createClone() {
        final SettingsModelColumnFilter2 clone = new SettingsModelColumnFilter2(configName, allowedTypes);
        clone.includes = includes.clone();
        clone.excludes = excludes.clone();
        clone.enforceInclusion = enforceInclusion;
        clone.inputPortIndex = inputPortIndex;
        return clone;
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_columnfilter";
    }

    @Override
    protected String getConfigName() {
        return configName;
    }

    /** Includes every allowed column of the spec and lets new columns pass (enforce exclusion). */
    public void loadDefaults(final DataTableSpec spec) {
        setLists(allowedNames(spec), new String[0], false);
    }

    /** The allowed columns of the spec, split into included and excluded, in the spec's order. */
    public FilterResult applyTo(final DataTableSpec spec) {
        final Set<String> explicitIncludes = new LinkedHashSet<>(Arrays.asList(includes));
        final Set<String> explicitExcludes = new LinkedHashSet<>(Arrays.asList(excludes));
        final List<String> in = new ArrayList<>();
        final List<String> out = new ArrayList<>();
        for (final String name : allowedNames(spec)) {
            final boolean listedIn = explicitIncludes.remove(name);
            final boolean listedOut = explicitExcludes.remove(name);
            if (listedIn || (!listedOut && !enforceInclusion)) {
                in.add(name);
            } else {
                out.add(name);
            }
        }
        return new FilterResult(in, out, new ArrayList<>(explicitIncludes), new ArrayList<>(explicitExcludes));
    }

    private String[] allowedNames(final DataTableSpec spec) {
        final List<String> names = new ArrayList<>();
        for (final DataColumnSpec column : spec) {
            if (allowedTypes.isEmpty() || allowedTypes.stream().anyMatch(t -> column.getType().isCompatible(t))) {
                names.add(column.getName());
            }
        }
        return names.toArray(new String[0]);
    }

    /**
     * Reads the lists leniently and maps them onto the spec at the component's input port. Names
     * missing from the spec are kept only on the side of the enforced option, so that a column
     * that disappears and comes back is treated as before.
     */
    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        NodeSettingsRO filter;
        try {
            filter = settings.getNodeSettings(configName);
        } catch (InvalidSettingsException e) {
            filter = new NodeSettings(configName);
        }
        includes = orEmpty(filter.getStringArray(INCLUDED, new String[0]));
        excludes = orEmpty(filter.getStringArray(EXCLUDED, new String[0]));
        enforceInclusion = ENFORCE_INCLUSION.equals(filter.getString(ENFORCE, ENFORCE_EXCLUSION));
        if (inputPortIndex >= specs.length || !(specs[inputPortIndex] instanceof DataTableSpec)) {
            throw new NotConfigurableException("No input table at port " + inputPortIndex + " to choose columns from");
        }
        final FilterResult applied = applyTo((DataTableSpec) specs[inputPortIndex]);
        setLists(concat(applied.getIncludes(), enforceInclusion ? applied.getRemovedFromIncludes() : new String[0]),
            concat(applied.getExcludes(), enforceInclusion ? new String[0] : applied.getRemovedFromExcludes()),
            enforceInclusion);
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        read(settings);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final Lists read = read(settings);
        setLists(read.includes(), read.excludes(), read.enforceInclusion());
    }

    /** The saved state of a filter. */
    private record Lists(String[] includes, String[] excludes, boolean enforceInclusion) {
    }

    /** The lists and the enforce option from the settings, strictly checked. */
    private Lists read(final NodeSettingsRO settings) throws InvalidSettingsException {
        final NodeSettingsRO filter = settings.getNodeSettings(configName);
        final String type = filter.getString(FILTER_TYPE);
        CheckUtils.checkSetting(STANDARD.equals(type), "Column filter \"%s\": filter type \"%s\" is not supported here",
            configName, type);
        final String enforce = filter.getString(ENFORCE);
        CheckUtils.checkSetting(ENFORCE_INCLUSION.equals(enforce) || ENFORCE_EXCLUSION.equals(enforce),
            "Column filter \"%s\": unknown enforce option \"%s\"", configName, enforce);
        return new Lists(orEmpty(filter.getStringArray(INCLUDED)), orEmpty(filter.getStringArray(EXCLUDED)),
            ENFORCE_INCLUSION.equals(enforce));
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        final NodeSettingsWO filter = settings.addNodeSettings(configName);
        filter.addString(FILTER_TYPE, STANDARD);
        filter.addStringArray(INCLUDED, includes);
        filter.addStringArray(EXCLUDED, excludes);
        filter.addString(ENFORCE, enforceInclusion ? ENFORCE_INCLUSION : ENFORCE_EXCLUSION);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + configName + "')";
    }

    // ---- used by DialogComponentColumnFilter2 ------------------------------------------------------

    void setInputPortIndex(final int index) {
        inputPortIndex = index;
    }

    int getInputPortIndex() {
        return inputPortIndex;
    }

    boolean isEnforceInclusion() {
        return enforceInclusion;
    }

    void setLists(final String[] newIncludes, final String[] newExcludes, final boolean newEnforceInclusion) {
        final boolean changed = !Arrays.equals(includes, newIncludes) || !Arrays.equals(excludes, newExcludes)
            || enforceInclusion != newEnforceInclusion;
        includes = newIncludes.clone();
        excludes = newExcludes.clone();
        enforceInclusion = newEnforceInclusion;
        if (changed) {
            notifyChangeListeners();
        }
    }

    private static String[] orEmpty(final String[] names) {
        return names == null ? new String[0] : names;
    }

    private static String[] concat(final String[] a, final String[] b) {
        final String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
