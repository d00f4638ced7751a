package org.knime.core.data;

/** Marker for cells whose values have a natural lower and upper bound within a column. */
public interface BoundedValue extends DataValue {
}
