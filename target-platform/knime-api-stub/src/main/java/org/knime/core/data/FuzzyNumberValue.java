package org.knime.core.data;

/** A cell that can be read as a triangular fuzzy number; a crisp number is its own core and support. */
public interface FuzzyNumberValue extends DataValue {

    double getMinSupport();

    double getCore();

    double getMaxSupport();
}
