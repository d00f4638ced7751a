package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

/** A 32-bit integer, also readable as a long and a double. */
public class IntCell extends DataCell implements IntValue, LongValue, DoubleValue, ComplexNumberValue,
    FuzzyNumberValue, FuzzyIntervalValue, BoundedValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(IntCell.class);

    private final int value;

    public IntCell(final int value) {
        this.value = value;
    }

    @Override
    public int getIntValue() {
        return value;
    }

    @Override
    public long getLongValue() {
        return value;
    }

    @Override
    public double getDoubleValue() {
        return value;
    }

    @Override
    public double getCore() {
        return value;
    }

    @Override
    public double getMaxSupport() {
        return value;
    }

    @Override
    public double getMinSupport() {
        return value;
    }

    @Override
    public double getMaxCore() {
        return value;
    }

    @Override
    public double getMinCore() {
        return value;
    }

    @Override
    public double getCenterOfGravity() {
        return value;
    }

    @Override
    public double getImaginaryValue() {
        return 0;
    }

    @Override
    public double getRealValue() {
        return value;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return value == ((IntCell) dc).value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
