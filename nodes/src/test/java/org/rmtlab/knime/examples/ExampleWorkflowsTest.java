package org.rmtlab.knime.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.rmtlab.knime.examples.ExampleWorkflows.Example;
import org.rmtlab.stub.testing.NodeHarness;
import org.rmtlab.stub.testing.SettingsXml;
import org.rmtlab.stub.testing.Tables;

/**
 * The committed example workflows: up to date with {@link ExampleWorkflows}, loadable (factories registered,
 * settings valid), and showing what their descriptions promise when replayed through the stub runtime. Also
 * packs each as {@code target/examples/<name>.knwf}.
 */
class ExampleWorkflowsTest {
    /** Surefire runs in the nodes module; the examples live at the repository root. */
    private static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().resolve("examples");
    private static final Path PLUGIN_XML = Path.of("plugin.xml");
    private static final Path KNWF = Path.of("target", "examples");
    private static final String REGENERATE = "./mvnw -B verify -Drmtlab.examples.write=true";

    /**
     * With -Drmtlab.examples.write=true the examples are regenerated (and folders of examples no longer
     * defined deleted) before any test reads them.
     */
    @BeforeAll
    static void regenerateIfAsked() throws Exception {
        if (Boolean.getBoolean("rmtlab.examples.write")) {
            final List<String> names = new ArrayList<>();
            for (Example e : ExampleWorkflows.all()) {
                ExampleWorkflows.write(e, EXAMPLES);
                names.add(e.name());
            }
            for (String old : committed()) {
                if (!names.contains(old)) {
                    ExampleWorkflows.delete(EXAMPLES.resolve(old));
                }
            }
        }
    }

    @Test
    void committedExamplesAreUpToDate(@TempDir final Path tmp) throws Exception {
        final List<String> names = new ArrayList<>();
        for (Example e : ExampleWorkflows.all()) {
            ExampleWorkflows.write(e, tmp);
            names.add(e.name());
        }
        assertEquals(names, committed(), "examples/ holds other workflows than ExampleWorkflows.all(); run "
            + REGENERATE);
        for (String name : names) {
            final Map<String, String> want = files(tmp.resolve(name));
            final Map<String, String> have = files(EXAMPLES.resolve(name));
            assertEquals(want.keySet(), have.keySet(), name + ": files differ from the generator's; run " + REGENERATE);
            for (Map.Entry<String, String> f : want.entrySet()) {
                assertEquals(f.getValue(), have.get(f.getKey()),
                    name + "/" + f.getKey() + " is stale; regenerate with " + REGENERATE);
            }
        }
    }

    /** Every node's factory is registered, its settings.xml has what KNIME needs, its model settings validate. */
    @Test
    void everyNodeLoads() throws Exception {
        final List<String> registered = registeredFactories();
        for (String name : committed()) {
            final NodeSettings wf = SettingsXml.read(EXAMPLES.resolve(name).resolve(ExampleWorkflows.WORKFLOW_FILE));
            assertTrue(wf.containsKey("workflow_credentials"), name);
            assertFalse(wf.getString("customDescription").isBlank(), name);
            final NodeSettings nodes = wf.getNodeSettings("nodes");
            assertFalse(nodes.keySet().isEmpty(), name);
            for (String key : nodes.keySet()) {
                final NodeSettings entry = nodes.getNodeSettings(key);
                final NodeSettings s =
                    SettingsXml.read(EXAMPLES.resolve(name).resolve(entry.getString("node_settings_file")));
                for (String required : List.of("factory", "node-name", "node-bundle-name", "node-bundle-symbolic-name",
                    "node-bundle-vendor", "node_file", "state", "model", "flow_stack", "internal_node_subsettings")) {
                    assertTrue(s.containsKey(required), name + " " + key + " lacks " + required);
                }
                assertEquals(ExampleWorkflows.BUNDLE, s.getString("node-bundle-symbolic-name"));
                assertTrue(registered.contains(s.getString("factory")),
                    name + ": " + s.getString("factory") + " is not registered in plugin.xml");
                final NodeHarness<?> node = NodeHarness.of(factory(s.getString("factory")));
                node.validateSettings(s.getNodeSettings("model"));
                assertEquals(node.saveSettings().keySet(), s.getNodeSettings("model").keySet(),
                    name + " " + key + ": the model config must hold exactly the keys the node saves");
            }
            final NodeSettings cons = wf.getNodeSettings("connections");
            for (String key : cons.keySet()) {
                assertTrue(cons.getNodeSettings(key).getInt("sourcePort") >= 1, "data ports start at 1");
                assertTrue(cons.getNodeSettings(key).getInt("destPort") >= 1, "data ports start at 1");
            }
        }
    }

