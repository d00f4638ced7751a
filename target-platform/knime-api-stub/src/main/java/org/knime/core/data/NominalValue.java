package org.knime.core.data;

/** Marker for cells whose values form a finite set of categories. */
public interface NominalValue extends DataValue {
}
