package org.rmtlab.knime.dynamics;

import java.util.Locale;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.rmtlab.core.cli.Grid;
import org.rmtlab.knime.common.SettingsGroup;

/**
 * A log-spaced time grid (from, to, count), the same grid as the command line's {@code --times FROM:TO:COUNT}
 * ({@link Grid}). The ends are unbounded settings so that a reversed or non-positive range gets a message
 * naming the dialog fields rather than a bare range error.
 */
final class TimeGridSettings {
    static final String KEY_FROM = "time_from";
    static final String KEY_TO = "time_to";
    static final String KEY_COUNT = "time_count";
    /** More points than a chart or a table needs; guards against a typo asking for millions. */
    static final int MAX_COUNT = 10_000;

    private final String name;
    final SettingsModelDouble from;
    final SettingsModelDouble to;
    final SettingsModelIntegerBounded count;

    /**
     * @param name what the time is, for the dialog and messages, for example "time tau"
     */
    TimeGridSettings(final SettingsGroup group, final String name, final double from, final double to,
        final int count) {
        this.name = name;
        this.from = group.real(KEY_FROM, from);
        this.to = group.real(KEY_TO, to);
        this.count = group.integer(KEY_COUNT, count, 1, MAX_COUNT);
    }

    /**
     * The grid; with one point it is just "from".
     *
     * @throws InvalidSettingsException when an end is not a number > 0 or the range is empty or reversed
     */
    double[] values() throws InvalidSettingsException {
        final double a = from.getDoubleValue();
        final double b = to.getDoubleValue();
        final int k = count.getIntValue();
        if (!(Double.isFinite(a) && a > 0)) {
            throw new InvalidSettingsException(String.format(Locale.ROOT,
                "'From' (%s) must be a number > 0: the %s axis is logarithmic.", a, name));
        }
        if (k > 1 && !(Double.isFinite(b) && b > a)) {
            throw new InvalidSettingsException(String.format(Locale.ROOT,
                "The range of %s is empty or reversed: 'To' (%s) must be larger than 'From' (%s). %s", name, b, a,
                b < a ? "Swap the two values." : "Enter a larger 'To', or set 'Number of points' to 1."));
        }
        return new Grid(a, k == 1 ? a : b, k, true).values();
    }

    /** The group "Time grid" of a model's tab. */
    void addTo(final DefaultNodeSettingsPane pane) {
        pane.createNewGroup("Time grid: " + name + ", log-spaced");
        pane.addDialogComponent(new DialogComponentNumberEdit(from, "From", 10));
        pane.addDialogComponent(new DialogComponentNumberEdit(to, "To", 10));
        pane.addDialogComponent(new DialogComponentNumber(count, "Number of points", 10));
        pane.closeCurrentGroup();
    }
}
