package org.knime.core.data;

/** A cell that can be read as a 64-bit integer. */
public interface LongValue extends DataValue {

    long getLongValue();
}
