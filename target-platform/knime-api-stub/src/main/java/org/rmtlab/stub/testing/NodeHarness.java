package org.rmtlab.stub.testing;

import static org.rmtlab.stub.testing.Hooks.call;
import static org.rmtlab.stub.testing.Hooks.callThrowing;
import static org.rmtlab.stub.testing.Hooks.types;

import java.awt.Component;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One node driven the way KNIME drives it, for unit tests.
 *
 * <p>{@link #execute} first configures with the specs of the inputs (KNIME never executes an
 * unconfigured node), then executes, and checks what KNIME checks: the number of inputs and
 * outputs, their port types, and that every output table has the spec configure announced (a
 * node whose configure promises one spec and whose execute delivers another breaks the nodes
 * downstream). Violations throw {@link IllegalStateException} or {@link IllegalArgumentException}.
 * The warning message is cleared before configure and before execute, as in KNIME.
 *
 * <pre>{@code
 * NodeHarness<MyNodeModel> node = NodeHarness.of(new MyNodeFactory());
 * NodeSettings s = node.saveSettings();
 * s.addDouble("alpha", 0.5);
 * node.loadSettings(s);
 * BufferedDataTable in = Tables.table(Tables.spec("x", DoubleCell.TYPE), new Object[] {1.0}, new Object[] {2.0});
 * node.execute(in);
 * double[] y = Tables.doubles(node.table(0), "y");
 * }</pre>
 */
public final class NodeHarness<M extends NodeModel> {
    private final NodeFactory<M> factory;
    private final M model;
    private PortObjectSpec[] configuredSpecs;
    private PortObject[] outputs;

    private NodeHarness(final NodeFactory<M> factory, final M model) {
        this.factory = factory;
        this.model = model;
    }

    /** A harness around a new model made by the factory. */
    public static <M extends NodeModel> NodeHarness<M> of(final NodeFactory<M> factory) {
        final M model = factory.createNodeModel();
        if (model == null) {
            throw new IllegalStateException(factory.getClass().getName() + ".createNodeModel() returned null");
        }
        return new NodeHarness<>(factory, model);
    }

    public M model() {
        return model;
    }

    public NodeFactory<M> factory() {
        return factory;
    }

    // ---- settings -------------------------------------------------------------------------------

    /** What the model's {@code saveSettingsTo} writes, under the key "model" as in a workflow's settings.xml. */
    public NodeSettings saveSettings() {
        final NodeSettings settings = new NodeSettings("model");
        callUnchecked(model, NodeModel.class, "saveSettingsTo", types(NodeSettingsWO.class), settings);
        return settings;
    }

