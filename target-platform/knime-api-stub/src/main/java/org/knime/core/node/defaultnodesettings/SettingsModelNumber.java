package org.knime.core.node.defaultnodesettings;

/**
 * A settings model holding a number. The package-private accessors let the number dialog
 * components work with any of the int, long and double models.
 */
public abstract class SettingsModelNumber extends SettingsModel {

    public SettingsModelNumber() {
        // value state lives in the subclasses
    }

    /** The value, boxed in this model's number class. */
    abstract Number numberValue();

    /** @throws IllegalArgumentException if this model does not accept the value */
    abstract void setNumberValue(Number value);

    /** The argument converted to this model's number class (Integer, Long or Double). */
    abstract Number toModelNumber(Number value);

    /** @throws NumberFormatException if the text is not a number of this model's kind */
    abstract Number parseNumber(String text);

    /** @return the smallest accepted value, or null if unbounded */
    Number lowerBound() {
        return null;
    }

    /** @return the largest accepted value, or null if unbounded */
    Number upperBound() {
        return null;
    }
}
