package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.LongValue;

/** A 64-bit integer, also readable as a double. */
public class LongCell extends DataCell
    implements LongValue, DoubleValue, ComplexNumberValue, FuzzyNumberValue, FuzzyIntervalValue, BoundedValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(LongCell.class);

    private final long value;

    public LongCell(final long value) {
        this.value = value;
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
        return value == ((LongCell) dc).value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