    public void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        callThrowing(InvalidSettingsException.class, model, NodeModel.class, "validateSettings",
            types(NodeSettingsRO.class), settings);
    }

    /** Validates, then loads, as KNIME does when settings are applied. */
    public void loadSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateSettings(settings);
        callThrowing(InvalidSettingsException.class, model, NodeModel.class, "loadValidatedSettingsFrom",
            types(NodeSettingsRO.class), settings);
    }

    /**
     * A new harness whose model (fresh from the factory) loaded this model's settings after a
     * trip through settings XML, as when a saved workflow is opened. Compare
     * {@code saveSettings()} of both to check that nothing is lost.
     */
    public NodeHarness<M> reloaded() throws InvalidSettingsException, IOException {
        final NodeHarness<M> copy = of(factory);
        copy.loadSettings(SettingsXml.roundTrip(saveSettings()));
        return copy;
    }

    // ---- configure, execute, reset ----------------------------------------------------------------

    /** Runs configure with a cleared warning and returns the output specs. */
    public PortObjectSpec[] configure(final PortObjectSpec... inSpecs) throws InvalidSettingsException {
        configuredSpecs = (PortObjectSpec[]) callThrowing(InvalidSettingsException.class, model, NodeModel.class,
            "configureModel", types(PortObjectSpec[].class), (Object) inSpecs);
        return configuredSpecs.clone();
    }

    /** Configures with the inputs' specs, then executes with a fresh {@link TestExecution}. */
    public PortObject[] execute(final PortObject... inputs) throws Exception {
        return execute(new TestExecution(), inputs);
    }

    /** Configures with the inputs' specs, then executes in the given context (for progress and cancel tests). */
    public PortObject[] execute(final TestExecution exec, final PortObject... inputs) throws Exception {
        final PortObjectSpec[] inSpecs = new PortObjectSpec[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            inSpecs[i] = inputs[i] == null ? null : inputs[i].getSpec();
        }
        final PortObjectSpec[] promised = configure(inSpecs);
        outputs = null;
        final PortObject[] out = (PortObject[]) call(model, NodeModel.class, "executeModel",
            types(PortObject[].class, ExecutionContext.class), inputs, exec.context());
        for (int i = 0; i < out.length; i++) {
            if (promised[i] instanceof DataTableSpec spec && out[i] instanceof BufferedDataTable table
                && !spec.equalStructure(table.getDataTableSpec())) {
                throw new IllegalStateException("Output " + i + ": configure announced " + spec
                    + " but execute produced " + table.getDataTableSpec());
            }
        }
        outputs = out;
        return out.clone();
    }

    /** Output of the last successful execute. */
    public PortObject output(final int port) {
        if (outputs == null) {
            throw new IllegalStateException("the node has not been executed successfully");
        }
        return outputs[port];
    }

    /** Output table of the last successful execute. */
    public BufferedDataTable table(final int port) {
        if (!(output(port) instanceof BufferedDataTable table)) {
            throw new IllegalStateException("output " + port + " is a " + output(port).getClass().getSimpleName()
                + ", not a table");
        }
        return table;
    }

    public void reset() {
        outputs = null;
        callUnchecked(model, NodeModel.class, "resetModel", types());
    }

    /** The warning the node set during the last configure or execute, or null. */
    public String warning() {
        return (String) callUnchecked(model, NodeModel.class, "getWarningMessage", types());
    }

    /** Flow variables the node pushed (Double, Integer or String values) by name, in push order. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> flowVariables() {
        return (Map<String, Object>) callUnchecked(model, NodeModel.class, "pushedFlowVariables", types());
    }

    /** Makes a flow variable (Double, Integer or String) available to the model's peek methods. */
    public void setInputFlowVariable(final String name, final Object value) {
        callUnchecked(model, NodeModel.class, "putInputFlowVariable", types(String.class, Object.class), name, value);
    }

    /**
     * Saves the model's internals into the directory, then loads them into the model of a
     * {@link #reloaded()} harness, as when an executed workflow is saved and opened again.
     */
    public NodeHarness<M> internalsReloaded(final File dir)
        throws IOException, CanceledExecutionException, InvalidSettingsException {
        internals(model, "saveInternals", dir);
        final NodeHarness<M> copy = reloaded();
        internals(copy.model, "loadInternals", dir);
        copy.outputs = outputs == null ? null : outputs.clone();
        return copy;
    }

    private static void internals(final NodeModel model, final String method, final File dir)
        throws IOException, CanceledExecutionException {
        try {
            call(model, NodeModel.class, method, types(File.class, ExecutionMonitor.class), dir, new ExecutionMonitor());
        } catch (IOException | CanceledExecutionException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("NodeModel." + method + " threw " + e, e);
        }
    }

    // ---- views and dialog --------------------------------------------------------------------------

    /**
     * Creates view {@code index}, opens it (onOpen, then modelChanged; no window) and returns what it
     * shows. The view stays registered: later execute and reset calls reach its modelChanged.
     */
    public Component openView(final int index) {
        final int count = (Integer) callUnchecked(factory, NodeFactory.class, "getNrNodeViews", types());
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("view " + index + " requested but the factory has " + count + " views");
        }
        final NodeView<M> view = factory.createNodeView(index, model);
        callUnchecked(view, NodeView.class, "callOpenView", types(String.class), "view " + index);
        return (Component) callUnchecked(view, NodeView.class, "displayedComponent", types());
    }

    /** Creates the dialog and loads the model's current settings into it for the given input specs. */
    public NodeDialogPane openDialog(final PortObjectSpec... inSpecs) throws NotConfigurableException {
        if (!(Boolean) callUnchecked(factory, NodeFactory.class, "hasDialog", types())) {
            throw new IllegalStateException(factory.getClass().getSimpleName() + " has no dialog");
        }
        final NodeDialogPane dialog =
            (NodeDialogPane) callUnchecked(factory, NodeFactory.class, "createNodeDialogPane", types());
        callThrowing(NotConfigurableException.class, dialog, NodeDialogPane.class, "loadSettingsFrom",
            types(NodeSettingsRO.class, PortObjectSpec[].class), saveSettings(), inSpecs);
        return dialog;
    }

    /** What OK does: saves the dialog's settings and loads them into the model. */
    public NodeSettings applyDialog(final NodeDialogPane dialog) throws InvalidSettingsException {
        final NodeSettings settings = new NodeSettings("model");
        dialog.finishEditingAndSaveSettingsTo(settings);
        loadSettings(settings);
        return settings;
    }

    /** {@link #openDialog} then {@link #applyDialog} without edits: the settings should come back unchanged. */
    public NodeSettings dialogRoundTrip(final PortObjectSpec... inSpecs)
        throws NotConfigurableException, InvalidSettingsException {
        return applyDialog(openDialog(inSpecs));
    }

    // ---- node description -----------------------------------------------------------------------

    /**
     * Reads the node description where KNIME looks for it ({@code <FactorySimpleName>.xml} beside the
     * factory class) and checks what KNIME relies on: the root element {@code knimeNode}, a
     * {@code name}, one {@code inPort}/{@code outPort} per model port with indices 0, 1, ..., and one
     * {@code view} per factory view.
     *
     * @return the parsed description, for further checks
     * @throws IllegalStateException listing every problem found
     */
    public Document nodeDescription() {
        final String file = factory.getClass().getSimpleName() + ".xml";
        final Document doc;
        try (InputStream in = factory.getClass().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("No node description " + file + " beside "
                    + factory.getClass().getName());
            }
            doc = parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the node description " + file + ": " + e.getMessage(), e);
        }
        final List<String> problems = new ArrayList<>();
        final Element root = doc.getDocumentElement();
        if (!"knimeNode".equals(root.getLocalName())) {
            problems.add("the root element is <" + root.getTagName() + ">, not <knimeNode>");
        }
        if (elements(root, "name").isEmpty() || elements(root, "name").get(0).getTextContent().isBlank()) {
            problems.add("no <name>");
        }
        final int inPorts = (Integer) callUnchecked(model, NodeModel.class, "getNrInPorts", types());
        final int outPorts = (Integer) callUnchecked(model, NodeModel.class, "getNrOutPorts", types());
        final int views = (Integer) callUnchecked(factory, NodeFactory.class, "getNrNodeViews", types());
        checkIndices(problems, elements(root, "inPort"), "inPort", inPorts);
        checkIndices(problems, elements(root, "outPort"), "outPort", outPorts);
        checkIndices(problems, elements(root, "view"), "view", views);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(file + ": " + String.join("; ", problems));
        }
        return doc;
    }

    private static void checkIndices(final List<String> problems, final List<Element> found, final String tag,
        final int expected) {
        final Set<String> indices = new TreeSet<>();
        for (final Element e : found) {
            indices.add(e.getAttribute("index"));
        }
        final Set<String> wanted = new TreeSet<>();
        for (int i = 0; i < expected; i++) {
            wanted.add(Integer.toString(i));
        }
        if (found.size() != expected || !indices.equals(wanted)) {
            problems.add(expected + " <" + tag + "> elements with indices " + wanted + " expected, found "
                + found.size() + " with indices " + indices);
        }
    }

    private static List<Element> elements(final Element root, final String localName) {
        final List<Element> found = new ArrayList<>();
        final NodeList all = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < all.getLength(); i++) {
            found.add((Element) all.item(i));
        }
        return found;
    }

    private static Document parse(final InputStream in) throws IOException {
        try {
            final DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            final DocumentBuilder builder = dbf.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(final SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Object callUnchecked(final Object target, final Class<?> declaring, final String name,
        final Class<?>[] types, final Object... args) {
        return callThrowing(RuntimeException.class, target, declaring, name, types, args);
    }
}
