package org.knime.core.data;

import org.knime.core.node.util.CheckUtils;

/** Builder of {@link DataColumnSpec}s. */
public final class DataColumnSpecCreator {
    private String name;
    private DataType type;

    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    public DataColumnSpecCreator(final DataColumnSpec spec) {
        this(spec.getName(), spec.getType());
    }

    public void setName(final String name) {
        CheckUtils.checkArgumentNotNull(name, "a column needs a name");
        this.name = name;
    }

    public void setType(final DataType type) {
        CheckUtils.checkArgumentNotNull(type, "column \"%s\" needs a type", name);
        this.type = type;
    }

    public DataType getType() {
        return type;
    }

    public DataColumnSpec createSpec() {
        return new DataColumnSpec(name, type);
    }
}
