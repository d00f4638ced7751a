package org.rmtlab.knime.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.rmtlab.core.chart.Series;
import org.rmtlab.core.data.CovarianceSpec;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.Dataset;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.RandomFeatures;
import org.rmtlab.core.resolvent.NonlinearGramSpectrum;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.Histogram;
import org.rmtlab.core.spectrum.MarchenkoPastur;
import org.rmtlab.core.spectrum.SampleCovarianceLaw;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.spectrum.SpikedCovariance;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;
import org.rmtlab.knime.common.SampleTables;
import org.rmtlab.stub.testing.NodeHarness;
import org.rmtlab.stub.testing.Tables;
import org.rmtlab.stub.testing.TestExecution;

class SpectrumPlotNodeTest {
    /** The Data Generator's default sizes: c = 1/2. */
    private static final int P = 256;
    private static final int N = 512;

    private static NodeHarness<SpectrumPlotNodeModel> node(final Consumer<NodeSettings> edit)
        throws InvalidSettingsException {
        final NodeHarness<SpectrumPlotNodeModel> node = NodeHarness.of(new SpectrumPlotNodeFactory());
        final NodeSettings s = node.saveSettings();
        edit.accept(s);
        node.loadSettings(s);
        return node;
    }

    private static GeneratedData data(final DataModel model, final int p, final int n, final double rho,
        final long seed) {
        return DataGenerator.generate(new DataSpec(model, n, 0, p, rho, 0.1, Scale.NORMALISED, seed));
    }

    /** The training set as the Data Generator node writes it (x1..xp, y, class). */
    private static BufferedDataTable table(final GeneratedData d) throws CanceledExecutionException {
        return SampleTables.write(d.train(), new TestExecution().context());
    }

    private static double[] eigenvalueColumn(final NodeHarness<SpectrumPlotNodeModel> node) {
        return Tables.doubles(node.table(0), SpectrumPlotNodeModel.COL_EIGENVALUE);
    }

    private static double var(final NodeHarness<SpectrumPlotNodeModel> node, final String name) {
        return ((Number) node.flowVariables().get(name)).doubleValue();
    }

    private static double[] descending(final double[] ascending) {
        final double[] d = new double[ascending.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = ascending[ascending.length - 1 - i];
        }
        return d;
    }

    private static BufferedDataTable column(final String name, final double... values) {
        final Object[][] rows = new Object[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new Object[] {"r" + i, values[i]};
        }
        return Tables.table(Tables.spec("label", StringCell.TYPE, name, DoubleCell.TYPE), rows);
    }

    private static Consumer<NodeSettings> eigenvalueInput(final String side, final int p, final int n) {
        return s -> {
            s.addString(SpectrumPlotSettings.KEY_INPUT, InputMode.EIGENVALUE_COLUMN.id());
            s.addString(SpectrumPlotSettings.KEY_EIGENVALUE_COLUMN, "eigenvalue");
            s.addString(SpectrumPlotSettings.KEY_SIDE, side);
            s.addInt(SpectrumPlotSettings.KEY_P, p);
            s.addInt(SpectrumPlotSettings.KEY_N, n);
        };
    }

    @Test
    void configureAnnouncesEigenvalueAndHistogramTablesAndAnImage() throws Exception {
        final PortObjectSpec[] specs = node(s -> { }).configure(SampleTables.spec(4));
        assertEquals(3, specs.length);
        final DataTableSpec eig = (DataTableSpec) specs[0];
        assertArrayEquals(new String[] {"eigenvalue", "outlier", "rank"}, eig.getColumnNames());
        assertEquals(BooleanCell.TYPE, eig.getColumnSpec("outlier").getType());
        assertEquals(IntCell.TYPE, eig.getColumnSpec("rank").getType());
        assertArrayEquals(SpectrumPlotNodeModel.HISTOGRAM_COLUMNS, ((DataTableSpec) specs[1]).getColumnNames());
        assertInstanceOf(ImagePortObjectSpec.class, specs[2]);
    }

