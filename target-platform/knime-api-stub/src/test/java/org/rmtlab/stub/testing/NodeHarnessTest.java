package org.rmtlab.stub.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.swing.JLabel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

public class NodeHarnessTest {
    private static final DataTableSpec IN = Tables.spec("name", StringCell.TYPE, "x", DoubleCell.TYPE, "n", IntCell.TYPE);

    private static BufferedDataTable input() {
        return Tables.table(IN, new Object[] {"a", 1.0, 1}, new Object[] {"b", null, 2}, new Object[] {"c", -2.5, 3});
    }

    private static NodeHarness<ScaleNode.Model> scaleBy(final double factor) throws InvalidSettingsException {
        final NodeHarness<ScaleNode.Model> node = NodeHarness.of(new ScaleNode.Factory());
        final NodeSettings s = node.saveSettings();
        s.addString("column", "x");
        s.addDouble("factor", factor);
        node.loadSettings(s);
        return node;
    }

    @Test
    void executeProducesTheTableConfigureAnnounced() throws Exception {
        final NodeHarness<ScaleNode.Model> node = scaleBy(2);
        final DataTableSpec out = (DataTableSpec) node.configure(IN)[0];
        assertArrayEquals(new String[] {"name", "x", "n", "scaled"}, out.getColumnNames());

        node.execute(input());
        assertEquals(out, node.table(0).getDataTableSpec());
        assertEquals(Arrays.asList(2.0, null, -5.0), Tables.column(node.table(0), "scaled"));
        assertEquals(List.of("a", 1.0, 1, 2.0), Tables.values(node.table(0)).get(0));
        assertEquals("1 rows with missing values", node.warning());
        assertEquals(Map.of("scaled_rows", 3, "factor", 2.0, "column", "x"), node.flowVariables());
    }

    @Test
    void warningAndVariablesAreClearedLikeInKnime() throws Exception {
        final NodeHarness<ScaleNode.Model> node = scaleBy(2);
        node.execute(input());
        node.configure(IN);
        assertNull(node.warning(), "configure starts without the warning of the last execute");
        node.reset();
        assertTrue(node.flowVariables().isEmpty());
        assertThrows(IllegalStateException.class, () -> node.table(0));
    }

    @Test
    void settingsSurviveTheTripThroughXml() throws Exception {
        final NodeHarness<ScaleNode.Model> node = scaleBy(-3.5);
        final NodeHarness<ScaleNode.Model> reloaded = node.reloaded();
        assertEquals(node.saveSettings(), reloaded.saveSettings());
        assertNotEquals(NodeHarness.of(new ScaleNode.Factory()).saveSettings(), reloaded.saveSettings(),
            "the comparison must see a changed value");
        reloaded.execute(input());
        assertEquals(-3.5, Tables.doubles(reloaded.table(0), "scaled")[0], 0.0);
    }

