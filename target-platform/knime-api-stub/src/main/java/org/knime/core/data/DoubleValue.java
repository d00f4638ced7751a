package org.knime.core.data;

/** A cell that can be read as a floating point number. */
public interface DoubleValue extends DataValue {

    double getDoubleValue();
}
