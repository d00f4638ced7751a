package org.rmtlab.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.rmtlab.knime.osgi.OsgiRuntime.CORE;
import static org.rmtlab.knime.osgi.OsgiRuntime.NODES;
import static org.rmtlab.knime.osgi.OsgiRuntime.bundle;
import static org.rmtlab.knime.osgi.OsgiRuntime.wiring;

import java.awt.Component;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.rmtlab.knime.common.ChartSource;
import org.rmtlab.stub.testing.NodeHarness;
import org.rmtlab.stub.testing.TestExecution;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every node registered in plugin.xml, loaded the way KNIME loads it (factory class by name through
 * the nodes bundle) and run with its default settings through the stub runtime inside Equinox: each
 * configure and execute goes nodes -> core -> embedded EJML/JFreeChart across real bundle class
 * loaders, so a type missing from a MANIFEST fails here with NoClassDefFoundError, as it would in
 * KNIME. Nodes that need an input table get the first table an earlier node produced (the Data
 * Generator's training set). Views and dialogs are opened too (headless: no window).
 */
@Tag("osgi")
class NodeExecutionIT {
    private static final String NODES_POINT = "org.knime.workbench.repository.nodes";
    private static final String CATEGORIES_POINT = "org.knime.workbench.repository.categories";

    /** Factory class names registered in the nodes bundle's plugin.xml, in order. */
    private static List<String> registeredFactories(final Document pluginXml) {
        final List<String> factories = new ArrayList<>();
        for (final Element ext : elements(pluginXml.getDocumentElement(), "extension")) {
            if (NODES_POINT.equals(ext.getAttribute("point"))) {
                for (final Element node : elements(ext, "node")) {
                    factories.add(node.getAttribute("factory-class"));
                }
            }
        }
        return factories;
    }

    private static Document pluginXml() throws Exception {
        final URL entry = bundle(NODES).getEntry("plugin.xml");
        assertNotNull(entry, "plugin.xml is not in the nodes jar");
        return OsgiRuntime.xml(entry);
    }

    /**
     * What KNIME reads from the nodes jar besides classes: the factories, each node's description
     * XML beside its factory and the icon it names, and the category icon.
     */
    @Test
    void pluginXmlNamesFactoriesDescriptionsAndIconsInTheJar() throws Exception {
        final Bundle nodes = bundle(NODES);
        final Document plugin = pluginXml();
        final List<String> factories = registeredFactories(plugin);
        assertFalse(factories.isEmpty(), "no node in plugin.xml");
        final List<String> missing = new ArrayList<>();
        for (final String factory : factories) {
            final String folder = factory.substring(0, factory.lastIndexOf('.')).replace('.', '/') + "/";
            final String classFile = factory.replace('.', '/') + ".class";
            final String description = factory.replace('.', '/') + ".xml";
            if (nodes.getEntry(classFile) == null) {
                missing.add(classFile);
            }
            final URL xml = nodes.getEntry(description);
            if (xml == null) {
                missing.add(description);
                continue;
            }
            final String icon = OsgiRuntime.xml(xml).getDocumentElement().getAttribute("icon");
            if (icon.isEmpty() || nodes.getEntry(URI.create(folder).resolve(icon).getPath()) == null) {
                missing.add("icon '" + icon + "' of " + description);
            }
        }
        for (final Element ext : elements(plugin.getDocumentElement(), "extension")) {
            if (CATEGORIES_POINT.equals(ext.getAttribute("point"))) {
                for (final Element category : elements(ext, "category")) {
                    if (nodes.getEntry(category.getAttribute("icon")) == null) {
                        missing.add("category icon " + category.getAttribute("icon"));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing in the nodes jar: " + missing);
    }

    @Test
    void everyRegisteredNodeRunsWithItsDefaults() throws Exception {
        final Bundle nodes = bundle(NODES);
        final List<String> registered = registeredFactories(pluginXml());
        assertFalse(registered.isEmpty(), "no node in plugin.xml");
        final Map<String, NodeHarness<?>> pending = new LinkedHashMap<>();
        for (final String name : registered) {
            final Class<?> factoryClass = nodes.loadClass(name);
            assertSame(nodes, FrameworkUtil.getBundle(factoryClass), name + " is not defined by the nodes bundle");
            assertTrue(NodeFactory.class.isAssignableFrom(factoryClass), name + " is not a NodeFactory");
            final NodeFactory<?> factory = (NodeFactory<?>) factoryClass.getConstructor().newInstance();
            pending.put(name, NodeHarness.of(factory));
        }
        BufferedDataTable sample = null;
        while (!pending.isEmpty()) {
            final int before = pending.size();
            for (final var it = pending.entrySet().iterator(); it.hasNext();) {
                final var node = it.next();
                final PortObject[] inputs = inputs(node.getValue().model(), sample);
                if (inputs == null) {
                    continue; // needs a table that no node has produced yet
                }
                final BufferedDataTable table = run(node.getKey(), node.getValue(), inputs);
                sample = sample == null ? table : sample;
                it.remove();
            }
            if (pending.size() == before) {
                fail("No input for " + pending.keySet() + ": each needs a port type no earlier node produces; "
                    + "teach NodeExecutionIT.inputs about it");
            }
        }
    }

    /**
     * Configures and executes one node, checks its outputs, opens its views and dialog.
     *
     * @return its first output table, or null
     */
    private static BufferedDataTable run(final String name, final NodeHarness<?> node, final PortObject[] inputs)
        throws Exception {
        final PortObjectSpec[] inSpecs = new PortObjectSpec[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            inSpecs[i] = inputs[i] == null ? null : inputs[i].getSpec();
        }
        final PortObjectSpec[] specs = node.configure(inSpecs);
        final PortObject[] out = node.execute(new TestExecution(), inputs);
        assertEquals(specs.length, out.length, name);
        BufferedDataTable firstTable = null;
        for (int i = 0; i < out.length; i++) {
            assertNotNull(out[i], name + " output " + i);
            if (out[i] instanceof BufferedDataTable table) {
                assertTrue(table.size() > 0, name + " output table " + i + " is empty");
                firstTable = firstTable == null ? table : firstTable;
            } else if (out[i] instanceof ImagePortObject image) {
                // the stub decodes the PNG with ImageIO to tell its size
                assertTrue(image.getSummary().startsWith("PNG image"), name + ": " + image.getSummary());
            }
        }
        if (node.model() instanceof ChartSource charted) {
            assertNotNull(charted.chart(), name + " drew no chart");
            assertDrawn(name, charted.chart().png());
        }
        final int views = (Integer) call(node.factory(), NodeFactory.class, "getNrNodeViews");
        for (int v = 0; v < views; v++) {
            final Component shown = node.openView(v);
            assertNotNull(shown, name + " view " + v);
        }
        if ((Boolean) call(node.factory(), NodeFactory.class, "hasDialog")) {
            assertNotNull(node.openDialog(inSpecs), name + " dialog");
        }
        return firstTable;
    }

    /** A decodable PNG with real content: many colours, not a blank canvas. */
    private static void assertDrawn(final String name, final byte[] png) throws Exception {
        final BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, name + ": chart bytes are not a PNG");
        final Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 10, name + ": the chart has only " + colours.size() + " colours");
    }

    /**
     * Inputs for the node's ports: null for optional ports, the sample table for table ports; null
     * (no inputs yet) if a table port must wait for a sample.
     */
    private static PortObject[] inputs(final NodeModel model, final BufferedDataTable sample) throws Exception {
        final int n = (Integer) call(model, NodeModel.class, "getNrInPorts");
        final PortObject[] inputs = new PortObject[n];
        for (int i = 0; i < n; i++) {
            final PortType type = (PortType) call(model, NodeModel.class, "getInPortType", i);
            if (type.isOptional()) {
                continue;
            }
            if (!BufferedDataTable.class.isAssignableFrom(type.getPortObjectClass()) || sample == null) {
                return null;
            }
            inputs[i] = sample;
        }
        return inputs;
    }

    /** JFreeChart is the core's business: the nodes bundle cannot even see it. */
    @Test
    void chartLibraryStaysInsideTheCore() throws Exception {
        final String chart = "org.jfree.chart.JFreeChart";
        assertSame(bundle(CORE), FrameworkUtil.getBundle(wiring(bundle(CORE)).getClassLoader().loadClass(chart)));
        assertThrows(ClassNotFoundException.class, () -> wiring(bundle(NODES)).getClassLoader().loadClass(chart));
    }

    /** Calls a protected method of the KNIME API (port counts, view counts) as the KNIME framework does. */
    private static Object call(final Object target, final Class<?> declaring, final String name, final Object... args)
        throws Exception {
        for (final Method m : declaring.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(declaring.getName() + "." + name);
    }

    private static List<Element> elements(final Element parent, final String tag) {
        final List<Element> found = new ArrayList<>();
        final NodeList all = parent.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            found.add((Element) all.item(i));
        }
        return found;
    }
}
