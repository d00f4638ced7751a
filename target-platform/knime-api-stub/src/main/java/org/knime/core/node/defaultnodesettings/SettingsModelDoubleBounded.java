package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.util.CheckUtils;

/** A double setting restricted to [lower, upper]; NaN is never in range. */
public class SettingsModelDoubleBounded extends SettingsModelDouble {
    private final double lower;
    private final double upper;

    public SettingsModelDoubleBounded(final String configName, final double defaultValue, final double lower,
        final double upper) {
        super(configName, defaultValue);
        CheckUtils.checkArgument(lower <= upper, "\"%s\": lower bound %s is above upper bound %s", configName, lower,
            upper);
        this.lower = lower;
        this.upper = upper;
        CheckUtils.checkArgument(inRange(defaultValue), "\"%s\": default %s", configName, rangeMessage(defaultValue));
    }

    @Override
    protected SettingsModelDoubleBounded createClone() {
        return new SettingsModelDoubleBounded(getConfigName(), getDoubleValue(), lower, upper);
    }

    public double getLowerBound() {
        return lower;
    }

    public double getUpperBound() {
        return upper;
    }

    @Override
    protected void validateValue(final double candidate) throws InvalidSettingsException {
        super.validateValue(candidate);
        CheckUtils.checkSetting(inRange(candidate), "\"%s\": %s", getConfigName(), rangeMessage(candidate));
    }

    /** @throws IllegalArgumentException if the value is outside the bounds */
    @Override
    public void setDoubleValue(final double newValue) {
        CheckUtils.checkArgument(inRange(newValue), "\"%s\": %s", getConfigName(), rangeMessage(newValue));
        super.setDoubleValue(newValue);
    }

    private boolean inRange(final double v) {
        return lower <= v && v <= upper;
    }

    private String rangeMessage(final double v) {
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
