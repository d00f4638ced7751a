package org.knime.core.data;

import java.util.Objects;

/** The identifier of a row; unique within a table. */
public final class RowKey implements RowKeyValue {
    private final String id;

    public RowKey(final String id) {
        this.id = Objects.requireNonNull(id, "a row key needs a non-null id");
    }

    /** The key KNIME's own nodes give to the row with this zero-based index: "Row" + index. */
    public static RowKey createRowKey(final long index) {
        return new RowKey("Row" + index);
    }

    @Override
    public String getString() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof RowKey other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
