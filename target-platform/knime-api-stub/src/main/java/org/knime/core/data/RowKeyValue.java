package org.knime.core.data;

/** Something that identifies a row by a string. */
public interface RowKeyValue {

    String getString();
}