    /**
     * The node's numbers are the core's on the same matrix: eigenvalues, Kolmogorov distance, edges and the
     * histogram with the law's mean density per bin. The Data Generator's y and class columns are left out by
     * default (p eigenvalues, not p + 2), and the Gram side adds the n - p zeros.
     */
    @Test
    void eigenvaluesAndStatisticsAreTheCores() throws Exception {
        final GeneratedData d = data(DataModel.GAUSSIAN, 60, 150, 0, 3);
        final EmpiricalSpectrum core = EmpiricalSpectrum.of(d.train().x(), SampleMatrix.COVARIANCE);
        final MarchenkoPastur mp = core.marchenkoPastur(core.varianceEstimate());
        final NodeHarness<SpectrumPlotNodeModel> node = node(s -> { });
        node.execute(table(d));
        assertArrayEquals(descending(core.eigenvalues()), eigenvalueColumn(node), 0.0);
        final double[] ranks = Tables.doubles(node.table(0), "rank");
        for (int i = 0; i < ranks.length; i++) {
            assertEquals(i + 1, ranks[i], 0.0);
        }
        assertEquals(core.kolmogorovDistance(mp), var(node, SpectrumPlotNodeModel.VAR_KS), 0.0);
        assertEquals(mp.lowerEdge(), var(node, SpectrumPlotNodeModel.VAR_LOWER), 0.0);
        assertEquals(mp.upperEdge(), var(node, SpectrumPlotNodeModel.VAR_UPPER), 0.0);
        assertEquals(0, ((Number) node.flowVariables().get(SpectrumPlotNodeModel.VAR_OUTLIERS)).intValue());

        final Histogram h = core.histogram(0);
        assertArrayEquals(Arrays.copyOf(h.edges(), h.bins()), Tables.doubles(node.table(1), "bin_lower"), 0.0);
        assertArrayEquals(h.densities(), Tables.doubles(node.table(1), "density"), 0.0);
        final double[] theory = Tables.doubles(node.table(1), "theory_density");
        for (int b = 0; b < h.bins(); b++) {
            assertEquals(mp.binDensity(h.lower(b), h.upper(b)), theory[b], 0.0);
        }
        assertEquals(60, Arrays.stream(Tables.doubles(node.table(1), "count")).sum(), 0.0);

        final NodeHarness<SpectrumPlotNodeModel> gram = node(s -> s.addString(SpectrumPlotSettings.KEY_SIDE, "gram"));
        gram.execute(table(d));
        final EmpiricalSpectrum coreGram = EmpiricalSpectrum.of(d.train().x(), SampleMatrix.GRAM);
        assertArrayEquals(descending(coreGram.eigenvalues()), eigenvalueColumn(gram), 0.0);
        assertEquals(150 - 60, coreGram.zeroCount());
        assertEquals(coreGram.kolmogorovDistance(coreGram.marchenkoPastur(coreGram.varianceEstimate())),
            var(gram, SpectrumPlotNodeModel.VAR_KS), 0.0);
    }

    /**
     * Gaussian noise at the Data Generator's default size follows Marchenko–Pastur: the Kolmogorov distance of a
     * spectrum of p = 256 eigenvalues to its limit is O(log p / p) (eigenvalue rigidity), measured 0.008 to 0.010
     * over five seeds, so 0.03 is three times the largest; the estimated variance tr/p has relative sd
     * sqrt(2/(pn)) = 0.4%, so the edge is within 2% of (1 + sqrt c)^2 / p. The same data against a wrong variance
     * (twice the truth) are far off, which shows the distance discriminates.
     */
    @Test
    void gaussianDataFollowMarchenkoPastur() throws Exception {
        final BufferedDataTable in = table(data(DataModel.GAUSSIAN, P, N, 0, 11));
        final NodeHarness<SpectrumPlotNodeModel> node = node(s -> { });
        node.execute(in);
        assertTrue(var(node, SpectrumPlotNodeModel.VAR_KS) < 0.03, "KS " + var(node, SpectrumPlotNodeModel.VAR_KS));
        assertEquals(0, ((Number) node.flowVariables().get(SpectrumPlotNodeModel.VAR_OUTLIERS)).intValue());
        final double edge = Math.pow(1 + Math.sqrt(0.5), 2) / P;
        assertEquals(edge, var(node, SpectrumPlotNodeModel.VAR_UPPER), 0.02 * edge);
        assertFalse(Tables.column(node.table(0), "outlier").contains(true));

        final NodeHarness<SpectrumPlotNodeModel> wrong = node(s -> {
            s.addBoolean(SpectrumPlotSettings.KEY_ESTIMATE_VARIANCE, false);
            s.addDouble(SpectrumPlotSettings.KEY_VARIANCE, 2.0 / P);
        });
        wrong.execute(in);
        assertTrue(var(wrong, SpectrumPlotNodeModel.VAR_KS) > 0.3, "KS " + var(wrong, SpectrumPlotNodeModel.VAR_KS));
    }

