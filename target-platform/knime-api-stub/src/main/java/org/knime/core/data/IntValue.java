package org.knime.core.data;

/** A cell that can be read as a 32-bit integer. */
public interface IntValue extends DataValue {

    int getIntValue();
}
