package org.rmtlab.knime.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.rmtlab.knime.TestSettings;
import org.rmtlab.knime.dynamics.DynamicsSimulatorNodeFactory;
import org.rmtlab.knime.features.RandomFeatureNodeFactory;
import org.rmtlab.knime.generator.DataGeneratorNodeFactory;
import org.rmtlab.knime.resolvent.ResolventPredictorNodeFactory;
import org.rmtlab.knime.spectrum.SpectrumPlotNodeFactory;
import org.rmtlab.stub.testing.NodeHarness;
import org.rmtlab.stub.testing.SettingsXml;

/**
 * The example workflows shipped in {@code examples/}, defined in this one place and written in KNIME's
 * workflow directory format (workflow.knime plus one settings.xml per node, no data). Each node's settings
 * are what its node model saves after loading the defaults with the few values the example changes, so a
 * renamed or new setting shows up here (and {@link ExampleWorkflowsTest} fails until the examples are
 * regenerated).
 *
 * <p>Regenerate after changing a node's settings: {@code ./mvnw -B verify -Drmtlab.examples.write=true}
 * (or run {@link #main} with the repository root as argument).
 */
public final class ExampleWorkflows {
    static final String BUNDLE = "org.rmtlab.knime";
    static final String BUNDLE_NAME = "RMT Lab KNIME nodes";
    static final String VENDOR = "RMT Lab";
    static final String WORKFLOW_FILE = "workflow.knime";
    static final String SETTINGS_FILE = "settings.xml";

    /** One node of an example: its id, name (for the folder) and settings built through its model. */
    record Node(int id, String name, NodeFactory<? extends NodeModel> factory, NodeModel model) {
        String folder() {
            return name + " (#" + id + ")";
        }
    }

    /** A data connection; ports count from 1 as in workflow.knime (port 0 is the flow-variable port). */
    record Connection(int source, int sourcePort, int dest, int destPort) {
    }

    /** One example workflow. */
    record Example(String name, String description, List<Node> nodes, List<Connection> connections) {
    }

    private ExampleWorkflows() {
    }