    /**
     * The Data Generator's default mixture (rho = 4 above the BBP threshold sqrt(c) = 0.71) has exactly one
     * outlier, the largest eigenvalue, at (1 + rho + c + c/rho)/p. Its fluctuation is at most that of a Gaussian
     * spike ell = 1 + rho (Paul 2007, Thm 3: sd sqrt(2 ell^2 (1 - c/(ell - 1)^2)/n) in units of sigma^2 = 1/p; the
     * +-1 class signs fluctuate less), so 4 such sd bound one trial. Below the threshold (rho = 0.3) there is
     * none.
     */
    @Test
    void mixtureAboveTheBbpThresholdHasItsOutlierWhereTheoryPutsIt() throws Exception {
        final NodeHarness<SpectrumPlotNodeModel> node = node(s -> { });
        node.execute(table(data(DataModel.MIXTURE, P, N, 4, 5)));
        assertEquals(1, ((Number) node.flowVariables().get(SpectrumPlotNodeModel.VAR_OUTLIERS)).intValue());
        final List<Object> flags = Tables.column(node.table(0), "outlier");
        assertEquals(true, flags.get(0));
        assertEquals(1, flags.stream().filter(Boolean.TRUE::equals).count());
        final double c = 0.5;
        final double rho = 4;
        final double ell = 1 + rho;
        final double predicted = new SpikedCovariance(c, 1.0 / P).mixtureLargestEigenvalue(rho);
        assertEquals((1 + rho + c + c / rho) / P, predicted, 1e-15);
        final double sd = Math.sqrt(2 * ell * ell * (1 - c / ((ell - 1) * (ell - 1))) / N) / P;
        assertEquals(predicted, eigenvalueColumn(node)[0], 4 * sd);

        final NodeHarness<SpectrumPlotNodeModel> weak = node(s -> { });
        weak.execute(table(data(DataModel.MIXTURE, P, N, 0.3, 5)));
        assertEquals(0, ((Number) weak.flowVariables().get(SpectrumPlotNodeModel.VAR_OUTLIERS)).intValue());
    }

