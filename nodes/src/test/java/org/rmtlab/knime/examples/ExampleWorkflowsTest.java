package org.rmtlab.knime.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.rmtlab.core.dynamics.DeepLinearNetwork;
import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.EarlyStopping;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.core.dynamics.LearningCurves;
import org.rmtlab.core.dynamics.NonMonotoneTestLoss;
import org.rmtlab.core.dynamics.RidgeDynamics;
import org.rmtlab.core.dynamics.TestLossMinimum;
import org.rmtlab.knime.common.ChartSource;
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
    /** The README's figures of examples that no gallery figure shows. */
    private static final Path FIGURES = EXAMPLES.getParent().resolve("docs").resolve("examples");
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

    /**
     * ReLU features are not iid: against Marchenko-Pastur, a mean-driven spike far beyond the edge and a bulk
     * away from the law; the nonlinear Gram law of the same features fits the bulk and flags the spike.
     */
    @Test
    void nonlinearFeaturesReplay() throws Exception {
        final Map<Integer, NodeHarness<?>> nodes = replay("04_Nonlinear-random-features");
        final NodeHarness<?> plot = nodes.get(3);
        final NodeHarness<?> gram = nodes.get(4);
        final double[] eig = Tables.doubles(plot.table(0), "eigenvalue");
        assertEquals(512, eig.length, "one eigenvalue per feature");
        final double edge = ((Number) plot.flowVariables().get("upper_edge")).doubleValue();
        // the mean of relu(w.x) adds a rank-one term of norm about N E[relu]^2 ~ N/(2 pi) times the scale: tens
        // of times the edge, while fluctuations of the top bulk eigenvalue are O(p^(-2/3)) of it
        assertTrue(Arrays.stream(eig).max().getAsDouble() > 10 * edge, "no spike beyond the edge " + edge);
        assertTrue(((Number) plot.flowVariables().get("outlier_count")).intValue() >= 1);
        // iid data at this size stays below 0.05 (example 1); the ReLU bulk is measurably different
        assertTrue(((Number) plot.flowVariables().get("ks_distance")).doubleValue() > 0.1);
        // The second plot maps the same data with the same seed, hence the same W and features, but centres each
        // feature: the mean's spike is gone and its largest eigenvalue is at the top of the same bulk
        final double[] centred = Tables.doubles(gram.table(0), "eigenvalue");
        assertEquals(eig.length, centred.length);
        final double top = Arrays.stream(centred).max().getAsDouble();
        final double gramEdge = ((Number) gram.flowVariables().get("upper_edge")).doubleValue();
        // LLC18's law of the centred features fits: N = 512 eigenvalues, whose empirical law fluctuates around the
        // limit by O(1/N) in the bulk (rigidity) plus O(N^(-1/2)) corrections of the deterministic equivalent at
        // this size; against 0.2 for Marchenko-Pastur above
        final double ks = ((Number) gram.flowVariables().get("ks_distance")).doubleValue();
        assertTrue(ks < 0.03, "KS distance to the nonlinear Gram law " + ks);
        assertEquals(0, ((Number) gram.flowVariables().get("outlier_count")).intValue(), "outliers");
        // the top bulk eigenvalue fluctuates around the edge by O(N^(-2/3)) of it
        assertEquals(gramEdge, top, 0.1 * gramEdge, "largest eigenvalue against the edge of the law");
        figure("04_Nonlinear-random-features", gram);
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

    /**
     * Ridgeless regression (the smallest gamma, 1e-6: a penalty per unit feature variance gamma/v of 2e-4 to
     * 8e-4, far below the optimal s^2 c/tau^2) has a bounded risk at c = 0.5 and 2 and a huge one at c = p/n = 1,
     * while the optimally tuned ridge stays below the null risk tau^2 + s^2 at every c; the fit on the table
     * follows the theory.
     */
    @Test
    void ridgeVersusRidgelessReplay() throws Exception {
        final Map<Integer, NodeHarness<?>> nodes = replay("06_Ridge-vs-ridgeless");
        final double[] ratios = {0.5, 1, 2};
        final double[] ridgeless = new double[3];
        final double[] ridgelessFit = new double[3];
        final double nullRisk = 1 + 0.5 * 0.5;
        for (int b = 0; b < 3; b++) {
            final NodeHarness<?> node = nodes.get(4 + b);
            final BufferedDataTable t = node.table(0);
            final double[] gamma = Tables.doubles(t, "gamma");
            final double[] theory = Tables.doubles(t, "test_theory");
            final double[] fit = Tables.doubles(t, "test_sim");
            assertEquals(ratios[b], Tables.doubles(t, "N_over_n")[0], 1e-12, "c = p/n of branch " + b);
            ridgeless[b] = theory[0];
            ridgelessFit[b] = fit[0];
            final int best = argMin(theory);
            // optimally tuned ridge: bounded, below the null risk and far below ridgeless at c = 1
            assertTrue(theory[best] < nullRisk && fit[argMin(fit)] < nullRisk,
                "tuned ridge at c = " + ratios[b] + ": " + theory[best]);
            // the grid minimum sits next to the theory's optimal gamma = s^2 c v / tau^2 (grid step 10^(1/4))
            final double optimal = ((Number) node.flowVariables().get("ridge_optimal_gamma")).doubleValue();
            assertEquals(0, Math.log10(gamma[best] / optimal), 0.25, "optimal gamma at c = " + ratios[b]);
            // The fit against the theory. The theory takes tau^2 = 1 while the drawn teacher has ||beta*||^2/p,
            // which fluctuates by sqrt(2/p) (0.05 to 0.1 here), and the test error is a mean over n_test = 2000
            // squared errors (relative s.e. sqrt(2/2000) = 3%): three such standard deviations. At c = 1 the
            // smallest penalties (gamma < 1e-5) are left out: there the risk is carried by the few smallest
            // eigenvalues of the sample covariance (the hard edge, O(1/n^2)), which fluctuate at any size.
            final int p = (int) Math.round(ratios[b] * ExampleWorkflows.RIDGE_N);
            for (int i = 0; i < gamma.length; i++) {
                if (ratios[b] == 1 && gamma[i] < 1e-5) {
                    continue;
                }
                final double tolerance = 3 * Math.sqrt(2.0 / p + 2 * theory[i] * theory[i] / 2000);
                assertEquals(theory[i], fit[i], tolerance, "c = " + ratios[b] + ", gamma = " + gamma[i]);
            }
        }
        // ridgeless peaks at c = 1. Test error = excess risk + noise s^2 = 0.25: at c = 0.5 the excess is
        // s^2 c/(1 - c) = 0.25, at c = 2 it is r^2 (1 - 1/c) + s^2/(c - 1) = 0.75 (HMRT Thms 1 and 2; gamma = 1e-6
        // lowers them by less than 0.001); at c = 1 it grows like s^2 / sqrt(gamma/v) as gamma -> 0 (measured:
        // theory 6.4, fit 4.6)
        assertEquals(0.5, ridgeless[0], 0.01, "ridgeless theory at c = 0.5");
        assertEquals(1.0, ridgeless[2], 0.01, "ridgeless theory at c = 2");
        for (int b : new int[] {0, 2}) {
            assertTrue(ridgeless[1] > 4 * ridgeless[b] && ridgelessFit[1] > 3 * ridgelessFit[b],
                "no ridgeless peak at c = 1: " + Arrays.toString(ridgeless) + ", fit " + Arrays.toString(ridgelessFit));
        }
        figure("06_Ridge-vs-ridgeless", nodes.get(5));
    }

    /**
     * Early stopping: the test risk of gradient flow on ridgeless linear regression is lowest at tau* (the core's
     * {@link RidgeDynamics#earlyStopping()} for the same model), then climbs to the ridgeless limit s^2 c/(1 - c).
     */
    @Test
    void ridgeEarlyStoppingReplay() throws Exception {
        final NodeHarness<?> node = replay("07_Ridge-early-stopping").get(1);
        final BufferedDataTable curves = node.table(0);
        final double[] tau = Tables.doubles(curves, curves.getDataTableSpec().getColumnNames()[0]);
        final double[] test = Tables.doubles(curves, "test_theory");
        final double[] sim = Tables.doubles(curves, "test_sim");
        final double[] se = Tables.doubles(curves, "test_sim_se");
        final EarlyStopping.Optimum core = new RidgeDynamics(DynamicsDefaults.P, DynamicsDefaults.N,
            DynamicsDefaults.RIDGE_SIGNAL, DynamicsDefaults.RIDGE_NOISE, DynamicsDefaults.RIDGE_INIT,
            DynamicsDefaults.RIDGE_GAMMA, GradientMethod.flow()).earlyStopping();
        final double tauStar = ((Number) node.flowVariables().get("tau_star")).doubleValue();
        assertEquals(core.tau(), tauStar, 1e-9 * core.tau());
        assertEquals(core.value(), ((Number) node.flowVariables().get("test_at_tau_star")).doubleValue(), 1e-12);
        // the ridgeless limit s^2 c/(1 - c) at c = 1/2 and s^2 = 0.25, above the early-stopping risk
        final double limit = 0.25;
        assertEquals(limit, test[test.length - 1], 1e-6, "long-time limit");
        assertTrue(core.value() < limit - 0.05, "early stopping gains little: " + core.value());
        // the grid's minimum is a neighbour of tau* (100 log-spaced times: step 10^(5/99) = 1.12)
        final int min = argMin(test);
        assertTrue(tau[min] / tauStar < 1.13 && tauStar / tau[min] < 1.13, "grid minimum at " + tau[min]);
        assertTrue(test[min] >= core.value() - 1e-12, "the grid beats the optimum");
        // simulation (5 trials, p = 256): at the minimum within 3 standard errors of the theory, its own minimum
        // within two grid steps (the curve is flat there: 0.5% over a factor 1.3 in tau), and a rise to the end
        // larger than 2 standard errors (the trials share their data over time, so the rise is resolved better)
        assertEquals(test[min], sim[min], 3 * se[min], "simulated test risk at tau*");
        assertTrue(Math.abs(argMin(sim) - min) <= 2, "simulated minimum at tau = " + tau[argMin(sim)]);
        final int last = sim.length - 1;
        assertTrue(sim[last] > sim[argMin(sim)] + 2 * se[argMin(sim)], "the simulated risk does not rise");
    }

    /**
     * Non-monotone test loss without label noise (Bordelon and Pehlevan): the random-feature flow's test risk has
     * an interior minimum and rises again, the Hermitian counterpart (same spectrum) decreases throughout.
     */
    @Test
    void nonMonotoneTestLossReplay() throws Exception {
        final NodeHarness<?> node = replay("08_Non-monotone-test-loss").get(1);
        final BufferedDataTable curves = node.table(0);
        final double[] t = Tables.doubles(curves, curves.getDataTableSpec().getColumnNames()[0]);
        final double[] test = Tables.doubles(curves, "test_theory");
        final double[] sim = Tables.doubles(curves, "test_sim");
        final double[] hermitian = Tables.doubles(curves, "hermitian_test_risk_theory");
        final double[] hermitianSim = Tables.doubles(curves, "hermitian_test_risk_sim");
        // the core's analysis of the same model: minimum 0.737 at t = 1.1, limit 6/7
        final TestLossMinimum core = NonMonotoneTestLoss.find(NonMonotoneTestLoss.EXAMPLE);
        assertTrue(core.nonMonotone());
        final double tStar = ((Number) node.flowVariables().get("t_star")).doubleValue();
        assertEquals(core.time(), tStar, 1e-6 * core.time());
        assertEquals(core.value(), ((Number) node.flowVariables().get("risk_at_t_star")).doubleValue(), 1e-9);
        assertEquals(6.0 / 7, core.limit(), 1e-12);
        final int min = argMin(test);
        final int last = test.length - 1;
        assertTrue(min > 0 && min < last, "no interior minimum");
        // 60 log-spaced times: step 10^(4/59) = 1.17
        assertTrue(t[min] / tStar < 1.18 && tStar / t[min] < 1.18, "grid minimum at " + t[min]);
        assertEquals(core.limit() - core.value(), test[last] - test[min], 0.01, "rise after the minimum");
        // the simulation (5 trials, D = 400) dips and rises too: the rise (theory 0.12) against standard errors of
        // 0.03 to 0.04 that mostly cancel in the difference, since each trial is one trajectory
        final int simMin = argMin(sim);
        assertTrue(simMin > 0 && simMin < last, "no interior minimum in the simulation");
        assertTrue(sim[last] > sim[simMin] + 0.05, "the simulated test risk does not rise: " + sim[simMin] + " -> "
            + sim[last]);
        // the Hermitian counterpart's loss is a spectral integral with positive weights exp(-2 t lambda): every
        // trial, hence the mean, is non-increasing, as is the theory; it ends at 1 - psiN = 0.5
        for (int i = 1; i < t.length; i++) {
            assertTrue(hermitian[i] <= hermitian[i - 1] + 1e-12, "Hermitian theory rises at t = " + t[i]);
            assertTrue(hermitianSim[i] <= hermitianSim[i - 1] + 1e-12, "Hermitian simulation rises at t = " + t[i]);
        }
        assertEquals(0.5, hermitian[last], 1e-3, "Hermitian limit 1 - psiN");
        assertTrue(hermitian[last] < test[min], "the Hermitian flow ends below the non-Hermitian minimum");
    }

    /**
     * A deep linear network on finite data: the node's theory is the core's DMFT for the same network (exactly),
     * the training loss ends well below the test risk, and the simulation (5 trials, D = 200) follows the theory
     * within 4 standard errors plus the finite-size gap of the DMFT, about 3% at D = 200 (measured against 40
     * trials when the theory was built; DeepLinearFiniteDataDemo).
     */
    @Test
    void deepLinearFiniteDataReplay() throws Exception {
        final NodeHarness<?> node = replay("09_Deep-linear-finite-data").get(1);
        final BufferedDataTable curves = node.table(0);
        final double[] t = Tables.doubles(curves, curves.getDataTableSpec().getColumnNames()[0]);
        final double[] train = Tables.doubles(curves, "train_theory");
        final double[] test = Tables.doubles(curves, "test_theory");
        final LearningCurves core = new DeepLinearNetwork(new DeepLinearNetwork.Config(3, 200, 200, 300, 1, 0.5, 1,
            0.3)).theory(t);
        assertArrayEquals(core.curve(DeepLinearNetwork.TRAIN_LOSS).values(), train, 0.0);
        assertArrayEquals(core.curve(DeepLinearNetwork.TEST_RISK).values(), test, 0.0);
        final int last = t.length - 1;
        assertTrue(train[last] < 0.5 * test[last], "no train/test gap: " + train[last] + " vs " + test[last]);
        for (String curve : new String[] {"train", "test"}) {
            final double[] theory = Tables.doubles(curves, curve + "_theory");
            final double[] sim = Tables.doubles(curves, curve + "_sim");
            final double[] se = Tables.doubles(curves, curve + "_sim_se");
            for (int i = 0; i < t.length; i++) {
                assertEquals(theory[i], sim[i], 4 * se[i] + 0.03 * theory[i], curve + " at t = " + t[i]);
            }
        }
    }

    /**
     * With -Drmtlab.examples.write=true, the chart of an example's key node as the README's figure
     * {@code docs/examples/<name>.png}.
     */
    private static void figure(final String example, final NodeHarness<?> node) throws IOException {
        if (Boolean.getBoolean("rmtlab.examples.write")) {
            Files.createDirectories(FIGURES);
            Files.write(FIGURES.resolve(example + ".png"), ((ChartSource) node.model()).chart().png());
        }
    }

    private static int argMin(final double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
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
            edges.add(
                new int[] {c.getInt("sourceID"), c.getInt("sourcePort"), c.getInt("destID"), c.getInt("destPort")});
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
