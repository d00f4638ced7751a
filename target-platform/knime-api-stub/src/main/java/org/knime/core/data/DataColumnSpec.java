package org.knime.core.data;

/** Name and type of one column; made with {@link DataColumnSpecCreator}. */
public final class DataColumnSpec {
    private final String name;
    private final DataType type;

    DataColumnSpec(final String name, final DataType type) {
        this.name = name;
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public DataType getType() {
        return type;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataColumnSpec other && name.equals(other.name) && type.equals(other.type);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + type.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
