package org.knime.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.CheckUtils;

/** The columns of a table: unique names, each with a type. Immutable. */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {
    private static final String DEFAULT_NAME = "default";

    private final String name;
    private final List<DataColumnSpec> columns;
    private final Map<String, Integer> indexByName = new HashMap<>();

    public DataTableSpec() {
        this(DEFAULT_NAME, new DataColumnSpec[0]);
    }

    public DataTableSpec(final DataColumnSpec... columns) {
        this(DEFAULT_NAME, columns);
    }

    public DataTableSpec(final String name, final DataColumnSpec... columns) {
        CheckUtils.checkArgumentNotNull(columns, "columns");
        this.name = name;
        this.columns = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(columns)));
        for (int i = 0; i < columns.length; i++) {
            CheckUtils.checkArgumentNotNull(columns[i], "column %d of table \"%s\" is null", i, name);
            final Integer previous = indexByName.put(columns[i].getName(), i);
            CheckUtils.checkArgument(previous == null, "table \"%s\" has two columns named \"%s\" (at %d and %d)",
                name, columns[i].getName(), previous, i);
        }
    }

    public DataTableSpec(final String[] names, final DataType[] types) {
        this(DEFAULT_NAME, createColumnSpecs(names, types));
    }

    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        CheckUtils.checkArgument(names.length == types.length, "%d column names but %d types", names.length,
            types.length);
        final DataColumnSpec[] specs = new DataColumnSpec[names.length];
        for (int i = 0; i < names.length; i++) {
            specs[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return specs;
    }

    public String getName() {
        return name;
    }

    public int getNumColumns() {
        return columns.size();
    }

    public DataColumnSpec getColumnSpec(final int index) {
        return columns.get(index);
    }

    /** @return the column with this name, or null if there is none */
    public DataColumnSpec getColumnSpec(final String column) {
        final int index = findColumnIndex(column);
        return index < 0 ? null : columns.get(index);
    }

    /** @return the index of the column with this name, or -1 if there is none */
    public int findColumnIndex(final String column) {
        final Integer index = indexByName.get(column);
        return index == null ? -1 : index;
    }

    public boolean containsName(final String column) {
        return indexByName.containsKey(column);
    }

    public final String[] getColumnNames() {
        return columns.stream().map(DataColumnSpec::getName).toArray(String[]::new);
    }

    /** Whether at least one column can be read as the given value interface. */
    public boolean containsCompatibleType(final Class<? extends DataValue> valueClass) {
        return columns.stream().anyMatch(c -> c.getType().isCompatible(valueClass));
    }

    /** Same column names and types in the same order; the table name does not count. */
    public boolean equalStructure(final DataTableSpec other) {
        return other != null && columns.equals(other.columns);
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return columns.iterator();
    }

    public Stream<DataColumnSpec> stream() {
        return columns.stream();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataTableSpec other && equalStructure(other);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "name=" + name + ", columns=" + columns;
    }

    /** No views: the stub is not used to display specs. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
