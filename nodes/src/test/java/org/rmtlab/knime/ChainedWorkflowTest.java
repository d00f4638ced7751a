package org.rmtlab.knime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.knime.features.RandomFeatureNodeFactory;
import org.rmtlab.knime.generator.DataGeneratorNodeFactory;
import org.rmtlab.knime.resolvent.ResolventPredictorNodeFactory;
import org.rmtlab.knime.spectrum.SpectrumPlotNodeFactory;
import org.rmtlab.stub.testing.NodeHarness;
import org.rmtlab.stub.testing.Tables;

/**
 * Nodes chained as in a workflow, through the stub runtime: the tables one node writes are the inputs of the
 * next, with the settings a user would make in the dialogs (by their saved keys).
 */
class ChainedWorkflowTest {
    private static final int SEED = 11;

    /** The Data Generator's training and test tables. */
    private static BufferedDataTable[] generate(final String model, final int p, final int n, final int nTest)
        throws Exception {
        final NodeHarness<?> gen = TestSettings.set(NodeHarness.of(new DataGeneratorNodeFactory()), "model", model, "n", n,
            "n_test", nTest, "p", p, "seed", SEED);
        gen.execute();
        return new BufferedDataTable[] {gen.table(0), gen.table(1)};
    }

    /** The Random Feature Map's feature table for an input table: ReLU, N features, Gaussian W from the seed. */
    private static BufferedDataTable features(final BufferedDataTable in, final int bigN, final boolean keepInputs)
        throws Exception {
        final NodeHarness<?> map = TestSettings.set(NodeHarness.of(new RandomFeatureNodeFactory()), "n_features", bigN,
            "activation", "relu", "seed", SEED, "keep_inputs", keepInputs);
        map.execute(in);
        return map.table(0);
    }

    /** Column filter settings that include exactly {@code included} and exclude {@code excluded}. */
    private static void filter(final NodeSettings s, final String key, final List<String> included,
        final List<String> excluded) throws Exception {
        final NodeSettings f = s.getNodeSettings(key);
        f.addStringArray("included_names", included.toArray(new String[0]));
        f.addStringArray("excluded_names", excluded.toArray(new String[0]));
        f.addString("enforce_option", "EnforceInclusion");
    }

    private static List<String> names(final String prefix, final int count) {
        final List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    /**
     * Data Generator (two-class mixture, p = 100, n = 200 training and 400 test rows) -> Random Feature Map (ReLU, N
     * features, on both tables with the same seed, hence the same W) -> Resolvent Predictor in linear-ridge mode on
     * the features f1..fN with the target y and a tiny ridge: the Predictor sees p = N columns, so its ratio column
     * is N/n, and the test error of ridge fitted on the chained tables shows the double-descent peak at the
     * interpolation threshold N = n: at N/n = 1 it is more than 3 times that at N/n = 1/2 and at N/n = 2 (measured
     * 5.9 against 0.67 and 0.55; for ridgeless regression it diverges there, gamma = 1e-6 keeps it finite). The
     * linear-ridge theory column is not checked: it is the isotropic reference, which random features are not.
     */
    @Test
    void generatorRandomFeaturesResolventPredictorShowsTheDoubleDescentPeak() throws Exception {
        final int n = 200;
        final BufferedDataTable[] data = generate("mixture", 100, n, 400);
        final double[] ratio = {0.5, 1, 2};
        final double[] testFit = new double[ratio.length];
        for (int k = 0; k < ratio.length; k++) {
            final int bigN = (int) (ratio[k] * n);
            final NodeHarness<?> predictor = TestSettings.set(NodeHarness.of(new ResolventPredictorNodeFactory()), "mode",
                "linear-ridge", "gammas", "1e-6", "target_column", "y");
            predictor.execute(features(data[0], bigN, false), features(data[1], bigN, false));
            final BufferedDataTable curve = predictor.table(0);
            assertEquals(1, curve.size());
            assertArrayEquals(new double[] {ratio[k]}, Tables.doubles(curve, "N_over_n"), 1e-15);
            testFit[k] = Tables.doubles(curve, "test_sim")[0];
        }
        final String fits = Arrays.toString(testFit);
        assertTrue(testFit[1] > 3 * testFit[0] && testFit[1] > 3 * testFit[2], "fitted test errors " + fits);
    }

    /**
     * Data Generator (Gaussian, p = 128, n = 256) -> Random Feature Map (ReLU, N = 256, keeping the input columns)
     * -> Spectrum Plot on the data columns x1..x128 with the same feature map (N, activation, seed) and the
     * nonlinear Gram overlay, Gram side: the Plot's eigenvalues are those of (1/n) F^T F for the Map's feature
     * columns F (the same W, to rounding), the Kolmogorov distance to the law is small (O(1/n) plus O(n^-2/3) at
     * the edges, about 0.016 measured in the core test; allowed 0.03), and the one eigenvalue that the ReLU mean
     * creates, near N/(2 pi) = 41, is the only outlier.
     */
    @Test
    void generatorRandomFeaturesSpectrumPlotFitsTheNonlinearGramLaw() throws Exception {
        final int p = 128;
        final int n = 256;
        final int bigN = 256;
        final BufferedDataTable mapped = features(generate("gaussian", p, n, 0)[0], bigN, true);

        final NodeHarness<?> plot = NodeHarness.of(new SpectrumPlotNodeFactory());
        final NodeSettings s = plot.saveSettings();
        final List<String> excluded = new ArrayList<>(names("f", bigN));
        excluded.addAll(List.of("y", "class"));
        filter(s, "columns", names("x", p), excluded);
        s.addString("side", "gram");
        s.addBoolean("random_features", true);
        s.addInt("feature_count", bigN);
        s.addString("activation", "relu");
        s.addInt("seed", SEED);
        s.addString("overlay", "nonlinear-gram");
        plot.loadSettings(s);
        plot.execute(mapped);

        final double[] eigenvalues = Tables.doubles(plot.table(0), "eigenvalue");
        final double[][] f = new double[bigN][];
        for (int i = 0; i < bigN; i++) {
            f[i] = Tables.doubles(mapped, "f" + (i + 1));
        }
        final double[] fromMap = EmpiricalSpectrum.of(new DMatrixRMaj(f), SampleMatrix.GRAM).eigenvalues();
        for (int i = 0; i < n; i++) {
            assertEquals(fromMap[n - 1 - i], eigenvalues[i], 1e-10 * eigenvalues[0], "eigenvalue " + (i + 1));
        }
        final double ks = ((Number) plot.flowVariables().get("ks_distance")).doubleValue();
        assertTrue(ks < 0.03, "KS " + ks);
        assertEquals(1, ((Number) plot.flowVariables().get("outlier_count")).intValue());
        assertEquals(bigN / (2 * Math.PI), eigenvalues[0], 0.1 * bigN / (2 * Math.PI));
    }
}
