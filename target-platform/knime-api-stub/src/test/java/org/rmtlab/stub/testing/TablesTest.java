package org.rmtlab.stub.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.NominalValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;

class TablesTest {
    private static final DataTableSpec SPEC = Tables.spec("d", DoubleCell.TYPE, "i", IntCell.TYPE, "l", LongCell.TYPE,
        "s", StringCell.TYPE, "b", BooleanCell.TYPE);

    @Test
    void valuesGoInAndComeOut() {
        final BufferedDataTable table = Tables.table(SPEC, new Object[] {1.5, 2, 3L, "x", true},
            new Object[] {null, null, null, null, null});
        assertEquals(2, table.size());
        assertEquals(2, table.getRowCount());
        assertEquals(List.of(Arrays.asList(1.5, 2, 3L, "x", true), Arrays.asList(null, null, null, null, null)),
            Tables.values(table));
        assertEquals(new RowKey("Row1"), Tables.rows(table).get(1).getKey());
        assertArrayEquals(new double[] {2, Double.NaN}, Tables.doubles(table, "i"), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Tables.doubles(table, "s"));
        assertThrows(IllegalArgumentException.class, () -> Tables.column(table, "nope"));
        assertEquals("Rows: 2, Cols: 5", table.getSummary());
    }

    @Test
    void typesFollowTheValueInterfaces() {
        assertEquals(DoubleValue.class, DoubleCell.TYPE.getPreferredValueClass());
        assertTrue(IntCell.TYPE.isCompatible(DoubleValue.class));
        assertFalse(DoubleCell.TYPE.isCompatible(IntValue.class));
        assertTrue(StringCell.TYPE.isCompatible(NominalValue.class));
        assertTrue(DoubleCell.TYPE.isASuperTypeOf(IntCell.TYPE), "an int fits a double column");
        assertFalse(IntCell.TYPE.isASuperTypeOf(DoubleCell.TYPE));
        assertTrue(StringCell.TYPE.isASuperTypeOf(DataType.getMissingCell().getType()));
        assertSame(DoubleCell.TYPE, new DoubleCell(1).getType());
        assertEquals("Double", DoubleCell.TYPE.toString());
        assertFalse(DataType.getMissingCell() instanceof StringValue);
    }

    @Test
    void cellsCompareByValue() {
        assertEquals(new DoubleCell(Double.NaN), new DoubleCell(Double.NaN));
        assertNotEquals(new DoubleCell(1), new IntCell(1), "different cell classes");
        assertEquals(DataType.getMissingCell(), DataType.getMissingCell());
        assertNotEquals(DataType.getMissingCell(), new StringCell("?"));
        assertSame(BooleanCell.TRUE, BooleanCell.get(true));
        assertEquals(1, BooleanCell.TRUE.getIntValue());
    }

    @Test
    void containersRejectWhatKnimeRejects() {
        final BufferedDataContainer c = new TestExecution().context()
            .createDataContainer(Tables.spec("d", DoubleCell.TYPE));
        c.addRowToTable(new DefaultRow("a", new IntCell(1)));
        c.addRowToTable(new DefaultRow("m", DataType.getMissingCell()));
        final IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(new DefaultRow("b", new StringCell("x"))));
        assertTrue(type.getMessage().contains("does not fit column \"d\""), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.addRowToTable(new DefaultRow("c", new DoubleCell(1),
            new DoubleCell(2))));
        assertThrows(IllegalArgumentException.class, () -> c.addRowToTable(new DefaultRow("a", new DoubleCell(2))));
        assertThrows(IllegalStateException.class, c::getTable, "the table exists only after close");
        c.close();
        assertSame(c.getTable(), c.getTable());
        assertEquals(2, c.getTable().size());
        assertThrows(IllegalStateException.class, () -> c.addRowToTable(new DefaultRow("z", new DoubleCell(0))));
    }

    @Test
    void specsCheckTheirColumns() {
        assertThrows(IllegalArgumentException.class, () -> Tables.spec("a", DoubleCell.TYPE, "a", IntCell.TYPE));
        assertEquals(1, SPEC.findColumnIndex("i"));
        assertEquals(-1, SPEC.findColumnIndex("zz"));
        assertEquals(SPEC, Tables.spec("d", DoubleCell.TYPE, "i", IntCell.TYPE, "l", LongCell.TYPE, "s",
            StringCell.TYPE, "b", BooleanCell.TYPE));
        assertNotEquals(SPEC, Tables.spec("d", DoubleCell.TYPE));
        assertThrows(IllegalArgumentException.class, () -> new DefaultRow("r", (DataCell) null));
    }

    @Test
    void copiedTablesKeepTheirRows() throws Exception {
        final BufferedDataTable table = Tables.table(SPEC, new Object[] {1.5, 2, 3L, "x", false});
        final BufferedDataTable copy = new TestExecution().context().createBufferedDataTable(table,
            new org.knime.core.node.ExecutionMonitor());
        assertEquals(Tables.values(table), Tables.values(copy));
        assertEquals(table.getSpec(), copy.getSpec());
    }
}