    /**
     * A column of eigenvalues (in any order, beside other columns) gives the same statistics as the data they
     * come from, with p taken from the number of eigenvalues (covariance) or n (Gram side).
     */
    @Test
    void eigenvalueColumnGivesTheSameStatisticsAsTheData() throws Exception {
        final GeneratedData d = data(DataModel.MIXTURE, 80, 200, 4, 8);
        final NodeHarness<SpectrumPlotNodeModel> fromData = node(s -> { });
        fromData.execute(table(d));

        final double[] values = EmpiricalSpectrum.of(d.train().x(), SampleMatrix.COVARIANCE).eigenvalues();
        final double[] shuffled = values.clone();
        final Rng rng = new Rng(4);
        for (int i = shuffled.length - 1; i > 0; i--) {
            final int j = rng.nextInt(i + 1);
            final double t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        final NodeHarness<SpectrumPlotNodeModel> fromColumn = node(eigenvalueInput("covariance", 0, 200));
        fromColumn.execute(column("eigenvalue", shuffled));
        assertArrayEquals(eigenvalueColumn(fromData), eigenvalueColumn(fromColumn), 0.0);
        assertEquals(Tables.values(fromData.table(0)), Tables.values(fromColumn.table(0)));
        assertEquals(Tables.values(fromData.table(1)), Tables.values(fromColumn.table(1)));
        assertEquals(fromData.flowVariables(), fromColumn.flowVariables());
        assertEquals(1, ((Number) fromColumn.flowVariables().get(SpectrumPlotNodeModel.VAR_OUTLIERS)).intValue());

        final double[] gramValues = EmpiricalSpectrum.of(d.train().x(), SampleMatrix.GRAM).eigenvalues();
        final NodeHarness<SpectrumPlotNodeModel> gram = node(eigenvalueInput("gram", 80, 0));
        gram.execute(column("eigenvalue", gramValues));
        assertEquals(200, gram.table(0).size());
        // the same nonzero eigenvalues, hence the same bulk edges and outliers on both sides
        assertEquals(var(fromData, SpectrumPlotNodeModel.VAR_UPPER), var(gram, SpectrumPlotNodeModel.VAR_UPPER),
            1e-14 * var(fromData, SpectrumPlotNodeModel.VAR_UPPER));
        assertEquals(fromData.flowVariables().get(SpectrumPlotNodeModel.VAR_OUTLIERS),
            gram.flowVariables().get(SpectrumPlotNodeModel.VAR_OUTLIERS));
    }

    /**
     * Subtracting the column means removes a common offset exactly and leaves the spectrum of n - 1 samples:
     * with an offset of squared length 3 added to every sample, the uncentred spectrum (against the true variance
     * 1/p: the trace estimate would absorb the offset) gets one outlier near 3 and the centred one equals the
     * centred spectrum of the data without offset to rounding; on the Gram side the
     * zero along the all-ones vector is dropped (n - 1 eigenvalues, n - 1 - p zeros).
     */
    @Test
    void subtractingMeansRemovesAnOffsetAndUsesNMinusOneSamples() throws Exception {
        final GeneratedData d = data(DataModel.GAUSSIAN, 50, 120, 0, 21);
        final DMatrixRMaj shifted = d.train().x().copy();
        final double offset = Math.sqrt(3.0 / 50);
        for (int i = 0; i < shifted.getNumElements(); i++) {
            shifted.data[i] += offset;
        }
        final BufferedDataTable moved = SampleTables.write(new Dataset(shifted, d.train().y(), d.train().label()),
            new TestExecution().context());
        final NodeHarness<SpectrumPlotNodeModel> raw = node(s -> {
            s.addBoolean(SpectrumPlotSettings.KEY_ESTIMATE_VARIANCE, false);
            s.addDouble(SpectrumPlotSettings.KEY_VARIANCE, 1.0 / 50);
        });
        raw.execute(moved);
        assertEquals(1, ((Number) raw.flowVariables().get(SpectrumPlotNodeModel.VAR_OUTLIERS)).intValue());
        assertEquals(3, eigenvalueColumn(raw)[0], 0.5);

        final Consumer<NodeSettings> centre = s -> s.addBoolean(SpectrumPlotSettings.KEY_SUBTRACT_MEANS, true);
        final NodeHarness<SpectrumPlotNodeModel> centred = node(centre);
        centred.execute(moved);
        final NodeHarness<SpectrumPlotNodeModel> plain = node(centre);
        plain.execute(table(d));
        final double[] a = eigenvalueColumn(centred);
        assertArrayEquals(eigenvalueColumn(plain), a, 1e-12 * a[0]);
        assertEquals(0, ((Number) centred.flowVariables().get(SpectrumPlotNodeModel.VAR_OUTLIERS)).intValue());
        // the law is that of 119 samples: MP edge (1 + sqrt(50/119))^2 times the estimated variance
        final EmpiricalSpectrum s = EmpiricalSpectrum.of(descending(a), 50, 119, SampleMatrix.COVARIANCE);
        assertEquals(s.marchenkoPastur(s.varianceEstimate()).upperEdge(), var(centred, SpectrumPlotNodeModel.VAR_UPPER),
            1e-15);

        final NodeHarness<SpectrumPlotNodeModel> gram = node(centre.andThen(
            x -> x.addString(SpectrumPlotSettings.KEY_SIDE, "gram")));
        gram.execute(moved);
        final double[] g = eigenvalueColumn(gram);
        assertEquals(119, g.length);
        assertEquals(119 - 50, Arrays.stream(g).filter(v -> v == 0).count());
        assertArrayEquals(a, Arrays.copyOf(g, 50), 1e-12 * a[0]);
    }

    /**
     * Power-law noise (Data Generator, exponent 1) follows the generalised Marchenko–Pastur law of its population
     * spectrum, not the plain one: the distance to the right law is as small as for white noise (below 0.03, see
     * above), to MP it is large.
     */
    @Test
    void populationCovarianceOverlayFitsPowerLawNoise() throws Exception {
        final BufferedDataTable in = table(DataGenerator.generate(new DataSpec(DataModel.GAUSSIAN, 400, 0, 200, 0, 0,
            Scale.NORMALISED, 6).withCovariance(CovarianceSpec.powerLaw(1))));
        final NodeHarness<SpectrumPlotNodeModel> node = node(s -> {
            s.addString(SpectrumPlotSettings.KEY_OVERLAY, Overlay.POPULATION_COVARIANCE.id());
            s.addString(SpectrumPlotSettings.KEY_POPULATION, "power:200:1");
        });
        node.execute(in);
        assertTrue(var(node, SpectrumPlotNodeModel.VAR_KS) < 0.03, "KS " + var(node, SpectrumPlotNodeModel.VAR_KS));
        final NodeHarness<SpectrumPlotNodeModel> mp = node(s -> { });
        mp.execute(in);
        assertTrue(var(mp, SpectrumPlotNodeModel.VAR_KS) > 0.1, "KS " + var(mp, SpectrumPlotNodeModel.VAR_KS));
    }

    /** ReLU random features of N = 256 through the node, against the nonlinear Gram law. */
    private static Consumer<NodeSettings> reluFeatures(final String side) {
        return s -> {
            s.addBoolean(SpectrumPlotSettings.KEY_RANDOM_FEATURES, true);
            s.addInt(SpectrumPlotSettings.KEY_FEATURE_COUNT, 256);
            s.addString(SpectrumPlotSettings.KEY_ACTIVATION, "relu");
            s.addInt(SpectrumPlotSettings.KEY_SEED, 5);
            s.addString(SpectrumPlotSettings.KEY_SIDE, side);
            s.addString(SpectrumPlotSettings.KEY_OVERLAY, Overlay.NONLINEAR_GRAM.id());
        };
    }

    /**
     * The nonlinear Gram overlay on ReLU features of Gaussian data (Gram side) and of two-class mixture data
     * (covariance side), p = 128, n = 256, N = 256: the node's numbers are the core's bulk law
     * (NonlinearGramSpectrum.ofFeatureBulk(...).law(side)) for the same W; the Kolmogorov distance is small
     * (O(1/n) in the bulk, O(n^-2/3) at the edges, 2/n from the rank-one mean: about 0.01 to 0.02 measured in
     * the core's test; allowed 0.03), while the Marchenko–Pastur law misses the spectrum; and the one
     * eigenvalue that the features' mean creates, near N mu0^2 = 256/(2 pi) = 41, is flagged as the only outlier.
     */
    @Test
    void nonlinearGramOverlayFitsReluFeaturesAndFlagsTheMean() throws Exception {
        for (DataModel model : new DataModel[] {DataModel.GAUSSIAN, DataModel.MIXTURE}) {
            final String side = model == DataModel.GAUSSIAN ? "gram" : "covariance";
            final GeneratedData d = data(model, 128, 256, 4, 3);
            final NodeHarness<SpectrumPlotNodeModel> node = node(reluFeatures(side));
            node.execute(table(d));
            final DMatrixRMaj f = RandomFeatures.map(Activations.byId("relu"),
                RandomFeatures.weights(256, 128, new Rng(5)), d.train().x());
            final SampleMatrix m = SampleMatrix.fromId(side);
            final EmpiricalSpectrum e = EmpiricalSpectrum.of(f, m);
            final SampleCovarianceLaw law = NonlinearGramSpectrum.ofFeatureBulk(Activations.byId("relu"),
                d.train().x(), 256, false, Progress.NONE).law(m, Progress.NONE);
            final double ks = var(node, SpectrumPlotNodeModel.VAR_KS);
            assertEquals(e.kolmogorovDistance(law), ks, 0.0);
            assertEquals(law.upperEdge(), var(node, SpectrumPlotNodeModel.VAR_UPPER), 0.0);
            assertTrue(ks < 0.03, model.id() + ": KS " + ks);
            assertEquals(1, ((Number) node.flowVariables().get(SpectrumPlotNodeModel.VAR_OUTLIERS)).intValue());
            final double[] top = eigenvalueColumn(node);
            assertEquals(256 / (2 * Math.PI), top[0], 0.1 * 256 / (2 * Math.PI), model.id());
            assertEquals(List.of(true, false),
                Tables.column(node.table(0), SpectrumPlotNodeModel.COL_OUTLIER).subList(0, 2));
            assertTrue(e.kolmogorovDistance(e.marchenkoPastur(e.varianceEstimate())) > 0.1, "MP is not the law");
        }
    }

    /**
     * Subtracting the means removes the features' mean and with it the outlier: the law of the centred features
     * (n - 1 samples) fits as well, and no eigenvalue is flagged.
     */
    @Test
    void nonlinearGramOverlayOfCentredFeaturesHasNoOutlier() throws Exception {
        final NodeHarness<SpectrumPlotNodeModel> node = node(reluFeatures("gram").andThen(
            s -> s.addBoolean(SpectrumPlotSettings.KEY_SUBTRACT_MEANS, true)));
        node.execute(table(data(DataModel.GAUSSIAN, 128, 256, 0, 3)));
        assertEquals(255, node.table(0).size());
        assertTrue(var(node, SpectrumPlotNodeModel.VAR_KS) < 0.03, "KS " + var(node, SpectrumPlotNodeModel.VAR_KS));
        assertEquals(0, ((Number) node.flowVariables().get(SpectrumPlotNodeModel.VAR_OUTLIERS)).intValue());
    }

    /** The nonlinear Gram law needs the data and the feature map: refused without them, saying what to tick. */
    @Test
    void nonlinearGramOverlayNeedsDataAndFeatures() {
        final InvalidSettingsException plain = assertThrows(InvalidSettingsException.class,
            () -> node(s -> s.addString(SpectrumPlotSettings.KEY_OVERLAY, Overlay.NONLINEAR_GRAM.id())));
        assertTrue(plain.getMessage().contains("tick 'Random features sigma(W X)'"), plain.getMessage());
        final InvalidSettingsException column = assertThrows(InvalidSettingsException.class,
            () -> node(eigenvalueInput("covariance", 0, 100).andThen(reluFeatures("covariance"))));
        assertTrue(column.getMessage().contains("choose the data columns as input"), column.getMessage());
    }

    /** Random features: the core's sigma(W X) spectrum, the same for the same seed and another for another seed. */
    @Test
    void randomFeaturesAreTheCoresAndDeterministic() throws Exception {
        final GeneratedData d = data(DataModel.GAUSSIAN, 40, 100, 0, 2);
        final Consumer<NodeSettings> features = s -> {
            s.addBoolean(SpectrumPlotSettings.KEY_RANDOM_FEATURES, true);
            s.addInt(SpectrumPlotSettings.KEY_FEATURE_COUNT, 70);
            s.addString(SpectrumPlotSettings.KEY_ACTIVATION, "tanh");
            s.addInt(SpectrumPlotSettings.KEY_SEED, 9);
        };
        final NodeHarness<SpectrumPlotNodeModel> a = node(features);
        a.execute(table(d));
        final DMatrixRMaj f = RandomFeatures.map(Activations.byId("tanh"),
            RandomFeatures.weights(70, 40, new Rng(9)), d.train().x());
        assertArrayEquals(descending(EmpiricalSpectrum.of(f, SampleMatrix.COVARIANCE).eigenvalues()),
            eigenvalueColumn(a), 0.0);
        final NodeHarness<SpectrumPlotNodeModel> b = node(features);
        b.execute(table(d));
        assertEquals(Tables.values(a.table(0)), Tables.values(b.table(0)));
        final NodeHarness<SpectrumPlotNodeModel> other = node(features.andThen(
            s -> s.addInt(SpectrumPlotSettings.KEY_SEED, 10)));
        other.execute(table(d));
        assertFalse(Arrays.equals(eigenvalueColumn(a), eigenvalueColumn(other)));
    }

    @Test
    void badInputsAreRefusedWithAFix() throws Exception {
        final InvalidSettingsException text = assertThrows(InvalidSettingsException.class,
            () -> node(s -> { }).configure(Tables.spec("name", StringCell.TYPE)));
        assertTrue(text.getMessage().contains("has no numeric column"), text.getMessage());

        final InvalidSettingsException none = assertThrows(InvalidSettingsException.class,
            () -> node(s -> s.addString(SpectrumPlotSettings.KEY_INPUT, "eigenvalue-column"))
                .configure(Tables.spec("eigenvalue", DoubleCell.TYPE)));
        assertTrue(none.getMessage().contains("No eigenvalue column is chosen"), none.getMessage());

        final InvalidSettingsException noN = assertThrows(InvalidSettingsException.class,
            () -> node(eigenvalueInput("covariance", 0, 0)).configure(Tables.spec("eigenvalue", DoubleCell.TYPE)));
        assertTrue(noN.getMessage().contains("n (the number of samples) is missing"), noN.getMessage());
        final InvalidSettingsException noP = assertThrows(InvalidSettingsException.class,
            () -> node(eigenvalueInput("gram", 0, 0)).configure(Tables.spec("eigenvalue", DoubleCell.TYPE)));
        assertTrue(noP.getMessage().contains("p (the dimension) is missing"), noP.getMessage());

        final NodeHarness<SpectrumPlotNodeModel> column = node(eigenvalueInput("covariance", 0, 10));
        final InvalidSettingsException negative = assertThrows(InvalidSettingsException.class,
            () -> column.execute(column("eigenvalue", 1, 2, -0.5, 3)));
        assertTrue(negative.getMessage().contains("Row 'Row2'") && negative.getMessage().contains("negative"),
            negative.getMessage());
        final BufferedDataTable gap = Tables.table(Tables.spec("eigenvalue", DoubleCell.TYPE), new Object[] {1.0},
            new Object[] {null}, new Object[] {2.0});
        final InvalidSettingsException missing =
            assertThrows(InvalidSettingsException.class, () -> column.execute(gap));
        assertTrue(missing.getMessage().contains("Row 'Row1'") && missing.getMessage().contains("missing value")
            && missing.getMessage().contains("'eigenvalue'"), missing.getMessage());
        final NodeHarness<SpectrumPlotNodeModel> skipping = node(eigenvalueInput("covariance", 0, 10)
            .andThen(s -> s.addBoolean(SpectrumPlotSettings.KEY_SKIP, true)));
        skipping.execute(gap);
        assertEquals(2, skipping.table(0).size());
        assertTrue(skipping.warning().contains("Skipped 1 of 3 rows"), skipping.warning());
        final NodeHarness<SpectrumPlotNodeModel> sevenByTen = node(eigenvalueInput("covariance", 7, 10));
        final InvalidSettingsException count = assertThrows(InvalidSettingsException.class,
            () -> sevenByTen.execute(column("eigenvalue", 1, 2, 3, 4, 5)));
        assertTrue(count.getMessage().contains("holds 5 eigenvalues, but the covariance matrix of a p x n = 7 x 10"),
            count.getMessage());

        final BufferedDataTable nan = Tables.table(Tables.spec("a", DoubleCell.TYPE, "b", DoubleCell.TYPE),
            new Object[] {1.0, 2.0}, new Object[] {3.0, Double.NaN}, new Object[] {0.5, 1.5});
        final InvalidSettingsException bad = assertThrows(InvalidSettingsException.class,
            () -> node(s -> { }).execute(nan));
        assertTrue(bad.getMessage().contains("Row 'Row1'") && bad.getMessage().contains("NaN")
            && bad.getMessage().contains("column 'b'"), bad.getMessage());
        final NodeHarness<SpectrumPlotNodeModel> skipRows = node(s -> {
            s.addBoolean(SpectrumPlotSettings.KEY_SKIP, true);
            s.addString(SpectrumPlotSettings.KEY_SIDE, "gram");
        });
        skipRows.execute(nan);
        assertEquals(2, skipRows.table(0).size());

        final BufferedDataTable zeros = Tables.table(Tables.spec("a", DoubleCell.TYPE), new Object[] {0.0},
            new Object[] {0.0});
        final InvalidSettingsException flat = assertThrows(InvalidSettingsException.class,
            () -> node(s -> { }).execute(zeros));
        assertTrue(flat.getMessage().contains("All eigenvalues are 0"), flat.getMessage());

        final String[][] settings = {
            {SpectrumPlotSettings.KEY_POPULATION, "three-point:1", "Cannot read the population covariance"},
            {SpectrumPlotSettings.KEY_OVERLAY, "wigner",
                "Choose one of: marchenko-pastur, population-covariance, nonlinear-gram, none"},
            {SpectrumPlotSettings.KEY_SIDE, "kernel", "Choose 'covariance'"},
            {SpectrumPlotSettings.KEY_INPUT, "matrix", "Choose 'data-columns'"}};
        for (String[] b : settings) {
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> node(s -> {
                s.addString(SpectrumPlotSettings.KEY_OVERLAY, Overlay.POPULATION_COVARIANCE.id());
                s.addString(b[0], b[1]);
            }));
            assertTrue(e.getMessage().contains(b[2]), e.getMessage());
        }
        final InvalidSettingsException activation = assertThrows(InvalidSettingsException.class, () -> node(s -> {
            s.addBoolean(SpectrumPlotSettings.KEY_RANDOM_FEATURES, true);
            s.addString(SpectrumPlotSettings.KEY_ACTIVATION, "swish-9");
        }));
        assertTrue(activation.getMessage().contains("Unknown activation"), activation.getMessage());
    }

