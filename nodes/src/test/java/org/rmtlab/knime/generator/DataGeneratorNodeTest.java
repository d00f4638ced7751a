package org.rmtlab.knime.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    }

    @Test
    void badSettingsAreRejectedWithAFix() throws Exception {
        NodeHarness<DataGeneratorNodeModel> node = NodeHarness.of(new DataGeneratorNodeFactory());
        NodeSettings s = node.saveSettings();
        s.addString(DataGeneratorSettings.KEY_MODEL, "spiral");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> node.loadSettings(s));
        assertTrue(e.getMessage().contains("Choose one of: gaussian, mixture, teacher"), e.getMessage());

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