    /** The Marchenko-Pastur law fits: KS distance small, no eigenvalue outside the support. */
    @Test
    void marchenkoPasturReplay() throws Exception {
        final NodeHarness<?> plot = replay("01_Marchenko-Pastur").get(2);
        final double ks = ((Number) plot.flowVariables().get("ks_distance")).doubleValue();
        // p = 256 eigenvalues: finite-size KS distance is a few percent (fluctuations O(1/p), edge effects)
        assertTrue(ks < 0.05, "KS distance " + ks);
        assertEquals(0, ((Number) plot.flowVariables().get("outlier_count")).intValue());
    }

    /** The test error of the smallest gamma peaks at the interpolation threshold N/n = 1. */
    @Test
    void doubleDescentReplay() throws Exception {
        final BufferedDataTable curves = replay("02_Double-descent").get(2).table(0);
        final double[] gamma = Tables.doubles(curves, "gamma");
        final double smallest = Arrays.stream(gamma).min().orElseThrow();
        final double[] ratio = select(Tables.doubles(curves, "N_over_n"), gamma, smallest);
        final double[] test = select(Tables.doubles(curves, "test_theory"), gamma, smallest);
        final double[] sim = select(Tables.doubles(curves, "test_sim"), gamma, smallest);
        final int peak = argMax(test);
        // the grid is log-spaced with N/n = 1 at its middle; the neighbours are 10^(+-1/15) = 0.86 and 1.17
        assertTrue(ratio[peak] > 0.8 && ratio[peak] < 1.25, "test error peaks at N/n = " + ratio[peak]);
        final int last = test.length - 1;
        assertTrue(test[peak] > 2 * test[0] && test[peak] > 2 * test[last], "no clear peak " + test[peak]);
        // the simulation (3 trials) shows the same peak: its maximum is within one grid step of the theory's
        assertTrue(Math.abs(argMax(sim) - peak) <= 1, "simulated peak at N/n = " + ratio[argMax(sim)]);
    }

    /** Overfitting: the test error falls to a minimum, then rises while the training error keeps falling. */
    @Test
    void learningDynamicsReplay() throws Exception {
        final BufferedDataTable curves = replay("03_Learning-dynamics").get(1).table(0);
        final double[] test = Tables.doubles(curves, "test_theory");
        final double[] sim = Tables.doubles(curves, "test_sim");
        int min = 0;
        for (int i = 1; i < test.length; i++) {
            if (test[i] < test[min]) {
                min = i;
            }
        }
        final int last = test.length - 1;
        assertTrue(min > 0 && min < last, "no interior minimum");
        // theory: 0.127 at the minimum, 0.186 at the end; the simulation (5 trials, p = 256) has a standard error
        // of about 0.01, far below the rise of 0.06
        assertTrue(test[last] > test[min] + 0.03, "the test error does not rise after its minimum");
        assertTrue(sim[last] > sim[min] + 0.03, "the simulated test error does not rise after its minimum");
    }

    /** ReLU features are not iid: a mean-driven spike far beyond the MP edge and a bulk away from MP. */
    @Test
    void nonlinearFeaturesReplay() throws Exception {
        final NodeHarness<?> plot = replay("04_Nonlinear-random-features").get(3);
        final double[] eig = Tables.doubles(plot.table(0), "eigenvalue");
        assertEquals(512, eig.length, "one eigenvalue per feature");
        final double edge = ((Number) plot.flowVariables().get("upper_edge")).doubleValue();
        // the mean of relu(w.x) adds a rank-one term of norm about N E[relu]^2 ~ N/(2 pi) times the scale: tens
        // of times the edge, while fluctuations of the top bulk eigenvalue are O(p^(-2/3)) of it
        assertTrue(Arrays.stream(eig).max().getAsDouble() > 10 * edge, "no spike beyond the edge " + edge);
        assertTrue(((Number) plot.flowVariables().get("outlier_count")).intValue() >= 1);
        // iid data at this size stays below 0.05 (example 1); the ReLU bulk is measurably different
        assertTrue(((Number) plot.flowVariables().get("ks_distance")).doubleValue() > 0.1);
    }

    /** Below the threshold eta_c no overlap with the teacher; above it the top singular value leaves the bulk. */
    @Test
    void oneStepReplay() throws Exception {
        final BufferedDataTable curves = replay("05_One-gradient-step").get(1).table(0);
        final double[] overlap = Tables.doubles(curves, "overlap_beta_theory");
        final double[] overlapSim = Tables.doubles(curves, "overlap_beta_sim");
        final double[] top = Tables.doubles(curves, "top_sv_theory");
        final double[] bulk = Tables.doubles(curves, "second_sv_sim");
        final int last = overlap.length - 1;
        assertEquals(0, overlap[0], 0.0, "no overlap below the threshold");
        assertTrue(overlap[last] > 0.3, "overlap " + overlap[last] + " at the largest step");
        // finite size p = 100: the simulated overlap fluctuates by O(1/sqrt(p)) = 0.1 around the theory
        assertEquals(overlap[last], overlapSim[last], 0.1, "simulated overlap at the largest step");
        assertTrue(top[last] > bulk[last] + 0.1, "the top singular value stays in the bulk");
    }