    /**
     * Sizes that would exhaust the heap are refused before anything is allocated: N x p weights in configure,
     * the N x n random features in execute (1e6 x 3000 doubles = 24 GB, the test heap is 2 GB).
     */
    @Test
    void hugeSizesAreRefusedBeforeAllocating() throws Exception {
        final Consumer<NodeSettings> huge = s -> {
            s.addBoolean(SpectrumPlotSettings.KEY_RANDOM_FEATURES, true);
            s.addInt(SpectrumPlotSettings.KEY_FEATURE_COUNT, FeatureMap.MAX_COUNT);
        };
        final InvalidSettingsException weights = assertThrows(InvalidSettingsException.class,
            () -> node(huge).configure(SampleTables.spec(400)));
        assertTrue(weights.getMessage().contains("Not enough memory") && weights.getMessage().contains("1000000 x 400"),
            weights.getMessage());
        final Object[][] rows = new Object[3000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {Math.sin(i), Math.cos(i)};
        }
        final BufferedDataTable in = Tables.table(Tables.spec("a", DoubleCell.TYPE, "b", DoubleCell.TYPE), rows);
        final InvalidSettingsException features = assertThrows(InvalidSettingsException.class,
            () -> node(huge).execute(in));
        assertTrue(features.getMessage().contains("Not enough memory")
            && features.getMessage().contains("1000000 x 3000 random features"), features.getMessage());
    }

