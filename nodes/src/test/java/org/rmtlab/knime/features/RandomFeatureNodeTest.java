package org.rmtlab.knime.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JComboBox;
import javax.swing.text.JTextComponent;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeView;
import org.knime.core.node.port.PortObjectSpec;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.GaussianEquivalent;
import org.rmtlab.core.kernel.GaussianEquivalents;
import org.rmtlab.core.kernel.RandomFeatures;
import org.rmtlab.core.kernel.WeightLaw;
import org.rmtlab.core.util.Rng;
import org.rmtlab.knime.generator.DataGeneratorNodeFactory;
import org.rmtlab.stub.testing.NodeHarness;
import org.rmtlab.stub.testing.Tables;
import org.rmtlab.stub.testing.TestExecution;

class RandomFeatureNodeTest {

    /** A table shaped like the Data Generator's (x1..xp, y, class) plus a text column "id". */
    private static BufferedDataTable data(final int n, final int p, final long seed) {
        final Rng rng = new Rng(seed);
        final Object[] spec = new Object[2 * (p + 3)];
        for (int i = 0; i < p; i++) {
            spec[2 * i] = "x" + (i + 1);
            spec[2 * i + 1] = DoubleCell.TYPE;
        }
        System.arraycopy(new Object[] {"y", DoubleCell.TYPE, "class", IntCell.TYPE, "id", StringCell.TYPE}, 0, spec,
            2 * p, 6);
        final Object[][] rows = new Object[n][];
        for (int j = 0; j < n; j++) {
            rows[j] = new Object[p + 3];
            for (int i = 0; i < p; i++) {
                rows[j][i] = rng.gaussian() / Math.sqrt(p);
            }
            rows[j][p] = rng.gaussian();
            rows[j][p + 1] = j % 2 == 0 ? 1 : -1;
            rows[j][p + 2] = "sample " + j;
        }
        return Tables.table(Tables.spec(spec), rows);
    }

    /** The p x n matrix of the columns x1..xp of the given rows (table rows become columns). */
    private static DMatrixRMaj matrix(final BufferedDataTable t, final int p, final List<Integer> rows) {
        final DMatrixRMaj x = new DMatrixRMaj(p, rows.size());
        for (int i = 0; i < p; i++) {
            final double[] col = Tables.doubles(t, "x" + (i + 1));
            for (int j = 0; j < rows.size(); j++) {
                x.set(i, j, col[rows.get(j)]);
            }
        }
        return x;
    }

