package org.rmtlab.knime.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.rmtlab.stub.testing.Tables;
import org.rmtlab.stub.testing.TestExecution;

class NumericMatrixReaderTest {
    private static final DataTableSpec SPEC = Tables.spec("a", DoubleCell.TYPE, "id", StringCell.TYPE, "b",
        IntCell.TYPE, "c", LongCell.TYPE, "flag", BooleanCell.TYPE, "y", DoubleCell.TYPE);

    private static BufferedDataTable table(final Object[]... rows) {
        return Tables.table(SPEC, rows);
    }

    private static TableMatrix read(final BufferedDataTable t, final List<String> features, final String target,
        final boolean skip) throws Exception {
        return NumericMatrixReader.of(t.getDataTableSpec(), "input table", features, target, skip)
            .read(t, new TestExecution().context());
    }

    private static String message(final Executable body) {
        return assertThrows(InvalidSettingsException.class, body::run).getMessage();
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws Exception;
    }

    /**
     * Samples become columns of X in table order, features become rows in the order asked for (not
     * the table's); int, long and boolean columns are numbers too.
     */
    @Test
    void rowsBecomeColumnsInTheAskedOrder() throws Exception {
        final BufferedDataTable t = table(new Object[] {1.5, "r", 2, 3L, true, 10.0},
            new Object[] {-0.5, "s", 4, 5L, false, 20.0}, new Object[] {0.25, "t", 6, 7L, true, 30.0});
        final TableMatrix m = read(t, List.of("c", "a", "b", "flag"), "y", false);
        assertEquals(4, m.p());
        assertEquals(3, m.n());
        assertArrayEquals(new double[] {3, 5, 7, 1.5, -0.5, 0.25, 2, 4, 6, 1, 0, 1}, m.x().data, 0.0);
        assertArrayEquals(new double[] {10, 20, 30}, m.y(), 0.0);
        assertArrayEquals(new double[] {1.5, -0.5, 0.25}, m.feature(1), 0.0);
        assertNull(m.skipWarning());
        assertTrue(m.kept(0) && m.kept(2));
        assertNull(read(t, List.of("a"), null, false).y());
        assertEquals(List.of("a", "b", "c", "flag", "y"), NumericMatrixReader.numericColumns(SPEC));
    }

    @Test
    void columnProblemsAreReportedInConfigure() {
        assertTrue(message(() -> NumericMatrixReader.of(Tables.spec("s", StringCell.TYPE), "training table",
            List.of(), null, false)).startsWith("The training table has no numeric column."));
        assertTrue(message(() -> NumericMatrixReader.of(SPEC, "input table", List.of(), null, false))
            .startsWith("No feature column of the input table is selected."));
        final String absent = message(() -> NumericMatrixReader.of(SPEC, "test table", List.of("a", "x9"), null, false));
        assertTrue(absent.startsWith("The test table has no column 'x9' (the feature column)."), absent);
        assertTrue(absent.contains("a, b, c, flag, y"), absent);
        final String text = message(() -> NumericMatrixReader.of(SPEC, "input table", List.of("id"), null, false));
        assertTrue(text.startsWith("The feature column 'id' of the input table holds"), text);
        assertTrue(text.contains("not numbers"), text);
        assertTrue(message(() -> NumericMatrixReader.of(SPEC, "input table", List.of("a"), "z", false))
            .startsWith("The input table has no column 'z' (the target column)."));
        assertTrue(message(() -> NumericMatrixReader.of(SPEC, "input table", List.of("a"), "id", false))
            .startsWith("The target column 'id' of the input table holds"));
        assertTrue(message(() -> NumericMatrixReader.of(SPEC, "input table", List.of("a", "y"), "y", false))
            .startsWith("The target column 'y' is also selected as a feature column"));
    }

    /** Without skipping, the first unusable cell stops the read, naming its row key and column. */
    @Test
    void unusableCellsNameRowAndColumn() throws Exception {
        final Object[] ok = {1.0, "r", 2, 3L, true, 1.0};
        final String missing = message(() -> read(table(ok, ok, new Object[] {1.0, "r", null, 3L, true, 1.0}),
            List.of("a", "b"), "y", false));
        assertEquals("Row 'Row2' of the input table has a missing value in column 'b'. Remove or replace such values "
            + "first (for example with the Missing Value node), or tick 'Skip rows with missing values'.", missing);
        assertTrue(message(() -> read(table(ok, new Object[] {Double.NaN, "r", 2, 3L, true, 1.0}), List.of("a"),
            null, false)).startsWith("Row 'Row1' of the input table has the value NaN in column 'a'."));
        assertTrue(message(() -> read(table(new Object[] {1.0, "r", 2, 3L, true, Double.NEGATIVE_INFINITY}),
            List.of("a"), "y", false)).startsWith("Row 'Row0' of the input table has the value -Infinity in column 'y'."));
        // an unusable cell in a column that is not read does not matter
        final Object[] textMissing = {1.0, null, 2, 3L, true, 1.0};
        assertEquals(1, read(table(textMissing), List.of("a"), "y", false).n());
    }

