package org.knime.core.data;

/** A cell that can be read as a trapezoidal fuzzy interval; a crisp number collapses it to a point. */
public interface FuzzyIntervalValue extends DataValue {

    double getMinSupport();

    double getMinCore();

    double getMaxCore();

    double getMaxSupport();

    double getCenterOfGravity();
}
