package org.knime.core.data.def;

import java.util.Objects;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.NominalValue;
import org.knime.core.data.StringValue;

/** A non-null string. */
public final class StringCell extends DataCell implements StringValue, NominalValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(StringCell.class);

    private final String value;

    public StringCell(final String value) {
        this.value = Objects.requireNonNull(value, "a string cell needs a non-null string; use a missing cell");
    }

    @Override
    public String getStringValue() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return value.equals(((StringCell) dc).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
