package org.knime.core.data;

/** Marker for the kinds of values a cell can provide; cells implement one sub-interface per kind. */
public interface DataValue {
}
