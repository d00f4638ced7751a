package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.util.CheckUtils;

/** An int setting restricted to [lower, upper]. */
public class SettingsModelIntegerBounded extends SettingsModelInteger {
    private final int lower;
    private final int upper;

    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int lower,
        final int upper) {
        super(configName, defaultValue);
        CheckUtils.checkArgument(lower <= upper, "\"%s\": lower bound %s is above upper bound %s", configName, lower,
            upper);
        this.lower = lower;
        this.upper = upper;
        CheckUtils.checkArgument(inRange(defaultValue), "\"%s\": default %s", configName, rangeMessage(defaultValue));
    }

    @Override
    protected SettingsModelIntegerBounded createClone() {
        return new SettingsModelIntegerBounded(getConfigName(), getIntValue(), lower, upper);
    }

    public int getLowerBound() {
        return lower;
    }

    public int getUpperBound() {
        return upper;
    }

    @Override
    protected void validateValue(final int candidate) throws InvalidSettingsException {
        super.validateValue(candidate);
        CheckUtils.checkSetting(inRange(candidate), "\"%s\": %s", getConfigName(), rangeMessage(candidate));
    }

    /** @throws IllegalArgumentException if the value is outside the bounds */
    @Override
    public void setIntValue(final int newValue) {
        CheckUtils.checkArgument(inRange(newValue), "\"%s\": %s", getConfigName(), rangeMessage(newValue));
        super.setIntValue(newValue);
    }

    private boolean inRange(final int v) {
        return lower <= v && v <= upper;
    }

    private String rangeMessage(final int v) {
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