    @Test
    void settingsRoundTripAndOldWorkflowsLoadDefaults() throws Exception {
        final NodeHarness<SpectrumPlotNodeModel> node = node(s -> {
            s.addString(SpectrumPlotSettings.KEY_OVERLAY, Overlay.POPULATION_COVARIANCE.id());
            s.addString(SpectrumPlotSettings.KEY_POPULATION, "two-point:1:4:0.5");
            s.addBoolean(SpectrumPlotSettings.KEY_LOG_Y, true);
            s.addInt(SpectrumPlotSettings.KEY_BINS, 30);
        });
        assertEquals(node.saveSettings(), node.reloaded().saveSettings());
        // a workflow saved with only some of the keys loads, the rest at their defaults
        final NodeSettings old = new NodeSettings("model");
        old.addString(SpectrumPlotSettings.KEY_SIDE, "gram");
        old.addString(SpectrumPlotSettings.KEY_OVERLAY, "none");
        final NodeHarness<SpectrumPlotNodeModel> fresh = NodeHarness.of(new SpectrumPlotNodeFactory());
        fresh.loadSettings(old);
        final NodeSettings loaded = fresh.saveSettings();
        assertEquals("gram", loaded.getString(SpectrumPlotSettings.KEY_SIDE));
        assertEquals("data-columns", loaded.getString(SpectrumPlotSettings.KEY_INPUT));
        assertEquals(EmpiricalSpectrum.DEFAULT_EDGE_MARGIN, loaded.getDouble(SpectrumPlotSettings.KEY_MARGIN), 0.0);
        assertTrue(loaded.getBoolean(SpectrumPlotSettings.KEY_ESTIMATE_VARIANCE));
        assertFalse(loaded.getBoolean(SpectrumPlotSettings.KEY_SUBTRACT_MEANS));
        final GeneratedData d = data(DataModel.GAUSSIAN, 30, 50, 0, 1);
        fresh.execute(table(d));
        assertEquals(50, fresh.table(0).size(), "the default column filter leaves out y and class");
        assertTrue(Tables.column(fresh.table(0), "outlier").stream().allMatch(v -> v == null), "no law: no flags");
        assertTrue(Double.isNaN(var(fresh, SpectrumPlotNodeModel.VAR_KS)));
        assertTrue(Tables.column(fresh.table(1), "theory_density").stream().allMatch(v -> v == null));
    }

