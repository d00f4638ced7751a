package org.knime.core.data.container;

import java.io.Closeable;

import org.knime.core.data.RowIterator;

/** A row iterator that may hold resources; close it when done before the end. */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    public CloseableRowIterator() {
        // state lives in the subclasses
    }

    @Override
    public abstract void close();
}