    /** Every example, in the order of the README. */
    static List<Example> all() throws InvalidSettingsException {
        final List<Example> all = new ArrayList<>();
        all.add(new Example("01_Marchenko-Pastur",
            "Marchenko-Pastur law. The Data Generator draws n = 512 Gaussian samples of dimension p = 256 "
                + "(x ~ N(0, I_p/p), so c = p/n = 0.5); the Spectrum Plot computes the eigenvalues of the sample "
                + "covariance matrix and draws their histogram under the Marchenko-Pastur density with ratio c = 0.5 "
                + "and variance estimated from the data. You will see the histogram follow the curve on its support "
                + "[(1 - sqrt(c))^2, (1 + sqrt(c))^2] with no eigenvalue outside it; the eigenvalue table and the flow "
                + "variable ks_distance give the Kolmogorov-Smirnov distance to the law (a few percent). "
                + "Reproduces Marchenko and Pastur (1967) as presented in Couillet and Liao, Random Matrix Methods "
                + "for Machine Learning (2022), Chapter 2.",
            List.of(node(1, "Data Generator", new DataGeneratorNodeFactory(), "model", "gaussian"),
                node(2, "Spectrum Plot", new SpectrumPlotNodeFactory())),
            List.of(new Connection(1, 1, 2, 1))));
        all.add(new Example("02_Double-descent",
            "Double descent of random-features ridge regression. The Data Generator draws a two-class Gaussian "
                + "mixture (n = 256 training and 256 test samples of dimension p = 128, ||mu||^2 = 4); the Resolvent "
                + "Predictor sweeps the number of ReLU random features N from N/n = 0.1 to 10 and plots the training "
                + "and test errors predicted by the deterministic equivalent of the resolvent beside a Monte-Carlo "
                + "simulation (3 trials), for the ridge penalties gamma = 1e-4, 1e-2 and 1. You will see the test "
                + "error peak at the interpolation threshold N/n = 1 for the small gamma and the peak flatten as "
                + "gamma grows. The sizes are half of the nodes' defaults so that the workflow runs in seconds; raise n, p "
                + "and the trials for smoother curves. Reproduces Liao, Couillet and Mahoney, A random matrix "
                + "approach to random feature maps and double descent (NeurIPS 2020), Figure 2.",
            List.of(node(1, "Data Generator", new DataGeneratorNodeFactory(), "n", 256, "n_test", 256, "p", 128),
                node(2, "Resolvent Predictor", new ResolventPredictorNodeFactory(), "trials", 3)),
            List.of(new Connection(1, 1, 2, 1), new Connection(1, 2, 2, 2))));
        all.add(new Example("03_Learning-dynamics",
            "Learning dynamics of gradient descent on a two-class Gaussian mixture. The Dynamics Simulator runs "
                + "gradient flow on the squared loss of a single-layer network (p = 256, n = 512, ||mu||^2 = 2, "
                + "initial weight variance 0.1, no regularisation) and plots the training and test "
                + "misclassification errors over time, theory beside a Monte-Carlo simulation. You will see the "
                + "training error keep falling while the test error reaches a minimum and then rises again: "
                + "overfitting, and the time at the minimum is where early stopping should stop. Reproduces Liao "
                + "and Couillet, The dynamics of learning: a random matrix approach (ICML 2018), Figure 2.",
            List.of(node(1, "Dynamics Simulator", new DynamicsSimulatorNodeFactory())),
            List.of()));
        all.add(new Example("04_Nonlinear-random-features",
            "Spectrum of nonlinear random features. The Data Generator draws n = 512 Gaussian samples of "
                + "dimension p = 256; the Random Feature Map sends each through N = 512 ReLU random features "
                + "relu(Wx) with Gaussian weights W; the upper Spectrum Plot draws the eigenvalue histogram of the "
                + "features' sample covariance (c = N/n = 1) under the Marchenko-Pastur law of iid entries with "
                + "the same variance, for comparison. You will see that the features are not iid: ReLU has a "
                + "non-zero mean, so the largest eigenvalue stands some forty times beyond the Marchenko-Pastur "
                + "edge, a few more eigenvalues are marked as outliers in the eigenvalue table, and the bulk departs "
                + "from the curve (Kolmogorov-Smirnov distance about 0.2, against a few percent for iid data in "
                + "example 1). "
                + "The lower Spectrum Plot applies the same map itself (same seed, so the same weights W), centres "
                + "each feature (which removes the mean's spike) and draws the deterministic equivalent of the "
                + "nonlinear Gram matrix instead: the histogram now follows the curve (Kolmogorov-Smirnov distance "
                + "below 0.01) up to its edge, with no outlier. Reproduces Louart, Liao and Couillet, A random "
                + "matrix approach to neural networks (Annals of Applied Probability 2018), Theorem 1, and the "
                + "observation of Pennington and Worah, Nonlinear random matrix theory for deep learning (NeurIPS "
                + "2017).",
            List.of(node(1, "Data Generator", new DataGeneratorNodeFactory(), "model", "gaussian"),
                node(2, "Random Feature Map", new RandomFeatureNodeFactory()),
                node(3, "Spectrum Plot", new SpectrumPlotNodeFactory()),
                node(4, "Spectrum Plot", new SpectrumPlotNodeFactory(), "random_features", true, "subtract_means",
                    true, "overlay", "nonlinear-gram", "bins", 50)),
            List.of(new Connection(1, 1, 2, 1), new Connection(2, 1, 3, 1), new Connection(1, 1, 4, 1))));
        all.add(new Example("05_One-gradient-step",
            "One gradient step of feature learning in a two-layer network. The Dynamics Simulator takes a ReLU "
                + "network of width 200 on inputs of dimension 100, trains its first layer by one large gradient "
                + "step on 200 samples of a single-index ReLU teacher (noise 0.2), and plots, against the step "
                + "size eta, the top singular value of the first-layer weights, theory beside simulation, with the "
                + "bulk edge and the threshold eta_c marked; the table also holds the overlap of the learned "
                + "weights with the teacher direction. You will see the top singular value leave the bulk and the "
                + "overlap become non-zero once eta passes eta_c. The sizes are half of the node's defaults (same "
                + "ratios width/p = n/p = 2) so that the workflow runs in seconds. Reproduces Ba, Erdogdu, Suzuki, "
                + "Wang, Wu and Yang, High-dimensional asymptotics of feature learning: how one gradient step "
                + "improves the representation (NeurIPS 2022).",
            List.of(node(1, "Dynamics Simulator", new DynamicsSimulatorNodeFactory(), "model", "one-step",
                "one-step_p", 100, "one-step_width", 200, "one-step_n", 200)),
            List.of()));
        all.add(new Example("06_Ridge-vs-ridgeless",
            "Ridge against ridgeless least squares around the interpolation threshold. Three Data Generators draw "
                + "a linear teacher y = x.beta*/sqrt(p) + 0.5 eps (signal variance 1, noise standard deviation 0.5) "
                + "with n = 400 training and 2000 test samples, at dimension p = 200, 400 and 800, so c = p/n = 0.5, "
                + "1 and 2 (top to bottom). Each Resolvent Predictor (linear-ridge mode) fits ridge regression on "
                + "its table for 25 penalties gamma from 1e-6 to 1 and plots the training and test errors of the fit "
                + "beside the theory for isotropic features with the teacher's true signal and noise. The smallest "
                + "penalty is practically ridgeless (the minimum-norm interpolator for c >= 1). You will see the "
                + "ridgeless test error stay moderate at c = 0.5 (0.5) and c = 2 (1.0) but explode at c = 1 (above "
                + "4, and growing without bound as gamma goes to 0), while the test error at the optimal penalty, "
                + "marked on each chart, stays bounded (0.43, 0.64, 0.89), below the null risk 1.25 of predicting "
                + "0. The fit follows the theory within about 7% (the drawn teacher's norm and the finite test "
                + "set), except for the very smallest penalties at c = 1, where the few smallest eigenvalues of "
                + "the sample covariance carry the error and fluctuate at any size. The node sweeps gamma at the "
                + "table's fixed "
                + "p/n, so p/n is swept by the three branches; change p in a Data Generator to see another point of "
                + "the curve. Reproduces Hastie, Montanari, Rosset and Tibshirani, Surprises in high-dimensional "
                + "ridgeless least squares interpolation (Annals of Statistics 2022), Theorems 1, 2 and 5.",
            List.of(teacher(1, 200), teacher(2, 400), teacher(3, 800),
                node(4, "Resolvent Predictor", new ResolventPredictorNodeFactory(), "mode", "linear-ridge", "gammas",
                    RIDGE_GAMMAS, "estimate_signal_noise", false),
                node(5, "Resolvent Predictor", new ResolventPredictorNodeFactory(), "mode", "linear-ridge", "gammas",
                    RIDGE_GAMMAS, "estimate_signal_noise", false),
                node(6, "Resolvent Predictor", new ResolventPredictorNodeFactory(), "mode", "linear-ridge", "gammas",
                    RIDGE_GAMMAS, "estimate_signal_noise", false)),
            List.of(new Connection(1, 1, 4, 1), new Connection(1, 2, 4, 2), new Connection(2, 1, 5, 1),
                new Connection(2, 2, 5, 2), new Connection(3, 1, 6, 1), new Connection(3, 2, 6, 2))));
        all.add(new Example("07_Ridge-early-stopping",
            "Early stopping in linear regression. The Dynamics Simulator trains linear regression (p = 256, "
                + "n = 512, teacher norm 1, label-noise variance 0.25, no ridge penalty) by gradient flow from zero "
                + "and plots the training loss and the excess test risk over the training time tau, the theory "
                + "(Marchenko-Pastur integrals) beside a Monte-Carlo simulation (5 trials). You will see the "
                + "training loss fall throughout while the test risk falls to a minimum of 0.182 at tau* = 4.0 and "
                + "then climbs back to the ridgeless least-squares limit s^2 c/(1 - c) = 0.25: stopping at tau* acts "
                + "like an optimally tuned ridge penalty. The flow variables tau_star and test_at_tau_star hold the "
                + "optimum. The regression counterpart of the classification dynamics of Liao and Couillet, The "
                + "dynamics of learning: a random matrix approach (ICML 2018); the limit is that of Hastie, "
                + "Montanari, Rosset and Tibshirani (Annals of Statistics 2022).",
            List.of(node(1, "Dynamics Simulator", new DynamicsSimulatorNodeFactory(), "model", "ridge")),
            List.of()));
        all.add(new Example("08_Non-monotone-test-loss",
            "Non-monotone test loss of random features without label noise. The Dynamics Simulator trains a "
                + "linear random-feature model (input dimension D = 400, N = 200 features, P = 480 samples: "
                + "psi_N = N/D = 0.5, psi_P = P/D = 1.2, noiseless labels) by gradient flow and plots the training "
                + "loss, the test risk and the test risk of the Hermitian counterpart (a symmetric flow with the "
                + "same spectrum) over time, the resolvent theory beside a Monte-Carlo simulation (5 trials). You "
                + "will see the training loss keep falling and the test risk fall to a minimum of 0.737 at t = 1.1 "
                + "and rise again towards 6/7 = 0.857, although the labels carry no noise, while the Hermitian "
                + "counterpart decreases monotonically to 1 - psi_N = 0.5: the rise comes from the non-symmetric "
                + "dynamics of the features, not from fitting noise. Reproduces Bordelon and Pehlevan, Disordered "
                + "dynamics in high dimensions: connections to random matrices and machine learning (2026), the "
                + "non-monotone test loss of random-feature gradient flow.",
            List.of(node(1, "Dynamics Simulator", new DynamicsSimulatorNodeFactory(), "model", "random-features")),
            List.of()));
        all.add(new Example("09_Deep-linear-finite-data",
            "A deep linear network trained on a finite data set. The Dynamics Simulator trains a network of three "
                + "linear layers (input dimension D = 200, hidden width N = 200) by gradient flow in the "
                + "feature-learning scaling (gamma0 = 1, initial weights of standard deviation 0.5 for the readout "
                + "and 1 for the hidden layers) on P = 300 samples of a linear teacher with label noise 0.3, and "
                + "plots the training loss and the test risk over the flow time t from 0.1 to 4, the dynamical "
                + "mean-field theory beside a Monte-Carlo simulation (5 trials). You will see both fall, the "
                + "training loss faster: by t = 4 the network fits its 300 samples (training loss about 0.05) much "
                + "better than it predicts new ones (test risk about 0.19), and the simulation follows the theory "
                + "within a few percent at this size. Change P (training samples) to see the gap close as data "
                + "grow, or the depth to 2. The theory is the dynamical mean-field theory of deep linear networks "
                + "on random data of Bordelon and Pehlevan, Disordered dynamics in high dimensions (2026), and "
                + "Bordelon et al., Deep linear network training dynamics from random initialization (2025).",
            List.of(node(1, "Dynamics Simulator", new DynamicsSimulatorNodeFactory(), "model", "deep-linear",
                "deep-linear_depth", 3, "deep-linear_p", 200, "deep-linear_width", 200, "deep-linear_n", 300,
                "deep-linear_gamma0", 1.0, "deep-linear_sigma_a", 0.5, "deep-linear_sigma_w", 1.0,
                "deep-linear_noise", 0.3, "deep-linear_time_from", 0.1, "deep-linear_time_to", 4.0,
                "deep-linear_time_count", 20)),
            List.of()));
        return all;
    }