    /** The dialog keeps the settings (the eigenvalue column must name a column, as the dialog picks one). */
    @Test
    void dialogRoundTripKeepsTheSettings() throws Exception {
        final NodeHarness<SpectrumPlotNodeModel> node = node(s -> {
            s.addString(SpectrumPlotSettings.KEY_EIGENVALUE_COLUMN, "x2");
            s.addBoolean(SpectrumPlotSettings.KEY_RANDOM_FEATURES, true);
        });
        final NodeSettings fromDialog = node.dialogRoundTrip(SampleTables.spec(3));
        assertEquals(node.saveSettings(), fromDialog);
        assertFalse(fromDialog.getNodeSettings("p_Internals").getBoolean("EnabledStatus"));
        assertTrue(fromDialog.getNodeSettings("feature_count_Internals").getBoolean("EnabledStatus"));
    }

    /**
     * Cancelling is honoured at every check of a run, from reading the table through the core's eigenvalue
     * computation to writing the tables, and a cancelled node has no chart. With 1000 rows the reading alone checks
     * 4 times (every 256 rows), so the first cancel stops it while reading, not at the end.
     */
    @Test
    void cancelIsHonouredAtEveryCheckAndLeavesNoChart() throws Exception {
        final BufferedDataTable in = table(data(DataModel.GAUSSIAN, 20, 1000, 0, 4));
        final TestExecution full = new TestExecution();
        node(s -> { }).execute(full, in);
        final int checks = full.checkCanceledCalls();
        assertTrue(checks > 4 + 2, checks + " checks: reading, the core's eigenvalues, the tables");
        for (int k = 0; k < checks; k++) {
            final NodeHarness<SpectrumPlotNodeModel> node = node(s -> { });
            final TestExecution exec = TestExecution.cancellingAfter(k);
            assertThrows(CanceledExecutionException.class, () -> node.execute(exec, in), "cancel after " + k);
            assertEquals(k + 1, exec.checkCanceledCalls(), "stopped at the first refused check");
            assertNull(node.model().chart());
        }
    }

