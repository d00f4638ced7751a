package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.util.CheckUtils;

/** A long setting restricted to [lower, upper]. */
public class SettingsModelLongBounded extends SettingsModelLong {
    private final long lower;
    private final long upper;

    public SettingsModelLongBounded(final String configName, final long defaultValue, final long lower,
        final long upper) {
        super(configName, defaultValue);
        CheckUtils.checkArgument(lower <= upper, "\"%s\": lower bound %s is above upper bound %s", configName, lower,
            upper);
        this.lower = lower;
        this.upper = upper;
        CheckUtils.checkArgument(inRange(defaultValue), "\"%s\": default %s", configName, rangeMessage(defaultValue));
    }

    @Override
    protected SettingsModelLongBounded createClone() {
        return new SettingsModelLongBounded(getConfigName(), getLongValue(), lower, upper);
    }

    public long getLowerBound() {
        return lower;
    }

    public long getUpperBound() {
        return upper;
    }

    @Override
    protected void validateValue(final long candidate) throws InvalidSettingsException {
        super.validateValue(candidate);
        CheckUtils.checkSetting(inRange(candidate), "\"%s\": %s", getConfigName(), rangeMessage(candidate));
    }

    /** @throws IllegalArgumentException if the value is outside the bounds */
    @Override
    public void setLongValue(final long newValue) {
        CheckUtils.checkArgument(inRange(newValue), "\"%s\": %s", getConfigName(), rangeMessage(newValue));
        super.setLongValue(newValue);
    }

    private boolean inRange(final long v) {
        return lower <= v && v <= upper;
    }

    private String rangeMessage(final long v) {
        return "value " + v + " is outside the range [" + lower + ", " + upper + "]";
    }

    @Override
    Number lowerBound() {
        return lower;
    }

    @Override
    Number upperBound() {
        return upper;
    }
}
