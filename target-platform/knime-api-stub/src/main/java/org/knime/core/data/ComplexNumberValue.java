package org.knime.core.data;

/** A cell that can be read as a complex number; real numbers have imaginary part zero. */
public interface ComplexNumberValue extends DataValue {

    double getRealValue();

    double getImaginaryValue();
}