    /**
     * The PNG is rendered headlessly, has the image port's size and shows a chart (many colours, a good share of
     * non-white pixels); log axes render too and give another picture. The view shows the chart, and it survives
     * a save and reload of the workflow.
     */
    @Test
    void chartIsAHeadlessNonBlankPng(@TempDir final File dir) throws Exception {
        final NodeHarness<SpectrumPlotNodeModel> node = node(s -> { });
        final BufferedDataTable in = table(data(DataModel.MIXTURE, P, N, 4, 5));
        node.execute(in);
        assertInstanceOf(ImagePortObject.class, node.output(2));
        final byte[] png = node.model().chart().png();
        final BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(900, image.getWidth());
        assertEquals(600, image.getHeight());
        final Set<Integer> colours = new HashSet<>();
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                final int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    coloured++;
                }
            }
        }
        assertTrue(colours.size() > 20, colours.size() + " colours");
        assertTrue(coloured > 0.05 * 900 * 600, coloured + " non-white pixels");

        final NodeHarness<SpectrumPlotNodeModel> log = node(s -> {
            s.addBoolean(SpectrumPlotSettings.KEY_LOG_X, true);
            s.addBoolean(SpectrumPlotSettings.KEY_LOG_Y, true);
        });
        log.execute(in);
        assertTrue(log.model().chart().figure().logX() && log.model().chart().figure().logY());
        assertFalse(Arrays.equals(png, log.model().chart().png()));
        // a log y axis shows no zeros: the curve stops at the edges and the outlier sits at the lowest height drawn
        for (Series series : log.model().chart().figure().series()) {
            if (series.kind() != Series.Kind.HISTOGRAM) {
                assertTrue(Arrays.stream(series.y()).allMatch(y -> y > 0), series.name());
            }
        }

        assertNotNull(node.openView(0));
        final NodeHarness<SpectrumPlotNodeModel> reloaded = node.internalsReloaded(dir);
        assertArrayEquals(png, reloaded.model().chart().png());
        assertTrue(Files.exists(new File(dir, "chart.png").toPath()));
    }

    @Test
    void descriptionIsWellFormed() throws Exception {
        assertEquals("knimeNode", NodeHarness.of(new SpectrumPlotNodeFactory()).nodeDescription().getDocumentElement()
            .getNodeName());
    }

    /** The four flow variables are pushed in a fixed order, whatever the overlay. */
    @Test
    void flowVariablesAreAlwaysTheSameFour() throws Exception {
        final NodeHarness<SpectrumPlotNodeModel> node = node(s -> { });
        node.execute(table(data(DataModel.GAUSSIAN, 10, 30, 0, 2)));
        final Map<String, Object> vars = node.flowVariables();
        assertEquals(new ArrayList<>(List.of(SpectrumPlotNodeModel.VAR_KS, SpectrumPlotNodeModel.VAR_OUTLIERS,
            SpectrumPlotNodeModel.VAR_LOWER, SpectrumPlotNodeModel.VAR_UPPER)), new ArrayList<>(vars.keySet()));
    }
}
