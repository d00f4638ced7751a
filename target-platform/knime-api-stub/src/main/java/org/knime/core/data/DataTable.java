package org.knime.core.data;

/** A table: a spec and rows that can be iterated (possibly several times). */
public interface DataTable extends Iterable<DataRow> {

    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
