package org.rmtlab.knime.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;
import org.rmtlab.core.data.CovarianceSpec;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.stub.testing.NodeHarness;
import org.rmtlab.stub.testing.Tables;
import org.rmtlab.stub.testing.TestExecution;

class DataGeneratorNodeTest {

    private static NodeHarness<DataGeneratorNodeModel> node(final String model, final int n, final int nTest, final int p)
        throws InvalidSettingsException {
        NodeHarness<DataGeneratorNodeModel> node = NodeHarness.of(new DataGeneratorNodeFactory());
        NodeSettings s = node.saveSettings();
        s.addString(DataGeneratorSettings.KEY_MODEL, model);
        s.addInt(DataGeneratorSettings.KEY_N, n);
        s.addInt(DataGeneratorSettings.KEY_N_TEST, nTest);
        s.addInt(DataGeneratorSettings.KEY_P, p);
        s.addInt(DataGeneratorSettings.KEY_SEED, 17);
        node.loadSettings(s);
        return node;
    }

    @Test
    void configureAnnouncesFeatureTargetAndClassColumns() throws Exception {
        PortObjectSpec[] specs = node("mixture", 40, 10, 5).configure();
        assertEquals(2, specs.length);
        DataTableSpec train = (DataTableSpec) specs[0];
        assertEquals(7, train.getNumColumns());
        assertEquals("x1", train.getColumnSpec(0).getName());
        assertEquals("x5", train.getColumnSpec(4).getName());
        assertEquals(DoubleCell.TYPE, train.getColumnSpec("y").getType());
        assertEquals(IntCell.TYPE, train.getColumnSpec("class").getType());
        assertEquals(train, specs[1]);
    }

