package org.rmtlab.knime.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.rmtlab.core.cli.DemoCommand;
import org.rmtlab.core.cli.Main;
import org.rmtlab.core.demo.DemoRunner;
import org.rmtlab.core.demo.Discrepancy;
import org.rmtlab.core.dynamics.DynamicsFigures;
import org.rmtlab.knime.TestSettings;
import org.rmtlab.knime.common.ChartSource;
import org.rmtlab.knime.dynamics.DynamicsSimulatorNodeFactory;
import org.rmtlab.knime.features.RandomFeatureNodeFactory;
import org.rmtlab.knime.generator.DataGeneratorNodeFactory;
import org.rmtlab.knime.resolvent.ResolventPredictorNodeFactory;
import org.rmtlab.knime.spectrum.SpectrumPlotNodeFactory;
import org.rmtlab.stub.testing.NodeHarness;
import org.rmtlab.stub.testing.Tables;

/**
 * The demo's figures are the nodes' figures: each case of {@code rmtlab demo --quick} that a node expresses is run
 * by the demo's own runner (which writes {@code NAME.csv} and {@code NAME.png}) and as a chain of nodes through the
 * stub runtime with the demo's settings, and the numbers and pictures are compared.
 *
 * <p>Exactly, bit for bit and pixel for pixel: the six dynamics cases through the Dynamics Simulator (the node
 * takes the demo's seed; both draw {@link DynamicsFigures#figure} at 900 x 600). The spectrum and double-descent
 * cases, whose demo figure is not one node's: {@code mp-spectrum} averages the histograms of 20 data sets and
 * {@code double-descent} draws its theory on a finer grid than it simulates; there the node's figure is compared
 * pixel for pixel with the command's {@code --plot} (built by the same function as the demo's figure:
 * {@code SpectrumFigures}, {@code DoubleDescentFigure}), the theory and the node's spectrum exactly, and what
 * depends on other random draws within its standard error: the node's one histogram against the demo's mean.
 * {@code double-descent} is exact, simulation included (both draw W from {@code Rng.simulationSeed}). {@code nonlinear-gram-spectrum} also
 * runs the Random Feature Map. {@code linear-ridge} draws fresh data at every p, where the Resolvent Predictor fits
 * one table: only the theory at the table's c is shared.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoParityTest {
    /** The demo cases in the order the tests below need them. */
    private static final List<String> CASES = List.of("gmm-overfitting", "ridge-early-stopping", "one-step-spike",
        "deep-linear-sigmoid", "deep-linear-finite-data", "random-features-nonmonotone", "mp-spectrum", "nonlinear-gram-spectrum",
        "double-descent");

    @TempDir
    static Path demoDir;
    /** One thread runs the quick demo's cases, in test order, while the tests run the nodes: half the wall time. */
    private static ExecutorService demo;
    private static final Map<String, Future<Path>> RUNS = new HashMap<>();

    @BeforeAll
    static void startTheDemo() {
        demo = Executors.newSingleThreadExecutor(r -> {
            final Thread t = new Thread(r, "quick demo");
            t.setDaemon(true);
            return t;
        });
        for (String name : CASES) {
            RUNS.put(name, demo.submit(() -> runDemo(name, demoDir)));
        }
    }

    @AfterAll
    static void stopTheDemo() {
        demo.shutdownNow();
    }

    /**
     * Settings of the Dynamics Simulator equal to the quick demo case: model, time grid, trials, seed 42, and the
     * model's settings the case changes ({@code key=value} pairs separated by spaces, keys without the model
     * prefix; integers and decimals as the settings are).
     */
    @Order(1)
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "gmm-overfitting, gmm, 0.01, 1000, 20, 20,",
        "ridge-early-stopping, ridge, 0.01, 1000, 20, 20,",
        "one-step-spike, one-step, 0.3, 30, 20, 20,",
        "deep-linear-sigmoid, deep-linear, 0.1, 12, 20, 20,",
        "deep-linear-finite-data, deep-linear, 0.1, 4, 10, 10, 'depth=3 p=200 width=200 n=300 gamma0=1.0 sigma_a=0.5 "
            + "sigma_w=1.0 noise=0.3'",
        "random-features-nonmonotone, random-features, 0.01, 100, 20, 10,"})
    void dynamicsSimulatorDrawsTheDemoFigure(final String demoCase, final String model, final double from,
        final double to, final int count, final int trials, final String changed) throws Exception {
        final Path csv = demo(demoCase);

        final NodeHarness<?> node = NodeHarness.of(new DynamicsSimulatorNodeFactory());
        final NodeSettings s = node.saveSettings();
        s.addString("model", model);
        s.addInt("trials", trials);
        s.addInt("seed", 42);
        s.addDouble(model + "_time_from", from);
        s.addDouble(model + "_time_to", to);
        s.addInt(model + "_time_count", count);
        if (changed != null) {
            for (String pair : changed.split(" ")) {
                final String[] kv = pair.split("=");
                final String key = model + "_" + kv[0];
                assertTrue(s.containsKey(key), "no setting " + key);
                TestSettings.put(s, key, kv[1].contains(".") ? (Object) Double.valueOf(kv[1]) : Integer.valueOf(kv[1]));
            }
        }
        node.loadSettings(s);
        node.execute((BufferedDataTable) null);

        assertSameNumbers(demoCase, csv, node.table(0));
        assertSamePixels(demoCase, Files.readAllBytes(csv.resolveSibling(demoCase + ".png")),
            ((ChartSource) node.model()).chart().png());
    }

    /**
     * {@code mp-spectrum}: the demo's trial 1 is the data of {@code rmtlab spectrum --scale raw} (seed 42), which the
     * Data Generator draws with the same settings. The Spectrum Plot on that table, with the law's variance 1 and the
     * demo's 30 bins, must give the command's eigenvalues, histogram (with the law's density per bin) and figure
     * exactly; its law's edges are the demo's bulk range; and its one histogram, counted in the demo's bins, agrees
     * with the demo's mean histogram of 20 trials within the standard error of a single trial.
     */
    @Test
    @Order(2)
    void spectrumPlotDrawsTheMarchenkoPasturCaseAsTheCommandDoes(@TempDir final Path dir) throws Exception {
        final Path csv = demo("mp-spectrum");
        final Path cliHistogram = dir.resolve("cli-histogram.csv");
        final Path cliEigenvalues = dir.resolve("cli-eigenvalues.csv");
        final Path cliPng = dir.resolve("cli.png");
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"spectrum", "--scale", "raw", "--variance", "1", "--bins", "30",
            "--out", cliHistogram.toString(), "--eigenvalues", cliEigenvalues.toString(), "--plot", cliPng.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));

        final NodeHarness<?> data = node(new DataGeneratorNodeFactory(), "model", "gaussian", "n", 1000, "n_test", 0,
            "p", 500, "scale", "raw", "seed", 42);
        data.execute();
        final NodeHarness<?> plot = node(new SpectrumPlotNodeFactory(), "estimate_variance", false, "variance", 1.0,
            "bins", 30);
        plot.execute(data.table(0));

        final double[] eigenvalues = Tables.doubles(plot.table(0), "eigenvalue");
        final double[] cli = column(cliEigenvalues, "eigenvalue");
        assertEquals(cli.length, eigenvalues.length, "eigenvalues");
        for (int i = 0; i < cli.length; i++) {
            // the node lists the largest first, the command the smallest
            assertEquals(cli[cli.length - 1 - i], eigenvalues[i], 0.0, "eigenvalue " + i);
        }
        for (String[] pair : new String[][] {{"bin_lower", "bin_lower"}, {"bin_upper", "bin_upper"},
            {"count", "count"}, {"density", "density"}, {"theory_density", "mp_density"}}) {
            assertArrayEquals(column(cliHistogram, pair[1]), Tables.doubles(plot.table(1), pair[0]), 0.0, pair[0]);
        }
        assertSamePixels("mp-spectrum (command)", Files.readAllBytes(cliPng), ((ChartSource) plot.model()).chart().png());

        final double[] lower = column(csv, "bin_lower");
        final double[] upper = column(csv, "bin_upper");
        assertEquals(lower[0], (Double) plot.flowVariables().get("lower_edge"), 0.0, "lower edge of the law");
        // the demo's last edge is lower + 30 widths: the upper edge up to rounding
        assertEquals(upper[upper.length - 1], (Double) plot.flowVariables().get("upper_edge"), 1e-14,
            "upper edge of the law");
        // trial 1 is one of the demo's 20: its count minus their mean has the spread sd sqrt((T - 1) / T), sd being
        // the spread of one trial, count_se sqrt(T)
        assertOneTrialAgreesWithTheMean("mp-spectrum", csv, eigenvalues, 20, false);
    }

    /**
     * {@code nonlinear-gram-spectrum}: the Data Generator draws the demo's data (the defaults of
     * {@code rmtlab double-descent}: mixture, n = 512, p = 256, ||mu||^2 = 4, seed 42); the Random Feature Map sends
     * it through N = 512 ReLU features and a Spectrum Plot takes their Gram spectrum, while a second Spectrum Plot
     * maps the data itself (same seed, same W) and draws the nonlinear Gram law. Both spectra are the same (to
     * rounding: the two map the data by the same core function, one through a table); the histogram, a draw of W independent of the demo's, counted in the demo's bins, agrees with the demo's mean
     * of 20 draws within the standard error of a single draw.
     */
    @Test
    @Order(3)
    void randomFeaturesAndSpectrumPlotDrawTheNonlinearGramCase() throws Exception {
        final Path csv = demo("nonlinear-gram-spectrum");
        final NodeHarness<?> data = node(new DataGeneratorNodeFactory(), "n_test", 0);
        data.execute();
        final NodeHarness<?> features = node(new RandomFeatureNodeFactory(), "n_features", 512, "activation", "relu",
            "seed", 42);
        features.execute(data.table(0));
        final NodeHarness<?> ofFeatures = node(new SpectrumPlotNodeFactory(), "side", "gram", "overlay", "none");
        ofFeatures.execute(features.table(0));
        final NodeHarness<?> mapped = node(new SpectrumPlotNodeFactory(), "side", "gram", "random_features", true,
            "feature_count", 512, "activation", "relu", "seed", 42, "overlay", "nonlinear-gram");
        mapped.execute(data.table(0));

        final double[] eigenvalues = Tables.doubles(mapped.table(0), "eigenvalue");
        final double[] viaMap = Tables.doubles(ofFeatures.table(0), "eigenvalue");
        assertEquals(512, eigenvalues.length, "n eigenvalues of the Gram side");
        for (int i = 0; i < eigenvalues.length; i++) {
            assertEquals(eigenvalues[i], viaMap[i], 1e-12 * eigenvalues[0], "eigenvalue " + i);
        }
        assertOneTrialAgreesWithTheMean("nonlinear-gram-spectrum", csv, eigenvalues, 20, true);
    }

    /**
     * {@code double-descent}: the Data Generator's defaults are the demo's data (mixture, n = 512 and 512 test
     * samples, p = 256, ||mu||^2 = 4, seed 42) and the Resolvent Predictor with the quick demo's sweep (ReLU, 10
     * ratios N/n from 0.1 to 4, gamma = 1e-3, 10 trials) must give the demo's rows exactly, simulation included:
     * both draw W from streams split off {@code Rng.simulationSeed(42)}, and the simulation is bit-identical for
     * any number of threads. The figure: the node's image port is the picture of {@code rmtlab double-descent
     * --plot} with the same sweep and trials
     * ({@link org.rmtlab.core.resolvent.DoubleDescentFigure}, which also draws the demo's figure on a finer theory grid).
     */
    @Test
    @Order(4)
    void resolventPredictorGivesTheDoubleDescentCase(@TempDir final Path dir) throws Exception {
        final Path csv = demo("double-descent");
        final NodeHarness<?> data = node(new DataGeneratorNodeFactory());
        data.execute();
        final NodeHarness<?> predictor = node(new ResolventPredictorNodeFactory(), "ratio_from", 0.1, "ratio_to", 4.0,
            "ratio_count", 10, "gammas", "0.001", "trials", 10);
        predictor.execute(data.table(0), data.table(1));
        final BufferedDataTable table = predictor.table(0);
        final List<String> header = List.of(Files.readAllLines(csv).get(0).split(",", -1));
        for (String name : header) {
            assertArrayEquals(column(csv, name), Tables.doubles(table, name), 0.0, name);
        }

        final Path cliPng = dir.resolve("cli.png");
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"double-descent", "--ratios", "0.1:4:10", "--trials", "10", "--out",
            dir.resolve("cli.csv").toString(), "--plot", cliPng.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
        assertSamePixels("double-descent (command)", Files.readAllBytes(cliPng),
            ((ChartSource) predictor.model()).chart().png());
    }

    /**
     * {@code linear-ridge}: the demo draws fresh data at every p, where the Resolvent Predictor fits one table; what
     * both share is the theory at the table's c = p/n. The demo's theory columns come from the sweep of
     * {@code rmtlab ridge-risk}, run here with {@code --trials 0} at c = 2 (n = 200, p = 400, ||beta*||^2 = 1, noise
     * s = 0.5, lambda = 0); the node, in linear-ridge mode on a teacher table of those sizes, given the signal and
     * noise, predicts the test error R + s^2 with the same R (to rounding: the node adds s^2).
     */
    @Test
    @Order(5)
    void resolventPredictorPredictsTheLinearRidgeTheory(@TempDir final Path dir) throws Exception {
        final Path cli = dir.resolve("ridge.csv");
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"ridge-risk", "--ratios", "2", "--trials", "0", "--out", cli.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
        final NodeHarness<?> data = node(new DataGeneratorNodeFactory(), "model", "teacher", "n", 200, "n_test", 200,
            "p", 400, "noise", 0.5);
        data.execute();
        final NodeHarness<?> predictor = node(new ResolventPredictorNodeFactory(), "mode", "linear-ridge", "gammas",
            "0", "estimate_signal_noise", false, "signal_variance", 1.0, "noise_sd", 0.5);
        predictor.execute(data.table(0), data.table(1));
        assertEquals(column(cli, "c")[0], Tables.doubles(predictor.table(0), "N_over_n")[0], 0.0, "c = p/n");
        final double risk = column(cli, "risk")[0];
        assertEquals(risk + 0.25, Tables.doubles(predictor.table(0), "test_theory")[0], 1e-14 * risk,
            "test error R + s^2 at lambda = 0");
    }

    /**
     * The node's eigenvalues counted in the demo's bins against the demo's mean count, in every bin the demo scores.
     * The single count's spread is that of one trial, count_se sqrt(T); its difference from the mean of T trials
     * has the spread count_se sqrt(T + 1) when the node's trial is independent of the demo's, count_se sqrt(T - 1)
     * when it is one of them. Tolerance: {@link Discrepancy#tolerance} for that many bins and trials (union bound,
     * Student t).
     */
    private static void assertOneTrialAgreesWithTheMean(final String name, final Path csv, final double[] values,
        final int trials, final boolean independent) throws Exception {
        final double[] lower = column(csv, "bin_lower");
        final double[] upper = column(csv, "bin_upper");
        final double[] mean = column(csv, "count");
        final double[] se = column(csv, "count_se");
        final double[] scored = column(csv, "scored");
        int bins = 0;
        for (double s : scored) {
            bins += (int) s;
        }
        final double tolerance = Discrepancy.tolerance(bins, trials);
        final double spread = Math.sqrt(independent ? trials + 1 : trials - 1);
        double worst = 0;
        for (int k = 0; k < lower.length; k++) {
            if (scored[k] == 0) {
                continue;
            }
            int count = 0;
            for (double v : values) {
                // half-open bins as the core's Histogram, the last one closed
                if (v >= lower[k] && (v < upper[k] || k == lower.length - 1 && v == upper[k])) {
                    count++;
                }
            }
            worst = Math.max(worst, Math.abs(count - mean[k]) / (se[k] * spread));
        }
        assertTrue(bins > 20, name + ": scored bins " + bins);
        assertTrue(worst <= tolerance, name + ": one trial's histogram is " + worst + " standard errors from the "
            + "demo's mean (tolerance " + tolerance + ")");
    }

    /** A node with its defaults changed by the key-value pairs (each key must exist: a typo fails the test). */
    private static NodeHarness<?> node(final NodeFactory<? extends NodeModel> factory, final Object... keyValues)
        throws Exception {
        final NodeHarness<?> harness = NodeHarness.of(factory);
        final NodeSettings s = harness.saveSettings();
        for (int i = 0; i < keyValues.length; i += 2) {
            assertTrue(s.containsKey((String) keyValues[i]), "no setting " + keyValues[i] + " in " + s.keySet());
        }
        TestSettings.put(s, keyValues);
        harness.loadSettings(s);
        return harness;
    }

    /** A numeric column of a CSV file with a header. */
    private static double[] column(final Path csv, final String name) throws Exception {
        final List<String> lines = Files.readAllLines(csv);
        final int j = List.of(lines.get(0).split(",", -1)).indexOf(name);
        assertTrue(j >= 0, csv.getFileName() + " has no column " + name + ": " + lines.get(0));
        final double[] v = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            final String cell = lines.get(i).split(",", -1)[j];
            v[i - 1] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
        }
        return v;
    }

    /** The CSV of a case of the quick demo, once the background run has written it (with its PNG). */
    private static Path demo(final String name) throws Exception {
        try {
            return RUNS.get(name).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /** Runs one case of the quick demo into {@code dir}; returns its CSV. */
    private static Path runDemo(final String name, final Path dir) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int code = new DemoRunner(List.of(DemoCommand.find(name)), true, dir, null)
            .run(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        return dir.resolve(name + ".csv");
    }

    /**
     * Every column of the node's table equals the CSV's column of the same curve, exactly; the node names the
     * training and test curves {@code train_*} and {@code test_*}, the CSV by their curve names. Every CSV column
     * must be matched, so that the node shows all the demo computed.
     */
    private static void assertSameNumbers(final String name, final Path csv, final BufferedDataTable table)
        throws Exception {
        final List<String> lines = Files.readAllLines(csv);
        final String[] header = lines.get(0).split(",", -1);
        final List<String> nodeColumns = new ArrayList<>();
        for (DataColumnSpec c : table.getDataTableSpec()) {
            nodeColumns.add(c.getName());
        }
        for (int j = 0; j < header.length; j++) {
            final String column = nodeColumn(header[j], nodeColumns);
            assertTrue(column != null, name + ": the node's table has no column for the CSV's " + header[j]
                + " (node columns: " + nodeColumns + ")");
            final double[] node = Tables.doubles(table, column);
            assertEquals(lines.size() - 1, node.length, name + ": rows");
            for (int i = 0; i < node.length; i++) {
                final String cell = lines.get(i + 1).split(",", -1)[j];
                final double demo = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                assertEquals(demo, node[i], 0.0, name + ": " + header[j] + " (node column " + column + ") row " + i);
            }
        }
        assertTrue(header.length >= 4, name + ": CSV columns " + List.of(header));
    }

    /**
     * The node's column holding the CSV's column {@code csvName}: the same name, or {@code train_SUFFIX} /
     * {@code test_SUFFIX} for the training and test curves (found as the node column with the same values).
     */
    private static String nodeColumn(final String csvName, final List<String> nodeColumns) {
        if (nodeColumns.contains(csvName)) {
            return csvName;
        }
        for (String suffix : new String[] {"_sim_se", "_sim", "_theory"}) {
            if (csvName.endsWith(suffix)) {
                final String curve = csvName.substring(0, csvName.length() - suffix.length());
                for (String role : new String[] {"train", "test"}) {
                    if (nodeColumns.contains(role + suffix) && curveOfRole(curve, role)) {
                        return role + suffix;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** Whether {@code curve} is the training or test curve ({@code role}) of its model, as the figure says. */
    private static boolean curveOfRole(final String curve, final String role) {
        for (String id : new String[] {"gmm", "ridge", "deep-linear", "random-features"}) {
            final DynamicsFigures.Look look = DynamicsFigures.look(id);
            if (curve.equals("train".equals(role) ? look.train() : look.test())) {
                return true;
            }
        }
        return false;
    }

    private static void assertSamePixels(final String name, final byte[] demo, final byte[] node) throws Exception {
        final BufferedImage a = ImageIO.read(new ByteArrayInputStream(demo));
        final BufferedImage b = ImageIO.read(new ByteArrayInputStream(node));
        assertEquals(a.getWidth(), b.getWidth(), name + ": width");
        assertEquals(a.getHeight(), b.getHeight(), name + ": height");
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        assertEquals(0, differing, name + ": pixels that differ between the demo's PNG and the node's image port");
    }
}
