package org.rmtlab.knime.dynamics;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.knime.common.SettingsGroup;

/**
 * What every model's settings share: the id, the child settings group (keys prefixed by the id), the time
 * grid with the model's own defaults, and the layout of the model's tab (its groups, then the time grid).
 */
abstract class BaseModelSettings implements ModelSettings {
    private final String id;
    private final String timeColumn;
    /** The model's own settings, keys prefixed by its id. */
    protected final SettingsGroup group;
    final TimeGridSettings times;

    /**
     * @param timeColumn the time column, the model's {@link org.rmtlab.core.dynamics.LearningCurves#timeName()}
     * @param gridName the time grid in words, for the dialog and messages, for example "time τ"
     */
    BaseModelSettings(final SettingsGroup parent, final String id, final String timeColumn, final String gridName,
        final double from, final double to, final int count) {
        this.id = id;
        this.timeColumn = timeColumn;
        this.group = parent.child(id);
        this.times = new TimeGridSettings(group, gridName, from, to, count);
    }

    /** The table's number of features, or {@code setting} without an input table. */
    static int features(final DataSummary data, final SettingsModelInteger setting) {
        return data == null ? setting.getIntValue() : data.p();
    }

    /** The table's number of rows, or {@code setting} without an input table. */
    static int rows(final DataSummary data, final SettingsModelInteger setting) {
        return data == null ? setting.getIntValue() : data.n();
    }

    /** Adds the model's groups (sizes, parameters, ...) to its tab; the time grid follows. */
    protected abstract void addGroups(DefaultNodeSettingsPane pane);

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String timeName() {
        return timeColumn;
    }

    /** Reads no class labels, by default. */
    @Override
    public boolean readsClasses() {
        return false;
    }

    @Override
    public final double[] times() throws InvalidSettingsException {
        return times.values();
    }

    /** No whole steps: gradient flow, or a "time" that is not a step count. */
    @Override
    public GradientMethod.Descent descent() throws InvalidSettingsException {
        return null;
    }

    @Override
    public void check() throws InvalidSettingsException {
        times.values();
    }

    @Override
    public final void addTab(final DefaultNodeSettingsPane pane) {
        pane.createNewTab(title());
        addGroups(pane);
        times.addTo(pane);
    }
}
