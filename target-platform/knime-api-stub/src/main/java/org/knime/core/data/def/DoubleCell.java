package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;

/** A double. Equality is that of {@link Double#equals}, so NaN equals NaN. */
public final class DoubleCell extends DataCell
    implements DoubleValue, ComplexNumberValue, FuzzyNumberValue, FuzzyIntervalValue, BoundedValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(DoubleCell.class);

    private final double value;

    public DoubleCell(final double value) {
        this.value = value;
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
        return Double.doubleToLongBits(value) == Double.doubleToLongBits(((DoubleCell) dc).value);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
