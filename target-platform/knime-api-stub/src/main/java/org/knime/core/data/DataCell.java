package org.knime.core.data;

import java.io.Serializable;

/**
 * An immutable value in one table cell. Two cells are equal when they are of the same class and
 * {@link #equalsDataCell} says so; all missing cells are equal to each other.
 */
public abstract class DataCell implements DataValue, Serializable {
    private static final long serialVersionUID = 1L;

    public DataCell() {
        // state lives in the subclasses
    }

    /** The type of this cell, derived from its class. */
    public final DataType getType() {
        return DataType.getType(getClass());
    }

    /** True only for the cell returned by {@link DataType#getMissingCell()}. */
    public boolean isMissing() {
        return false;
    }

    @Override
    public abstract String toString();

    @Override
    public final boolean equals(final Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof DataCell other)) {
            return false;
        }
        if (isMissing() || other.isMissing()) {
            return isMissing() == other.isMissing();
        }
        return getClass() == other.getClass() && equalsDataCell(other);
    }

    /** Value equality; called only with a non-missing cell of exactly this class. */
    protected abstract boolean equalsDataCell(DataCell dc);

    @Override
    public abstract int hashCode();
}