    private static double[] select(final double[] values, final double[] key, final double wanted) {
        return java.util.stream.IntStream.range(0, values.length).filter(i -> key[i] == wanted)
            .mapToDouble(i -> values[i]).toArray();
    }

    private static int argMax(final double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Packs each committed example as a .knwf whose single top-level folder is the workflow. */
    @Test
    void packKnwf() throws Exception {
        ExampleWorkflows.delete(KNWF);
        for (String name : committed()) {
            final Path knwf = KNWF.resolve(name + ".knwf");
            ExampleWorkflows.zip(EXAMPLES.resolve(name), knwf);
            try (ZipFile zip = new ZipFile(knwf.toFile())) {
                assertTrue(zip.stream().allMatch(e -> e.getName().startsWith(name + "/")), name);
                assertTrue(zip.getEntry(name + "/" + ExampleWorkflows.WORKFLOW_FILE) != null, name);
            }
        }
    }

    // ---- replay -----------------------------------------------------------------------------------

    /** Loads the committed workflow and executes its nodes in topological order; returns them by id. */
    private static Map<Integer, NodeHarness<?>> replay(final String name) throws Exception {
        final Path dir = EXAMPLES.resolve(name);
        final NodeSettings wf = SettingsXml.read(dir.resolve(ExampleWorkflows.WORKFLOW_FILE));
        final Map<Integer, NodeHarness<?>> nodes = new LinkedHashMap<>();
        final NodeSettings nodeList = wf.getNodeSettings("nodes");
        for (String key : nodeList.keySet()) {
            final NodeSettings entry = nodeList.getNodeSettings(key);
            final NodeSettings s = SettingsXml.read(dir.resolve(entry.getString("node_settings_file")));
            final NodeHarness<?> node = NodeHarness.of(factory(s.getString("factory")));
            node.loadSettings(s.getNodeSettings("model"));
            nodes.put(entry.getInt("id"), node);
        }
        final List<int[]> edges = new ArrayList<>();
        final NodeSettings cons = wf.getNodeSettings("connections");
        for (String key : cons.keySet()) {
            final NodeSettings c = cons.getNodeSettings(key);
            edges.add(new int[] {c.getInt("sourceID"), c.getInt("sourcePort"), c.getInt("destID"), c.getInt("destPort")});
        }
        final Map<Integer, Integer> indegree = new HashMap<>();
        nodes.keySet().forEach(id -> indegree.put(id, 0));
        edges.forEach(e -> indegree.merge(e[2], 1, Integer::sum));
        final Deque<Integer> ready = new ArrayDeque<>();
        indegree.forEach((id, d) -> {
            if (d == 0) {
                ready.add(id);
            }
        });
        int executed = 0;
        while (!ready.isEmpty()) {
            final int id = ready.poll();
            final NodeHarness<?> node = nodes.get(id);
            final PortObject[] inputs = new PortObject[inPorts(node.model())];
            for (int[] e : edges) {
                if (e[2] == id) {
                    // port 0 is the flow-variable port: data port k is model port k - 1
                    inputs[e[3] - 1] = nodes.get(e[0]).output(e[1] - 1);
                }
            }
            node.execute(inputs);
            executed++;
            for (int[] e : edges) {
                if (e[0] == id && indegree.merge(e[2], -1, Integer::sum) == 0) {
                    ready.add(e[2]);
                }
            }
        }
        assertEquals(nodes.size(), executed, name + ": the connections have a cycle");
        return nodes;
    }

    private static int inPorts(final NodeModel model) throws Exception {
        final Method m = NodeModel.class.getDeclaredMethod("getNrInPorts");
        m.setAccessible(true);
        return (Integer) m.invoke(model);
    }

    @SuppressWarnings("unchecked")
    private static NodeFactory<NodeModel> factory(final String className) throws Exception {
        return (NodeFactory<NodeModel>) Class.forName(className).getDeclaredConstructor().newInstance();
    }

    private static List<String> registeredFactories() throws IOException {
        final List<String> out = new ArrayList<>();
        final Matcher m = Pattern.compile("factory-class=\"([^\"]+)\"").matcher(Files.readString(PLUGIN_XML));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> committed() throws IOException {
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> files(final Path dir) throws IOException {
        final Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }
}