    /** Example 6's penalties: log-spaced over six decades around the optimum s^2 c v / tau^2 = s^2 / n. */
    static final String RIDGE_GAMMAS = "1e-6:1:25";
    /** Example 6's training samples; the dimensions p = 100, 200, 400 put c = p/n at 0.5, 1 and 2. */
    static final int RIDGE_N = 400;

    /** Example 6's data: the linear teacher with noise 0.5 at dimension p, n = 200, 1000 test samples. */
    private static Node teacher(final int id, final int p) throws InvalidSettingsException {
        return node(id, "Data Generator", new DataGeneratorNodeFactory(), "model", "teacher", "n", RIDGE_N, "n_test",
            2000, "p", p, "noise", 0.5);
    }

    /**
     * A node whose model loaded its defaults changed by the given key-value pairs. A key the model does not
     * save is an error: the example would set nothing.
     */
    static Node node(final int id, final String name, final NodeFactory<? extends NodeModel> factory,
        final Object... keyValues) throws InvalidSettingsException {
        final NodeHarness<? extends NodeModel> harness = NodeHarness.of(factory);
        final NodeSettings s = harness.saveSettings();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!s.containsKey((String) keyValues[i])) {
                throw new IllegalStateException(name + " has no setting '" + keyValues[i] + "'; its keys are "
                    + s.keySet());
            }
        }
        TestSettings.put(s, keyValues);
        harness.loadSettings(s);
        return new Node(id, name, factory, harness.model());
    }

    /** Writes the example's workflow directory {@code <parent>/<name>}, replacing what was there. */
    static Path write(final Example example, final Path parent) throws IOException {
        final Path dir = parent.resolve(example.name());
        delete(dir);
        Files.createDirectories(dir);
        final NodeSettings wf = new NodeSettings(WORKFLOW_FILE);
        wf.addString("version", "5.1.0");
        wf.addString("created_by", "RMT Lab example generator");
        wf.addString("name", example.name());
        wf.addString("customDescription", example.description());
        wf.addString("state", "CONFIGURED");
        wf.addNodeSettings("workflow_credentials");
        final Map<Integer, int[]> layout = layout(example);
        final NodeSettingsWO nodes = wf.addNodeSettings("nodes");
        for (Node n : example.nodes()) {
            final NodeSettingsWO entry = nodes.addNodeSettings("node_" + n.id());
            entry.addInt("id", n.id());
            entry.addString("node_settings_file", n.folder() + "/" + SETTINGS_FILE);
            entry.addBoolean("node_is_meta", false);
            entry.addString("node_type", "NativeNode");
            entry.addString("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            final int[] cell = layout.get(n.id());
            entry.addNodeSettings("ui_settings").addIntArray("extrainfo.node.bounds", 100 + 200 * cell[0],
                100 + 150 * cell[1], 122, 77);
            writeNode(n, dir.resolve(n.folder()));
        }
        final NodeSettingsWO connections = wf.addNodeSettings("connections");
        int c = 0;
        for (Connection con : example.connections()) {
            final NodeSettingsWO entry = connections.addNodeSettings("connection_" + c++);
            entry.addInt("sourceID", con.source());
            entry.addInt("destID", con.dest());
            entry.addInt("sourcePort", con.sourcePort());
            entry.addInt("destPort", con.destPort());
        }
        SettingsXml.write(wf, dir.resolve(WORKFLOW_FILE));
        return dir;
    }

    /**
     * Canvas cells {column, row} by node id, left to right along the connections: a node's column is the
     * length of the longest path reaching it, except that nodes without outgoing connections (the results)
     * share the last column; within a column, rows follow the ids.
     */
    static Map<Integer, int[]> layout(final Example example) {
        final Map<Integer, Integer> column = new HashMap<>();
        example.nodes().forEach(n -> column.put(n.id(), 0));
        // the longest path has at most (number of nodes - 1) edges, so that many relaxation rounds suffice
        for (int round = 1; round < example.nodes().size(); round++) {
            for (Connection c : example.connections()) {
                column.merge(c.dest(), column.get(c.source()) + 1, Math::max);
            }
        }
        final int last = column.values().stream().max(Integer::compare).orElse(0);
        for (Node n : example.nodes()) {
            if (example.connections().stream().noneMatch(c -> c.source() == n.id())) {
                column.put(n.id(), last);
            }
        }
        final Map<Integer, int[]> cells = new HashMap<>();
        final Map<Integer, Integer> rows = new HashMap<>();
        example.nodes().stream().sorted(Comparator.comparingInt(Node::id)).forEach(n -> {
            final int col = column.get(n.id());
            cells.put(n.id(), new int[] {col, rows.merge(col, 1, Integer::sum) - 1});
        });
        return cells;
    }

    /** Deletes a directory tree if it exists. */
    static void delete(final Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void writeNode(final Node n, final Path folder) throws IOException {
        Files.createDirectories(folder);
        final NodeSettings s = new NodeSettings(SETTINGS_FILE);
        s.addString("node_file", SETTINGS_FILE);
        s.addNodeSettings("flow_stack");
        final NodeSettingsWO internal = s.addNodeSettings("internal_node_subsettings");
        internal.addString("memory_policy", "CacheSmallInMemory");
        saveModelSettings(n.model(), s.addNodeSettings("model"));
        s.addString("factory", n.factory().getClass().getName());
        s.addString("node-name", n.name());
        s.addString("node-bundle-name", BUNDLE_NAME);
        s.addString("node-bundle-symbolic-name", BUNDLE);
        s.addString("node-bundle-vendor", VENDOR);
        s.addString("state", "CONFIGURED");
        s.addBoolean("hasContent", false);
        s.addNodeSettings("ports");
        final NodeSettingsWO fileStores = s.addNodeSettings("filestores");
        fileStores.addString("file_store_location", null);
        fileStores.addString("file_store_id", null);
        SettingsXml.write(s, folder.resolve(SETTINGS_FILE));
    }

    /** Exactly what KNIME writes under "model": the node model's saveSettingsTo. */
    private static void saveModelSettings(final NodeModel model, final NodeSettingsWO target) {
        try {
            final Method save = NodeModel.class.getDeclaredMethod("saveSettingsTo", NodeSettingsWO.class);
            save.setAccessible(true);
            save.invoke(model, target);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("NodeModel.saveSettingsTo is not reachable", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("saveSettingsTo failed", e.getCause());
        }
    }

    /** Zips a workflow directory as a .knwf: the top-level folder is the workflow's name. */
    static void zip(final Path workflowDir, final Path knwf) throws IOException {
        Files.createDirectories(knwf.getParent());
        final Path base = workflowDir.getParent();
        try (OutputStream out = Files.newOutputStream(knwf); ZipOutputStream zip = new ZipOutputStream(out);
            Stream<Path> walk = Files.walk(workflowDir)) {
            for (Path p : walk.sorted().toList()) {
                final String name = base.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    zip.putNextEntry(new ZipEntry(name + "/"));
                } else {
                    zip.putNextEntry(new ZipEntry(name));
                    Files.copy(p, zip);
                }
                zip.closeEntry();
            }
        }
    }

    /** Writes every example into {@code <repository root>/examples}. */
    public static void main(final String[] args) throws Exception {
        final Path root = Path.of(args.length > 0 ? args[0] : "..");
        for (Example e : all()) {
            System.out.println("wrote " + write(e, root.resolve("examples")));
        }
    }
}
