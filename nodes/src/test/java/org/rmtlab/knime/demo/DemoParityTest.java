package org.rmtlab.knime.demo;

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
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.rmtlab.core.cli.DemoCommand;
import org.rmtlab.core.demo.DemoRunner;
import org.rmtlab.core.dynamics.DynamicsFigures;
import org.rmtlab.knime.common.ChartSource;
import org.rmtlab.knime.dynamics.DynamicsSimulatorNodeFactory;
import org.rmtlab.stub.testing.NodeHarness;
import org.rmtlab.stub.testing.Tables;

/**
 * The demo's figures are the nodes' figures: each case of {@code rmtlab demo --quick} that a node expresses is run
 * twice, once by the demo's own runner (which writes {@code NAME.csv} and {@code NAME.png}) and once as a node
 * through the stub runtime with the demo's settings, and the node's table must hold the CSV's numbers bit for bit
 * (theory and simulation: the node takes the demo's seed and both call the same core model) and its image port
 * must be the demo's PNG pixel for pixel (both draw {@link DynamicsFigures#figure} at 900 x 600).
 *
 * <p>Covered: the five dynamics cases through the Dynamics Simulator. Not covered: the spectrum cases
 * ({@code mp-spectrum}, {@code nonlinear-gram-spectrum}) average the histograms of 40 independent data sets, which
 * a Spectrum Plot fed by one Data Generator table cannot; {@code linear-ridge} draws fresh data at every p, where the
 * Resolvent Predictor fits one table; {@code double-descent} draws its theory on 200 ratios beside the simulated
 * grid, where the node evaluates both on the grid.
 */
class DemoParityTest {

    /** Settings of the Dynamics Simulator equal to the quick demo case: model, time grid, trials, seed 42. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "gmm-overfitting, gmm, 0.01, 1000, 20, 20",
        "ridge-early-stopping, ridge, 0.01, 1000, 20, 20",
        "one-step-spike, one-step, 0.3, 30, 20, 20",
        "deep-linear-sigmoid, deep-linear, 0.1, 12, 20, 20",
        "random-features-nonmonotone, random-features, 0.01, 100, 20, 10"})
    void dynamicsSimulatorDrawsTheDemoFigure(final String demoCase, final String model, final double from,
        final double to, final int count, final int trials, @TempDir final Path dir) throws Exception {
        final Path csv = runDemo(demoCase, dir);

        final NodeHarness<?> node = NodeHarness.of(new DynamicsSimulatorNodeFactory());
        final NodeSettings s = node.saveSettings();
        s.addString("model", model);
        s.addInt("trials", trials);
        s.addInt("seed", 42);
        s.addDouble(model + "_time_from", from);
        s.addDouble(model + "_time_to", to);
        s.addInt(model + "_time_count", count);
        node.loadSettings(s);
        node.execute((BufferedDataTable) null);

        assertSameNumbers(demoCase, csv, node.table(0));
        assertSamePixels(demoCase, Files.readAllBytes(dir.resolve(demoCase + ".png")),
            ((ChartSource) node.model()).chart().png());
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