    /** The tables hold exactly the core generator's numbers for the same settings. */
    @Test
    void executeWritesTheCoreData() throws Exception {
        NodeHarness<DataGeneratorNodeModel> node = node("mixture", 30, 12, 4);
        node.execute();
        BufferedDataTable train = node.table(0);
        BufferedDataTable test = node.table(1);
        assertEquals(30, train.size());
        assertEquals(12, test.size());
        GeneratedData core = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 30, 12, 4, 4.0, 0.1, Scale.NORMALISED, 17));
        for (int i = 0; i < 4; i++) {
            double[] expected = new double[30];
            for (int j = 0; j < 30; j++) {
                expected[j] = core.train().x().get(i, j);
            }
            assertArrayEquals(expected, Tables.doubles(train, "x" + (i + 1)), 0.0);
        }
        assertArrayEquals(core.test().y(), Tables.doubles(test, "y"), 0.0);
        assertEquals(4, ((Number) node.flowVariables().get("p")).intValue());
        assertEquals(30, ((Number) node.flowVariables().get("n")).intValue());
        assertEquals(4 / 30.0, ((Number) node.flowVariables().get("c")).doubleValue(), 1e-15);
        assertEquals("normalised", node.flowVariables().get("scale"));
    }

    /** Every column of both tables against the core data set. */
    private static void assertTablesAre(final GeneratedData core, final NodeHarness<DataGeneratorNodeModel> node) {
        final int p = core.spec().p();
        final org.rmtlab.core.data.Dataset[] sets = {core.train(), core.test()};
        for (int port = 0; port < 2; port++) {
            final BufferedDataTable table = node.table(port);
            final org.rmtlab.core.data.Dataset set = sets[port];
            assertEquals(set.n(), table.size());
            for (int i = 0; i < p; i++) {
                final double[] expected = new double[set.n()];
                for (int j = 0; j < set.n(); j++) {
                    expected[j] = set.x().get(i, j);
                }
                assertArrayEquals(expected, Tables.doubles(table, "x" + (i + 1)), 0.0);
            }
            assertArrayEquals(set.y(), Tables.doubles(table, "y"), 0.0);
            final double[] labels = new double[set.n()];
            for (int j = 0; j < set.n(); j++) {
                labels[j] = set.label()[j];
            }
            assertArrayEquals(labels, Tables.doubles(table, "class"), 0.0);
        }
    }

    /** K-class mixture with spiked noise, and the single-index teacher with power-law noise: the core's numbers. */
    @Test
    void extendedLawsWriteTheCoreData() throws Exception {
        final NodeHarness<DataGeneratorNodeModel> mix = node("mixture", 30, 8, 6);
        NodeSettings s = mix.saveSettings();
        s.addInt(DataGeneratorSettings.KEY_CLASSES, 3);
        s.addString(DataGeneratorSettings.KEY_COVARIANCE, "spiked");
        s.addInt(DataGeneratorSettings.KEY_SPIKES, 2);
        s.addDouble(DataGeneratorSettings.KEY_SPIKE_STRENGTH, 5.0);
        s.addString(DataGeneratorSettings.KEY_SCALE, "raw");
        mix.loadSettings(s);
        mix.execute();
        assertTablesAre(DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 30, 8, 6, 4.0, 0.1, Scale.RAW, 17)
            .withClasses(3).withCovariance(CovarianceSpec.spiked(2, 5))), mix);
        assertEquals(3, ((Number) mix.flowVariables().get("classes")).intValue());
        assertEquals("spiked", mix.flowVariables().get("covariance"));
        assertEquals(2, ((Number) mix.flowVariables().get("spikes")).intValue());
        assertEquals(5.0, ((Number) mix.flowVariables().get("spike_strength")).doubleValue(), 0.0);
        assertEquals("mixture", mix.flowVariables().get("data_model"));
        assertEquals(8, ((Number) mix.flowVariables().get("n_test")).intValue());

        final NodeHarness<DataGeneratorNodeModel> relu = node("teacher", 25, 5, 4);
        s = relu.saveSettings();
        s.addString(DataGeneratorSettings.KEY_ACTIVATION, "relu");
        s.addString(DataGeneratorSettings.KEY_COVARIANCE, "power-law");
        s.addDouble(DataGeneratorSettings.KEY_EXPONENT, 1.5);
        s.addDouble(DataGeneratorSettings.KEY_NOISE, 0.3);
        relu.loadSettings(s);
        relu.execute();
        assertTablesAre(DataGenerator.generate(new DataSpec(DataModel.TEACHER, 25, 5, 4, 4.0, 0.3, Scale.NORMALISED, 17)
            .withActivation("relu").withCovariance(CovarianceSpec.powerLaw(1.5))), relu);
        assertEquals("relu", relu.flowVariables().get("activation"));
        assertEquals(1.5, ((Number) relu.flowVariables().get("exponent")).doubleValue(), 0.0);
    }

    /** Only the settings the chosen law reads are enabled; the dialog keeps that state and the values. */
    @Test
    void irrelevantSettingsAreDisabled() throws Exception {
        final DataGeneratorSettings s = new DataGeneratorSettings();
        assertTrue(s.rho.isEnabled() && s.classes.isEnabled(), "mixture by default");
        assertFalse(s.noise.isEnabled() || s.activation.isEnabled());
        assertFalse(s.exponent.isEnabled() || s.spikes.isEnabled() || s.spikeStrength.isEnabled(), "identity by default");
        s.model.setStringValue("teacher");
        s.covariance.setStringValue("spiked");
        assertFalse(s.rho.isEnabled() || s.classes.isEnabled());
        assertTrue(s.noise.isEnabled() && s.activation.isEnabled());
        assertTrue(s.spikes.isEnabled() && s.spikeStrength.isEnabled());
        assertFalse(s.exponent.isEnabled());
        s.covariance.setStringValue("power-law");
        assertTrue(s.exponent.isEnabled());
        assertFalse(s.spikes.isEnabled());

        final NodeHarness<DataGeneratorNodeModel> node = node("teacher", 25, 5, 3);
        final NodeSettings fromDialog = node.dialogRoundTrip();
        assertFalse(fromDialog.getNodeSettings("rho_Internals").getBoolean("EnabledStatus"));
        assertTrue(fromDialog.getNodeSettings("noise_Internals").getBoolean("EnabledStatus"));
        assertEquals(node.saveSettings(), fromDialog);
        assertEquals(fromDialog, node.dialogRoundTrip());
    }

    @Test
    void sameSeedSameTables() throws Exception {
        NodeHarness<DataGeneratorNodeModel> a = node("teacher", 25, 5, 3);
        NodeHarness<DataGeneratorNodeModel> b = node("teacher", 25, 5, 3);
        a.execute();
        b.execute();
        assertEquals(Tables.values(a.table(0)), Tables.values(b.table(0)));
    }

    @Test
    void settingsRoundTripAndOldWorkflowsLoadDefaults() throws Exception {
        NodeHarness<DataGeneratorNodeModel> node = node("teacher", 25, 5, 3);
        assertEquals(node.saveSettings(), node.reloaded().saveSettings());
        // a workflow saved before "noise" and "scale" existed still loads, with the defaults
        NodeSettings old = new NodeSettings("model");
        old.addString(DataGeneratorSettings.KEY_MODEL, "teacher");
        old.addInt(DataGeneratorSettings.KEY_N, 25);
        old.addInt(DataGeneratorSettings.KEY_N_TEST, 5);
        old.addInt(DataGeneratorSettings.KEY_P, 3);
        old.addDouble(DataGeneratorSettings.KEY_RHO, 4.0);
        old.addInt(DataGeneratorSettings.KEY_SEED, 17);
        NodeHarness<DataGeneratorNodeModel> fresh = NodeHarness.of(new DataGeneratorNodeFactory());
        fresh.loadSettings(old);
        assertEquals(0.1, fresh.saveSettings().getDouble("noise"), 0.0);
        assertEquals("normalised", fresh.saveSettings().getString("scale"));
        // the keys of the extended laws load the defaults that give the original law, number for number
        final NodeSettings loaded = fresh.saveSettings();
        assertEquals(2, loaded.getInt(DataGeneratorSettings.KEY_CLASSES));
        assertEquals("linear", loaded.getString(DataGeneratorSettings.KEY_ACTIVATION));
        assertEquals("identity", loaded.getString(DataGeneratorSettings.KEY_COVARIANCE));
        assertEquals(1.0, loaded.getDouble(DataGeneratorSettings.KEY_EXPONENT), 0.0);
        assertEquals(1, loaded.getInt(DataGeneratorSettings.KEY_SPIKES));
        assertEquals(2.0, loaded.getDouble(DataGeneratorSettings.KEY_SPIKE_STRENGTH), 0.0);
        fresh.execute();
        assertTablesAre(DataGenerator.generate(new DataSpec(DataModel.TEACHER, 25, 5, 3, 4.0, 0.1, Scale.NORMALISED, 17)),
            fresh);
    }

    @Test
    void badSettingsAreRejectedWithAFix() throws Exception {
        NodeHarness<DataGeneratorNodeModel> node = NodeHarness.of(new DataGeneratorNodeFactory());
        NodeSettings s = node.saveSettings();
        s.addString(DataGeneratorSettings.KEY_MODEL, "spiral");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> node.loadSettings(s));
        assertTrue(e.getMessage().contains("Choose one of: gaussian, mixture, teacher"), e.getMessage());

        final String[][] bad = {
            {DataGeneratorSettings.KEY_COVARIANCE, "toeplitz", "Choose one of: identity, power-law, spiked"},
            {DataGeneratorSettings.KEY_ACTIVATION, "swish-9", "Unknown activation"}};
        for (String[] b : bad) {
            final NodeSettings t = node.saveSettings();
            t.addString(b[0], b[1]);
            final InvalidSettingsException ex = assertThrows(InvalidSettingsException.class, () -> node.loadSettings(t));
            assertTrue(ex.getMessage().contains(b[2]), ex.getMessage());
        }
        final NodeSettings classes = node.saveSettings();
        classes.addInt(DataGeneratorSettings.KEY_CLASSES, 9);
        classes.addInt(DataGeneratorSettings.KEY_P, 4);
        InvalidSettingsException ex = assertThrows(InvalidSettingsException.class, () -> node.loadSettings(classes));
        assertTrue(ex.getMessage().contains("K (number of classes) must be at most p = 4"), ex.getMessage());
        final NodeSettings spikes = node.saveSettings();
        spikes.addString(DataGeneratorSettings.KEY_COVARIANCE, "spiked");
        spikes.addInt(DataGeneratorSettings.KEY_SPIKES, 5);
        spikes.addInt(DataGeneratorSettings.KEY_P, 4);
        ex = assertThrows(InvalidSettingsException.class, () -> node.loadSettings(spikes));
        assertTrue(ex.getMessage().contains("spikes (number of spikes) must be at most p = 4"), ex.getMessage());

        NodeSettings huge = node.saveSettings();
        huge.addInt(DataGeneratorSettings.KEY_N, 1_000_000);
        huge.addInt(DataGeneratorSettings.KEY_P, 1_000_000);
        node.loadSettings(huge);
        InvalidSettingsException mem = assertThrows(InvalidSettingsException.class, () -> node.configure());
        assertTrue(mem.getMessage().contains("Not enough memory"), mem.getMessage());
    }

    @Test
    void cancelStopsExecution() throws Exception {
        NodeHarness<DataGeneratorNodeModel> node = node("gaussian", 5000, 0, 50);
        assertThrows(CanceledExecutionException.class, () -> node.execute(TestExecution.cancellingAfter(3)));
    }

    @Test
    void descriptionIsWellFormed() throws Exception {
        assertEquals("knimeNode", NodeHarness.of(new DataGeneratorNodeFactory()).nodeDescription().getDocumentElement()
            .getNodeName());
    }
}