    @Test
    void invalidSettingsAreRejectedWithTheKey() throws Exception {
        final NodeHarness<ScaleNode.Model> node = scaleBy(1);
        final NodeSettings s = node.saveSettings();
        s.addDouble("factor", 20);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> node.loadSettings(s));
        assertTrue(e.getMessage().contains("factor"), e.getMessage());
        assertEquals(1.0, node.saveSettings().getDouble("factor"), 0.0, "a rejected value must not be loaded");
    }

    @Test
    void configureErrorsReachTheTest() throws Exception {
        final NodeHarness<ScaleNode.Model> node = scaleBy(1);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> node.configure(Tables.spec("y", DoubleCell.TYPE)));
        assertTrue(e.getMessage().contains("\"x\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> node.configure(IN, IN), "two inputs for a one-port node");
    }

    @Test
    void autoConfigurationWarns() throws Exception {
        final NodeHarness<ScaleNode.Model> node = NodeHarness.of(new ScaleNode.Factory());
        node.configure(IN);
        assertEquals("Column \"x\" chosen automatically", node.warning());
    }

    @Test
    void progressAndCancelChecksAreRecorded() throws Exception {
        final NodeHarness<ScaleNode.Model> node = scaleBy(1);
        final TestExecution exec = new TestExecution();
        node.execute(exec, input());
        assertEquals(3, exec.checkCanceledCalls());
        assertEquals(List.of(0.0, 1.0 / 3, 2.0 / 3), exec.progress());
        assertEquals(List.of("row 0", "row 1", "row 2"), exec.messages());
    }

    @Test
    void cancelAfterSomeChecks() throws Exception {
        final NodeHarness<ScaleNode.Model> node = scaleBy(1);
        final TestExecution exec = TestExecution.cancellingAfter(2);
        assertThrows(CanceledExecutionException.class, () -> node.execute(exec, input()));
        assertEquals(3, exec.checkCanceledCalls(), "two checks pass, the third throws");
        assertThrows(IllegalStateException.class, () -> node.output(0), "a cancelled node has no output");
    }

    @Test
    void dialogLoadsAndSavesTheModelsSettings() throws Exception {
        final NodeHarness<ScaleNode.Model> node = scaleBy(2.5);
        final NodeSettings before = node.saveSettings();
        assertEquals(before, node.dialogRoundTrip(IN));
        assertEquals(before, node.saveSettings());
    }

    @Test
    void dialogEditsReachTheModel() throws Exception {
        final NodeHarness<ScaleNode.Model> node = scaleBy(2.5);
        final NodeDialogPane dialog = node.openDialog(IN);
        final javax.swing.JCheckBox drop = find(dialog.getPanel(), javax.swing.JCheckBox.class);
        drop.setSelected(true);
        node.applyDialog(dialog);
        node.execute(input());
        assertEquals(2, node.table(0).size(), "the row with a missing value was dropped");
    }

    @Test
    void dialogRefusesAnInputWithoutNumericColumns() {
        final NodeHarness<ScaleNode.Model> node = NodeHarness.of(new ScaleNode.Factory());
        final NotConfigurableException e = assertThrows(NotConfigurableException.class,
            () -> node.openDialog(Tables.spec("s", StringCell.TYPE)));
        assertTrue(e.getMessage().contains("DoubleValue"), e.getMessage());
    }

    @Test
    void viewFollowsTheModel() throws Exception {
        final NodeHarness<ScaleNode.Model> node = scaleBy(1);
        final Component shown = node.openView(0);
        final JLabel label = assertInstanceOf(JLabel.class, shown);
        assertEquals("not executed", label.getText());
        assertEquals("rows", label.getName(), "onOpen ran");
        node.execute(input());
        assertEquals("3 rows", label.getText());
        node.reset();
        assertEquals("not executed", label.getText());
        assertThrows(IllegalArgumentException.class, () -> node.openView(1));
    }

    @Test
    void internalsAreSavedAndLoaded(@TempDir final File dir) throws Exception {
        final NodeHarness<ScaleNode.Model> node = scaleBy(1);
        node.execute(input());
        final NodeHarness<ScaleNode.Model> reopened = node.internalsReloaded(dir);
        assertEquals(3, reopened.model().rowsWritten());
        assertEquals(3, reopened.table(0).size());
    }

    @Test
    void inputFlowVariablesCanBePeeked() {
        final NodeHarness<ScaleNode.Model> node = NodeHarness.of(new ScaleNode.Factory());
        node.setInputFlowVariable("p", 0.25);
        assertEquals(0.25, node.model().peekFlowVariableDouble("p"), 0.0);
        assertThrows(java.util.NoSuchElementException.class, () -> node.model().peekFlowVariableInt("p"));
        assertThrows(IllegalArgumentException.class, () -> node.setInputFlowVariable("q", new Object()));
    }

    @Test
    void brokenNodesAreCaught() {
        final NodeHarness<BrokenModel> lying = NodeHarness.of(new BrokenFactory(false));
        final IllegalStateException spec = assertThrows(IllegalStateException.class, () -> lying.execute(input()));
        assertTrue(spec.getMessage().contains("configure announced"), spec.getMessage());

        final NodeHarness<BrokenModel> missingOutput = NodeHarness.of(new BrokenFactory(true));
        final IllegalStateException count = assertThrows(IllegalStateException.class,
            () -> missingOutput.execute(input()));
        assertTrue(count.getMessage().contains("returned 0 output"), count.getMessage());
    }

    @Test
    void nodeDescriptionsAreChecked() {
        final org.w3c.dom.Document doc = NodeHarness.of(new ScaleNode.Factory()).nodeDescription();
        assertEquals("Manipulator", doc.getDocumentElement().getAttribute("type"));
        final IllegalStateException broken = assertThrows(IllegalStateException.class,
            () -> NodeHarness.of(new org.rmtlab.stub.testing.bad.BrokenDescriptionFactory()).nodeDescription());
        assertTrue(broken.getMessage().contains("inPort") && broken.getMessage().contains("outPort"),
            broken.getMessage());
        final IllegalStateException missing = assertThrows(IllegalStateException.class,
            () -> NodeHarness.of(new BrokenFactory(false)).nodeDescription());
        assertTrue(missing.getMessage().contains("BrokenFactory.xml"), missing.getMessage());
    }

    private static <C extends Component> C find(final java.awt.Container root, final Class<C> type) {
        for (final Component c : root.getComponents()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c instanceof java.awt.Container container) {
                final C inner = find(container, type);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** Announces one column in configure, produces another, or no output at all. */
    public static final class BrokenModel extends NodeModel {
        private final boolean noOutput;

        public BrokenModel(final boolean noOutput) {
            super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {BufferedDataTable.TYPE});
            this.noOutput = noOutput;
        }

        @Override
        protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) {
            return new PortObjectSpec[] {Tables.spec("a", DoubleCell.TYPE)};
        }

        @Override
        protected PortObject[] execute(final PortObject[] in, final ExecutionContext exec) {
            return noOutput ? new PortObject[0] : new PortObject[] {Tables.table(Tables.spec("b", DoubleCell.TYPE))};
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
            // no settings
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
            // no settings
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
            // no settings
        }

        @Override
        protected void reset() {
            // no state
        }

        @Override
        protected void loadInternals(final File dir, final org.knime.core.node.ExecutionMonitor exec) {
            // no internals
        }

        @Override
        protected void saveInternals(final File dir, final org.knime.core.node.ExecutionMonitor exec) {
            // no internals
        }
    }

    static final class BrokenFactory extends NodeFactory<BrokenModel> {
        private final boolean noOutput;

        BrokenFactory(final boolean noOutput) {
            this.noOutput = noOutput;
        }

        @Override
        public BrokenModel createNodeModel() {
            return new BrokenModel(noOutput);
        }

        @Override
        protected int getNrNodeViews() {
            return 0;
        }

        @Override
        public NodeView<BrokenModel> createNodeView(final int viewIndex, final BrokenModel nodeModel) {
            throw new IllegalArgumentException("no views");
        }

        @Override
        protected boolean hasDialog() {
            return false;
        }

        @Override
        protected NodeDialogPane createNodeDialogPane() {
            throw new IllegalStateException("no dialog");
        }
    }
}
