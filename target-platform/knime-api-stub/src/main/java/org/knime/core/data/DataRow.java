package org.knime.core.data;

import java.util.stream.IntStream;
import java.util.stream.Stream;

/** One row of a table: a key and a fixed number of cells. */
public interface DataRow extends Iterable<DataCell> {

    int getNumCells();

    RowKey getKey();

    DataCell getCell(int index);

    default Stream<DataCell> stream() {
        return IntStream.range(0, getNumCells()).mapToObj(this::getCell);
    }
}
