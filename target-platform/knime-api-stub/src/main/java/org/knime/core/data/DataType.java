package org.knime.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.knime.core.data.convert.map.IdentifiableType;

/**
 * The type of a column: the cell class and the value interfaces it implements. One instance per
 * cell class. A column type accepts a cell when the cell's type offers every value interface of
 * the column type (so an {@code IntCell} fits a {@code DoubleCell} column); missing cells fit everywhere.
 */
public final class DataType implements IdentifiableType {

    private static final ClassValue<DataType> TYPES = new ClassValue<>() {
        @Override
        protected DataType computeValue(final Class<?> cellClass) {
            return new DataType(cellClass.asSubclass(DataCell.class));
        }
    };

    private final Class<? extends DataCell> cellClass;
    /** Value interfaces in preference order: directly implemented ones first, in declaration order. */
    private final List<Class<? extends DataValue>> valueClasses;

    private DataType(final Class<? extends DataCell> cellClass) {
        this.cellClass = cellClass;
        final Set<Class<? extends DataValue>> found = new LinkedHashSet<>();
        for (Class<?> c = cellClass; c != null; c = c.getSuperclass()) {
            collectValueInterfaces(c, found);
        }
        this.valueClasses = Collections.unmodifiableList(new ArrayList<>(found));
    }

    private static void collectValueInterfaces(final Class<?> type, final Set<Class<? extends DataValue>> found) {
        final Class<?>[] interfaces = type.getInterfaces();
        for (final Class<?> i : interfaces) {
            if (DataValue.class.isAssignableFrom(i)) {
                found.add(i.asSubclass(DataValue.class));
            }
        }
        for (final Class<?> i : interfaces) {
            collectValueInterfaces(i, found);
        }
    }

    /** The type of cells of the given class. */
    public static DataType getType(final Class<? extends DataCell> cell) {
        return TYPES.get(Objects.requireNonNull(cell, "cell class"));
    }

    /** The shared cell that stands for a missing value. */
    public static DataCell getMissingCell() {
        return MissingCell.INSTANCE;
    }

    public boolean isMissingValueType() {
        return cellClass == MissingCell.class;
    }

    public Class<? extends DataCell> getCellClass() {
        return cellClass;
    }

    /** The value interface that best describes this type, for example {@code DoubleValue} for doubles. */
    public Class<? extends DataValue> getPreferredValueClass() {
        return valueClasses.isEmpty() ? DataValue.class : valueClasses.get(0);
    }

    public List<Class<? extends DataValue>> getValueClasses() {
        return valueClasses;
    }

    /** Whether cells of this type can be read as the given value interface. */
    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return valueClass.isAssignableFrom(cellClass);
    }

    /** Whether a column of this type can hold cells of the given type. */
    public boolean isASuperTypeOf(final DataType type) {
        if (equals(type) || type.isMissingValueType()) {
            return true;
        }
        for (final Class<? extends DataValue> v : valueClasses) {
            if (!type.isCompatible(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataType other && cellClass == other.cellClass;
    }

    @Override
    public int hashCode() {
        return cellClass.hashCode();
    }

    /** A short name derived from the cell class, "Double" for {@code DoubleCell}. */
    @Override
    public String toString() {
        if (isMissingValueType()) {
            return "Missing";
        }
        final String simple = cellClass.getSimpleName();
        return simple.endsWith("Cell") && simple.length() > 4 ? simple.substring(0, simple.length() - 4) : simple;
    }

    /** The missing value; a singleton so that identity and equality agree. */
    private static final class MissingCell extends DataCell {
        private static final long serialVersionUID = 1L;
        static final MissingCell INSTANCE = new MissingCell();

        @Override
        public boolean isMissing() {
            return true;
        }

        @Override
        public String toString() {
            return "?";
        }

        @Override
        protected boolean equalsDataCell(final DataCell dc) {
            return true;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }
}
