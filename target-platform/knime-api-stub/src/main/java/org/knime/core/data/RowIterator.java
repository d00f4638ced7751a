package org.knime.core.data;

import java.util.Iterator;

/** Iterator over the rows of a table; rows cannot be removed through it. */
public abstract class RowIterator implements Iterator<DataRow> {

    public RowIterator() {
        // state lives in the subclasses
    }

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();
}