    /** Skipping drops rows with an unusable feature or target; X has exactly the kept size. */
    @Test
    void skippedRowsAreLeftOutAndCounted() throws Exception {
        final BufferedDataTable t = table(new Object[] {1.0, "r", 1, 1L, true, 10.0},
            new Object[] {2.0, "r", null, 1L, true, 20.0}, new Object[] {3.0, "r", 3, 1L, true, 30.0},
            new Object[] {4.0, "r", 4, 1L, true, Double.NaN}, new Object[] {5.0, "r", 5, 1L, true, 50.0});
        final TableMatrix m = read(t, List.of("a", "b"), "y", true);
        assertEquals(3, m.n());
        assertEquals(2 * 3, m.x().data.length, "no slack beyond p x n");
        assertArrayEquals(new double[] {1, 3, 5, 1, 3, 5}, m.x().data, 0.0);
        assertArrayEquals(new double[] {10, 30, 50}, m.y(), 0.0);
        assertFalse(m.kept(1));
        assertFalse(m.kept(3));
        assertTrue(m.kept(4));
        assertEquals(2, m.skippedCount());
        assertEquals("Skipped 2 of 5 rows of the input table with missing, NaN or infinite values (the first: row "
            + "'Row1', column 'b').", m.skipWarning());
        // without a target the NaN in y does not matter
        assertEquals(4, read(t, List.of("a", "b"), null, true).n());
    }

    /**
     * A label column of any type travels along: one cell per kept row, in order; a missing label stops the read
     * naming row and column, or skips the row; the sample accessor gives column j of X; rowKey names a kept row.
     */
    @Test
    void labelCellsFollowTheKeptRows() throws Exception {
        final BufferedDataTable t = table(new Object[] {1.0, "r", 1, 1L, true, 10.0},
            new Object[] {2.0, null, 2, 1L, true, 20.0}, new Object[] {3.0, "s", null, 1L, true, 30.0},
            new Object[] {4.0, "t", 4, 1L, true, 40.0});
        final NumericMatrixReader strict =
            NumericMatrixReader.of(SPEC, "input table", List.of("a", "b"), null, false).withLabel(SPEC, "id");
        assertEquals("id", strict.label());
        assertEquals("Row 'Row1' of the input table has a missing value in column 'id'. Remove or replace such values "
            + "first (for example with the Missing Value node), or tick 'Skip rows with missing values'.",
            message(() -> strict.read(table(new Object[] {1.0, "r", 1, 1L, true, 10.0},
                new Object[] {2.0, null, 2, 1L, true, 20.0}), new TestExecution().context())));
        final TableMatrix m = NumericMatrixReader.of(SPEC, "input table", List.of("a", "b"), null, true)
            .withLabel(SPEC, "id").read(t, new TestExecution().context());
        assertEquals(2, m.n());
        assertEquals(List.of("r", "t"), Arrays.stream(m.labels()).map(Object::toString).toList());
        assertArrayEquals(new double[] {4, 4}, m.sample(1, new double[2]), 0.0);
        assertEquals("Row3", m.rowKey(t, 1));
        assertTrue(m.skipWarning().contains("the first: row 'Row1', column 'id'"), m.skipWarning());
        assertNull(read(t, List.of("a"), null, false).labels());
        assertTrue(message(() -> NumericMatrixReader.of(SPEC, "input table", List.of("a"), null, false)
            .withLabel(SPEC, "kind")).startsWith("The input table has no column 'kind' (the label column)."));
        assertTrue(message(() -> NumericMatrixReader.of(SPEC, "input table", List.of("a"), null, false)
            .withLabel(SPEC, "a")).startsWith("The label column 'a' is also read as a number"));
        assertTrue(message(() -> NumericMatrixReader.of(SPEC, "input table", "eigenvalue", List.of(), null, false))
            .startsWith("No eigenvalue column of the input table is selected."));
    }

    @Test
    void tooFewUsableRowsAreRefused() throws Exception {
        final BufferedDataTable t = table(new Object[] {null, "r", 1, 1L, true, 1.0});
        final TableMatrix none = read(t, List.of("a"), null, true);
        assertEquals(0, none.n());
        assertEquals("The input table has 0 usable rows (1 of 1 were skipped for missing, NaN or infinite values); at "
            + "least 1 is needed.", message(() -> none.requireSamples(1)));
        final TableMatrix one = read(table(new Object[] {1.0, "r", 1, 1L, true, 1.0}), List.of("a"), null, false);
        assertEquals("The input table has 1 usable rows; at least 2 are needed.", message(() -> one.requireSamples(2)));
        assertEquals(one, one.requireSamples(1));
    }

    /**
     * Progress rises to the end and cancellation is honoured every 256 rows, in both passes of the
     * skipping read: 1000 rows give 4 checks per pass.
     */
    @Test
    void progressAndCancel() throws Exception {
        final Object[][] rows = new Object[1000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {(double) i, "r", i, (long) i, true, 1.0};
        }
        final BufferedDataTable t = table(rows);
        final NumericMatrixReader reader = NumericMatrixReader.of(SPEC, "input table", List.of("a"), null, true);
        final TestExecution exec = new TestExecution();
        reader.read(t, exec.context());
        assertEquals(8, exec.checkCanceledCalls());
        final List<Double> progress = exec.progress();
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back");
        }
        assertTrue(progress.get(progress.size() - 1) > 0.7, "the second pass reports in the upper half");
        for (int passing : new int[] {0, 5}) {
            assertThrows(CanceledExecutionException.class,
                () -> reader.read(t, TestExecution.cancellingAfter(passing).context()));
        }
    }
}
