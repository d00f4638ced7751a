package org.knime.core.data.container;

/** A row sink that may buffer rows and can be asked to write them out. */
public interface RowFlushable {

    void flushRows();
}
