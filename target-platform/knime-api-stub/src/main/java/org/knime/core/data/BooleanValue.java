package org.knime.core.data;

/** A cell that can be read as a truth value. */
public interface BooleanValue extends DataValue {

    boolean getBooleanValue();
}