    private static List<Integer> range(final int n) {
        final List<Integer> all = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            all.add(j);
        }
        return all;
    }

    private static NodeHarness<RandomFeatureNodeModel> node(final int bigN, final String activation, final String law,
        final int seed) throws InvalidSettingsException {
        return configured(NodeHarness.of(new RandomFeatureNodeFactory()), bigN, activation, law, seed);
    }

    private static NodeHarness<RandomFeatureNodeModel> configured(final NodeHarness<RandomFeatureNodeModel> node,
        final int bigN, final String activation, final String law, final int seed) throws InvalidSettingsException {
        final NodeSettings s = node.saveSettings();
        s.addInt(RandomFeatureSettings.KEY_N, bigN);
        s.addString(RandomFeatureSettings.KEY_ACTIVATION, activation);
        s.addString(RandomFeatureSettings.KEY_WEIGHTS, law);
        s.addInt(RandomFeatureSettings.KEY_SEED, seed);
        node.loadSettings(s);
        return node;
    }

    /** A harness whose model computes blocks of only 3 samples' worth of features, to cross block borders. */
    private static NodeHarness<RandomFeatureNodeModel> smallBlocks(final int bigN) {
        return NodeHarness.of(new NodeFactory<RandomFeatureNodeModel>() {
            @Override
            public RandomFeatureNodeModel createNodeModel() {
                return new RandomFeatureNodeModel(3 * bigN);
            }

            @Override
            protected int getNrNodeViews() {
                return 0;
            }

            @Override
            public NodeView<RandomFeatureNodeModel> createNodeView(final int i, final RandomFeatureNodeModel m) {
                throw new IndexOutOfBoundsException(i);
            }

            @Override
            protected boolean hasDialog() {
                return false;
            }

            @Override
            protected NodeDialogPane createNodeDialogPane() {
                throw new IllegalStateException("no dialog");
            }
        });
    }

    private static void set(final NodeHarness<RandomFeatureNodeModel> node, final String key, final Object value)
        throws InvalidSettingsException {
        final NodeSettings s = node.saveSettings();
        if (value instanceof Boolean b) {
            s.addBoolean(key, b);
        } else {
            s.addString(key, (String) value);
        }
        node.loadSettings(s);
    }

    /** The feature columns f1..fN of the output as an N x n matrix. */
    private static DMatrixRMaj features(final BufferedDataTable out, final int bigN) {
        final double[][] rows = new double[bigN][];
        for (int f = 0; f < bigN; f++) {
            rows[f] = Tables.doubles(out, "f" + (f + 1));
        }
        return new DMatrixRMaj(rows);
    }

    /** With "keep the input columns" the columns mapped follow the features, unchanged, in input order. */
    @Test
    void keepingTheInputsPassesThemThrough() throws Exception {
        final BufferedDataTable in = data(5, 2, 1);
        final NodeHarness<RandomFeatureNodeModel> node = node(3, "relu", "gaussian", 1);
        set(node, RandomFeatureSettings.KEY_KEEP_INPUTS, true);
        node.execute(in);
        assertEquals(List.of("f1", "f2", "f3", "x1", "x2", "y", "class", "id"),
            List.of(node.table(0).getDataTableSpec().getColumnNames()));
        assertArrayEquals(Tables.doubles(in, "x2"), Tables.doubles(node.table(0), "x2"), 0.0);
        final NodeHarness<RandomFeatureNodeModel> plain = node(3, "relu", "gaussian", 1);
        plain.execute(in);
        assertArrayEquals(features(plain.table(0), 3).data, features(node.table(0), 3).data, 0.0);
    }

    @Test
    void configureAnnouncesFeaturesThenEveryOtherColumn() throws Exception {
        final DataTableSpec in = data(1, 4, 1).getDataTableSpec();
        final PortObjectSpec[] specs = node(6, "relu", "gaussian", 1).configure(in);
        final DataTableSpec out = (DataTableSpec) specs[0];
        assertEquals(List.of("f1", "f2", "f3", "f4", "f5", "f6", "y", "class", "id"), List.of(out.getColumnNames()));
        assertEquals(DoubleCell.TYPE, out.getColumnSpec("f6").getType());
        assertEquals(IntCell.TYPE, out.getColumnSpec("class").getType());
        assertEquals(RandomFeatureNodeModel.coefficientSpec(), specs[1]);
    }

    /**
     * Every feature equals the core's sigma(W X) for the same seed, exactly, also across the borders of
     * the blocks in which the node computes them (3 samples per block here, 10 samples); the
     * passthrough cells and row keys are those of the input.
     */
    @Test
    void featuresEqualTheCoresMapForTheSameSeed() throws Exception {
        final int n = 10;
        final int p = 5;
        final int bigN = 7;
        final BufferedDataTable in = data(n, p, 3);
        for (String[] setting : new String[][] {{"tanh", "rademacher"}, {"poly:1,0,0.5", "gaussian"}}) {
            final NodeHarness<RandomFeatureNodeModel> node = configured(smallBlocks(bigN), bigN, setting[0],
                setting[1], 11);
            node.execute(in);
            final Activation sigma = Activations.byId(setting[0]);
            final DMatrixRMaj w = RandomFeatures.weights(bigN, p, WeightLaw.fromId(setting[1]), new Rng(11));
            final DMatrixRMaj expected = RandomFeatures.map(sigma, w, matrix(in, p, range(n)));
            final BufferedDataTable out = node.table(0);
            assertArrayEquals(expected.data, features(out, bigN).data, 0.0, setting[0]);
            assertEquals(Tables.column(in, "y"), Tables.column(out, "y"));
            assertEquals(Tables.column(in, "class"), Tables.column(out, "class"));
            assertEquals(Tables.column(in, "id"), Tables.column(out, "id"));
            final List<DataRow> inRows = Tables.rows(in);
            final List<DataRow> outRows = Tables.rows(out);
            for (int j = 0; j < n; j++) {
                assertEquals(inRows.get(j).getKey(), outRows.get(j).getKey());
            }
        }
    }

    /**
     * The coefficient table holds the core's Gaussian equivalent at v = mean ||x||^2, which the test
     * computes by hand; with sqrt-p scaling the features are those of X / sqrt(p) and v is divided by p
     * (to rounding: the scaled squares are summed in another order).
     */
    @Test
    void coefficientsAreTheCoresAtTheDataVariance() throws Exception {
        final int n = 12;
        final int p = 6;
        final BufferedDataTable in = data(n, p, 4);
        final DMatrixRMaj x = matrix(in, p, range(n));
        double squares = 0;
        for (double v : x.data) {
            squares += v * v;
        }
        final double variance = squares / n;
        final NodeHarness<RandomFeatureNodeModel> node = node(5, "erf", "gaussian", 2);
        node.execute(in);
        final GaussianEquivalent ge = GaussianEquivalents.of(Activations.byId("erf"), variance);
        final List<Object> row = Tables.values(node.table(1)).get(0);
        assertEquals(List.of("erf", "Error function", "erf(t)"), row.subList(0, 3));
        assertEquals(variance, (Double) row.get(3), 1e-15 * variance);
        assertEquals(ge.mu0(), (Double) row.get(4), 1e-15);
        assertEquals(ge.mu1(), (Double) row.get(5), 1e-15);
        assertEquals(ge.muStar(), (Double) row.get(6), 1e-15);
        assertEquals(true, row.get(7));
        assertNull(node.warning());

        final NodeHarness<RandomFeatureNodeModel> tanh = node(5, "tanh", "gaussian", 2);
        set(tanh, RandomFeatureSettings.KEY_SCALING, "sqrt-p");
        tanh.execute(in);
        final List<Object> scaled = Tables.values(tanh.table(1)).get(0);
        assertEquals(variance / p, (Double) scaled.get(3), 1e-14 * variance / p);
        final GaussianEquivalent geTanh = GaussianEquivalents.of(Activations.byId("tanh"), (Double) scaled.get(3));
        assertEquals(geTanh.mu1(), (Double) scaled.get(5), 0.0);
        assertEquals(false, scaled.get(7), "tanh has no closed-form kernel");
        final DMatrixRMaj xs = x.copy();
        org.ejml.dense.row.CommonOps_DDRM.scale(1 / Math.sqrt(p), xs);
        final DMatrixRMaj expected = RandomFeatures.map(Activations.byId("tanh"),
            RandomFeatures.weights(5, p, new Rng(2)), xs);
        assertArrayEquals(expected.data, features(tanh.table(0), 5).data, 1e-15);
    }

    /** Unscaled data of length far above 1 run, with a warning that suggests sqrt-p. */
    @Test
    void longSamplesWithoutScalingWarn() throws Exception {
        final Object[][] rows = {{30.0, 40.0}, {-30.0, 40.0}};
        final BufferedDataTable in = Tables.table(Tables.spec("u", DoubleCell.TYPE, "v", DoubleCell.TYPE), rows);
        final NodeHarness<RandomFeatureNodeModel> node = node(3, "relu", "gaussian", 1);
        node.execute(in);
        assertEquals(2500.0, (Double) Tables.values(node.table(1)).get(0).get(3), 1e-12);
        assertTrue(node.warning().contains("mean squared length 2500 (p = 2)"), node.warning());
        assertTrue(node.warning().contains("'sqrt-p'"), node.warning());
    }

    @Test
    void sameSeedSameTableOtherSeedOtherTable() throws Exception {
        final BufferedDataTable in = data(15, 4, 5);
        final NodeHarness<RandomFeatureNodeModel> a = node(9, "relu", "gaussian", 8);
        final NodeHarness<RandomFeatureNodeModel> b = node(9, "relu", "gaussian", 8);
        final NodeHarness<RandomFeatureNodeModel> c = node(9, "relu", "gaussian", 9);
        a.execute(in);
        b.execute(in);
        c.execute(in);
        assertEquals(Tables.values(a.table(0)), Tables.values(b.table(0)));
        assertEquals(Tables.values(a.table(1)), Tables.values(b.table(1)));
        assertNotEquals(Tables.values(a.table(0)), Tables.values(c.table(0)));
    }

    /**
     * By default every numeric column except y and class is a feature, also a numeric column that
     * appears later; a user's own selection (enforce inclusion) keeps to its list and passes the rest.
     */
    @Test
    void columnFilterDefaultsAndSelection() throws Exception {
        final DataTableSpec extra = Tables.spec("x1", DoubleCell.TYPE, "y", DoubleCell.TYPE, "x2", IntCell.TYPE,
            "class", IntCell.TYPE, "z", DoubleCell.TYPE, "id", StringCell.TYPE);
        final DataTableSpec out = (DataTableSpec) node(2, "relu", "gaussian", 1).configure(extra)[0];
        assertEquals(List.of("f1", "f2", "y", "class", "id"), List.of(out.getColumnNames()));

        final NodeHarness<RandomFeatureNodeModel> node = node(2, "relu", "gaussian", 1);
        final NodeSettings s = node.saveSettings();
        final NodeSettings filter = s.getNodeSettings(RandomFeatureSettings.KEY_COLUMNS);
        filter.addStringArray("included_names", "z", "x1");
        filter.addStringArray("excluded_names", "x2", "y", "class");
        filter.addString("enforce_option", "EnforceInclusion");
        node.loadSettings(s);
        final DataTableSpec chosen = (DataTableSpec) node.configure(extra)[0];
        assertEquals(List.of("f1", "f2", "y", "x2", "class", "id"), List.of(chosen.getColumnNames()));
        final Object[][] rows = {{1.0, 0.5, 2, 1, 3.0, "a"}, {2.0, 0.5, 2, 1, -1.0, "b"}};
        node.execute(Tables.table(extra, rows));
        // features in table order: x1 then z
        final DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1.0, 2.0}, {3.0, -1.0}});
        final DMatrixRMaj expected = RandomFeatures.map(Activations.byId("relu"),
            RandomFeatures.weights(2, 2, new Rng(1)), x);
        assertArrayEquals(expected.data, features(node.table(0), 2).data, 0.0);
    }

    @Test
    void columnProblemsAreReportedInConfigure() throws Exception {
        final NodeHarness<RandomFeatureNodeModel> node = node(3, "relu", "gaussian", 1);
        final InvalidSettingsException text = assertThrows(InvalidSettingsException.class,
            () -> node.configure(Tables.spec("name", StringCell.TYPE)));
        assertTrue(text.getMessage().startsWith("The input table has no numeric column."), text.getMessage());
        final InvalidSettingsException onlyTarget = assertThrows(InvalidSettingsException.class,
            () -> node.configure(Tables.spec("y", DoubleCell.TYPE, "class", IntCell.TYPE)));
        assertTrue(onlyTarget.getMessage().startsWith("No feature column of the input table is selected."),
            onlyTarget.getMessage());
        final InvalidSettingsException clash = assertThrows(InvalidSettingsException.class,
            () -> node.configure(Tables.spec("x", DoubleCell.TYPE, "f2", StringCell.TYPE)));
        assertTrue(clash.getMessage().startsWith("The input column 'f2' is passed through but has the name of a random "
            + "feature column (f1..f3)."), clash.getMessage());
        // names that only look alike do not clash
        node.configure(Tables.spec("x", DoubleCell.TYPE, "f4", StringCell.TYPE, "f02", StringCell.TYPE, "f",
            StringCell.TYPE));
    }

    @Test
    void missingValuesStopWithRowAndColumnOrAreSkipped() throws Exception {
        final DataTableSpec spec = Tables.spec("x1", DoubleCell.TYPE, "x2", DoubleCell.TYPE, "y", DoubleCell.TYPE);
        final BufferedDataTable in = Tables.table(spec, new Object[] {0.1, 0.2, 1.0}, new Object[] {0.3, null, 2.0},
            new Object[] {0.5, 0.6, null}, new Object[] {Double.POSITIVE_INFINITY, 0.1, 4.0},
            new Object[] {-0.2, 0.4, 5.0});
        final NodeHarness<RandomFeatureNodeModel> node = node(4, "relu", "gaussian", 3);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> node.execute(in));
        assertEquals("Row 'Row1' of the input table has a missing value in column 'x2'. Remove or replace such values "
            + "first (for example with the Missing Value node), or tick 'Skip rows with missing values'.", e.getMessage());

        set(node, RandomFeatureSettings.KEY_SKIP, true);
        node.execute(in);
        final BufferedDataTable out = node.table(0);
        assertEquals(3, out.size(), "rows 1 and 3 skipped; the missing y of row 2 is passed through");
        assertEquals(List.of("Row0", "Row2", "Row4"),
            Tables.rows(out).stream().map(r -> r.getKey().getString()).toList());
        assertEquals(java.util.Arrays.asList(1.0, null, 5.0), Tables.column(out, "y"));
        final DMatrixRMaj expected = RandomFeatures.map(Activations.byId("relu"),
            RandomFeatures.weights(4, 2, new Rng(3)), matrix(in, 2, List.of(0, 2, 4)));
        assertArrayEquals(expected.data, features(out, 4).data, 0.0);
        assertEquals("Skipped 2 of 5 rows of the input table with missing, NaN or infinite values (the first: row "
            + "'Row1', column 'x2').", node.warning());

        final BufferedDataTable allMissing = Tables.table(spec, new Object[] {null, 0.2, 1.0});
        final InvalidSettingsException none = assertThrows(InvalidSettingsException.class,
            () -> node.execute(allMissing));
        assertTrue(none.getMessage().startsWith("The input table has 0 usable rows"), none.getMessage());
    }

    @Test
    void badActivationIdsAreRefusedWithTheChoices() throws Exception {
        final NodeHarness<RandomFeatureNodeModel> node = node(3, "relu", "gaussian", 1);
        final NodeSettings s = node.saveSettings();
        s.addString(RandomFeatureSettings.KEY_ACTIVATION, "reluu");
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> node.loadSettings(s));
        assertTrue(e.getMessage().startsWith("Unknown activation 'reluu'. Choose one of: linear, relu,"), e.getMessage());
        s.addString(RandomFeatureSettings.KEY_ACTIVATION, "leaky-relu:0,2");
        final InvalidSettingsException slope = assertThrows(InvalidSettingsException.class, () -> node.loadSettings(s));
        assertTrue(slope.getMessage().contains("not a number"), slope.getMessage());
        s.addString(RandomFeatureSettings.KEY_ACTIVATION, "Leaky-ReLU:0.2");
        node.loadSettings(s);
        node.execute(data(3, 2, 1));
        assertEquals("leaky-relu:0.2", Tables.values(node.table(1)).get(0).get(0), "the canonical id is reported");
        s.addString(RandomFeatureSettings.KEY_SCALING, "unit");
        assertTrue(assertThrows(InvalidSettingsException.class, () -> node.loadSettings(s)).getMessage()
            .startsWith("Unknown input scaling 'unit'."));
    }

    /** W (N x p) is checked against the heap in configure, before any row is read. */
    @Test
    void hugeNIsRefusedInConfigure() throws Exception {
        final DataColumnSpec[] columns = new DataColumnSpec[3000];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new DataColumnSpecCreator("x" + (i + 1), DoubleCell.TYPE).createSpec();
        }
        final NodeHarness<RandomFeatureNodeModel> node = node(1_000_000, "relu", "gaussian", 1);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> node.configure(new DataTableSpec(columns)));
        assertTrue(e.getMessage().startsWith("Not enough memory: the 1000000 x 3000 random weight matrix W needs about "
            + "22.4 GB"), e.getMessage());
    }

    /**
     * 600 rows in blocks of 3 samples: the read checks cancellation every 256 rows (3 times), the
     * writing at each of the 200 blocks and every 256 rows (rows 256 and 512 fall inside blocks). A
     * cancel in either phase stops the node without output.
     */
    @Test
    void cancelStopsReadingAndWriting() throws Exception {
        final BufferedDataTable in = data(600, 3, 6);
        final NodeHarness<RandomFeatureNodeModel> node = configured(smallBlocks(4), 4, "relu", "gaussian", 1);
        final TestExecution full = new TestExecution();
        node.execute(full, in);
        assertEquals(205, full.checkCanceledCalls());
        assertEquals(1.0, full.lastProgress(), 1e-9);
        for (int passing : new int[] {1, 100}) {
            final TestExecution exec = TestExecution.cancellingAfter(passing);
            assertThrows(CanceledExecutionException.class, () -> node.execute(exec, in));
            assertThrows(IllegalStateException.class, () -> node.output(0));
        }
    }

    @Test
    void settingsRoundTripAndOldWorkflowsLoadDefaults() throws Exception {
        final NodeHarness<RandomFeatureNodeModel> node = node(64, "poly:1,0,0.5", "rademacher", 7);
        set(node, RandomFeatureSettings.KEY_SCALING, "sqrt-p");
        set(node, RandomFeatureSettings.KEY_SKIP, true);
        assertEquals(node.saveSettings(), node.reloaded().saveSettings());
        // settings without the column filter, scaling and skip options (as if saved before they existed)
        // load with their defaults
        final NodeSettings old = new NodeSettings("model");
        old.addInt(RandomFeatureSettings.KEY_N, 64);
        old.addString(RandomFeatureSettings.KEY_ACTIVATION, "tanh");
        old.addString(RandomFeatureSettings.KEY_WEIGHTS, "gaussian");
        old.addInt(RandomFeatureSettings.KEY_SEED, 3);
        final NodeHarness<RandomFeatureNodeModel> fresh = NodeHarness.of(new RandomFeatureNodeFactory());
        fresh.loadSettings(old);
        assertEquals("none", fresh.saveSettings().getString(RandomFeatureSettings.KEY_SCALING));
        assertEquals(false, fresh.saveSettings().getBoolean(RandomFeatureSettings.KEY_SKIP));
        assertEquals(false, fresh.saveSettings().getBoolean(RandomFeatureSettings.KEY_KEEP_INPUTS));
        assertEquals("tanh", fresh.saveSettings().getString(RandomFeatureSettings.KEY_ACTIVATION));
        assertEquals(List.of("f1", "y", "class", "id"),
            List.of(((DataTableSpec) configured(fresh, 1, "tanh", "gaussian", 3).configure(data(1, 2, 1)
                .getDataTableSpec())[0]).getColumnNames()));
        // and defaults reproduce LLC18: ReLU, N = 512, Gaussian W, no scaling
        final NodeSettings defaults = NodeHarness.of(new RandomFeatureNodeFactory()).saveSettings();
        assertEquals(512, defaults.getInt(RandomFeatureSettings.KEY_N));
        assertEquals("relu", defaults.getString(RandomFeatureSettings.KEY_ACTIVATION));
        assertEquals("gaussian", defaults.getString(RandomFeatureSettings.KEY_WEIGHTS));
        assertEquals("none", defaults.getString(RandomFeatureSettings.KEY_SCALING));
    }

    /** The dialog keeps a typed (parameterised) activation id, and typing one reaches the settings. */
    @Test
    void dialogKeepsTypedActivationIds() throws Exception {
        final NodeHarness<RandomFeatureNodeModel> node = node(16, "leaky-relu:0.2", "gaussian", 1);
        final DataTableSpec in = data(1, 3, 1).getDataTableSpec();
        final PortObjectSpec before = node.configure(in)[0];
        // the dialog writes the full include list, but keeps the activation and selects the same columns
        final NodeSettings after = node.dialogRoundTrip(in);
        assertEquals("leaky-relu:0.2", after.getString(RandomFeatureSettings.KEY_ACTIVATION));
        assertEquals(16, after.getInt(RandomFeatureSettings.KEY_N));
        assertEquals(before, node.configure(in)[0]);
        final NodeDialogPane dialog = node.openDialog(in);
        JComboBox<?> activation = null;
        for (JComboBox<?> combo : combos(dialog.getPanel(), new ArrayList<>())) {
            if (combo.isEditable()) {
                activation = combo;
            }
        }
        assertEquals("leaky-relu:0.2", activation.getSelectedItem());
        ((JTextComponent) activation.getEditor().getEditorComponent()).setText("poly:0,1,0,0.25");
        final NodeSettings applied = node.applyDialog(dialog);
        assertEquals("poly:0,1,0,0.25", applied.getString(RandomFeatureSettings.KEY_ACTIVATION));
        node.execute(data(2, 3, 1));
        assertEquals("poly:0,1,0,0.25", Tables.values(node.table(1)).get(0).get(0));
    }

    private static List<JComboBox<?>> combos(final Container parent, final List<JComboBox<?>> found) {
        for (Component c : parent.getComponents()) {
            if (c instanceof JComboBox<?> combo) {
                found.add(combo);
            } else if (c instanceof Container inner) {
                combos(inner, found);
            }
        }
        return found;
    }

    /**
     * End to end with the defaults on the Data Generator's default table (the LLC18 setting: two-class
     * mixture, normalised, ReLU, N = 512). Closed form: for ReLU at input variance v, mu0 = sqrt(v / (2 pi)),
     * mu1 = sqrt(v) / 2 and mu*^2 = v (1/4 - 1/(2 pi)). Simulation: E_w[relu(w.x)^2] = ||x||^2 / 2, so the
     * mean of f^2 over the table is v / 2 up to the spread of the N iid per-feature means (5 standard
     * errors, estimated from them). And v itself is 1 + rho/p up to the chi-square spread of ||z||^2 / p,
     * standard error sqrt(2 / (p n)) (the mixture's cross term is smaller by sqrt(rho / p)).
     */
    @Test
    void defaultsOnTheDataGeneratorsTable() throws Exception {
        final NodeHarness<?> generator = NodeHarness.of(new DataGeneratorNodeFactory());
        generator.execute();
        final BufferedDataTable train = generator.table(0);
        final int n = ((Number) generator.flowVariables().get("n")).intValue();
        final int p = ((Number) generator.flowVariables().get("p")).intValue();
        final double rho = ((Number) generator.flowVariables().get("rho")).doubleValue();

        final NodeHarness<RandomFeatureNodeModel> node = NodeHarness.of(new RandomFeatureNodeFactory());
        node.execute(train);
        final BufferedDataTable out = node.table(0);
        final int bigN = 512;
        assertEquals(bigN + 2, out.getDataTableSpec().getNumColumns(), "f1..f512, y, class");
        assertEquals(n, out.size());
        assertEquals(Tables.column(train, "y"), Tables.column(out, "y"));

        final List<Object> ge = Tables.values(node.table(1)).get(0);
        final double v = (Double) ge.get(3);
        assertEquals(1 + rho / p, v, 5 * Math.sqrt(2.0 / (p * n)));
        assertEquals(Math.sqrt(v / (2 * Math.PI)), (Double) ge.get(4), 1e-12);
        assertEquals(Math.sqrt(v) / 2, (Double) ge.get(5), 1e-12);
        assertEquals(Math.sqrt(v * (0.25 - 1 / (2 * Math.PI))), (Double) ge.get(6), 1e-12);

        final DMatrixRMaj f = features(out, bigN);
        final double[] featureMeans = new double[bigN];
        double mean = 0;
        for (int k = 0; k < bigN; k++) {
            for (int j = 0; j < n; j++) {
                featureMeans[k] += f.get(k, j) * f.get(k, j) / n;
            }
            mean += featureMeans[k] / bigN;
        }
        double var = 0;
        for (double m : featureMeans) {
            var += (m - mean) * (m - mean) / (bigN - 1);
        }
        final double se = Math.sqrt(var / bigN);
        assertEquals(v / 2, mean, 5 * se);
    }

    @Test
    void descriptionIsWellFormed() throws Exception {
        assertEquals("knimeNode", NodeHarness.of(new RandomFeatureNodeFactory()).nodeDescription()
            .getDocumentElement().getNodeName());
    }
}
