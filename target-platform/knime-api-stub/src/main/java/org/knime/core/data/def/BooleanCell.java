package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.NominalValue;

/** True or false; also readable as the number 1 or 0. The two instances are shared. */
public final class BooleanCell extends DataCell implements BooleanValue, IntValue, LongValue, DoubleValue,
    ComplexNumberValue, FuzzyNumberValue, FuzzyIntervalValue, BoundedValue, NominalValue {
    private static final long serialVersionUID = 1L;

    public static final BooleanCell TRUE = new BooleanCell(true);

    public static final BooleanCell FALSE = new BooleanCell(false);

    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    private final boolean value;

    private BooleanCell(final boolean value) {
        this.value = value;
    }

    public static final BooleanCell get(final boolean value) {
        return value ? TRUE : FALSE;
    }

    private Object readResolve() {
        return get(value);
    }

    @Override
    public boolean getBooleanValue() {
        return value;
    }

    @Override
    public int getIntValue() {
        return value ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return getIntValue();
    }

    @Override
    public double getDoubleValue() {
        return getIntValue();
    }

    @Override
    public double getCore() {
        return getIntValue();
    }

    @Override
    public double getMaxSupport() {
        return getIntValue();
    }

    @Override
    public double getMinSupport() {
        return getIntValue();
    }

    @Override
    public double getMaxCore() {
        return getIntValue();
    }

    @Override
    public double getMinCore() {
        return getIntValue();
    }

    @Override
    public double getCenterOfGravity() {
        return getIntValue();
    }

    @Override
    public double getImaginaryValue() {
        return 0;
    }

    @Override
    public double getRealValue() {
        return getIntValue();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return value == ((BooleanCell) dc).value;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(value);
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
