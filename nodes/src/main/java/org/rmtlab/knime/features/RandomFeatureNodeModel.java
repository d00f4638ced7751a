package org.rmtlab.knime.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.ActivationInfo;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.GaussianEquivalent;
import org.rmtlab.core.kernel.GaussianEquivalents;
import org.rmtlab.core.kernel.InputScaling;
import org.rmtlab.core.kernel.RandomFeatures;
import org.rmtlab.core.kernel.WeightLaw;
import org.rmtlab.core.util.Rng;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.NumericMatrixReader;
import org.rmtlab.knime.common.OptionsNodeModel;
import org.rmtlab.knime.common.TableMatrix;

/**
 * Random Feature Map: the columns f1..fN of sigma(W X) for the selected numeric columns X (one sample
 * per row), followed by every other input column unchanged, and a one-row table of the activation's
 * Gaussian-equivalence coefficients at the data's input variance.
 *
 * <p>sigma(W X) is computed by the core one block of samples at a time
 * ({@link RandomFeatures#map(Activation, DMatrixRMaj, DMatrixRMaj, int, int)}, bit-identical to the
 * full map), so only W, X and a block of about {@link #BLOCK_DOUBLES} values are ever in memory.
 */
final class RandomFeatureNodeModel extends OptionsNodeModel<RandomFeatureSettings> {
    /** Prefix of the feature columns f1..fN. */
    static final String FEATURE_PREFIX = "f";
    /** Above this input variance without scaling, the user probably meant to divide by sqrt(p). */
    static final double LARGE_VARIANCE = 10;
    /** Doubles in one block of features, 8 MB: large enough for EJML's blocked product, small for the heap. */
    static final int BLOCK_DOUBLES = 1 << 20;
    /** Rows written between two cancellation checks inside a block. */
    private static final int CHECK_EVERY = 256;

    static final String COL_ACTIVATION = "activation";
    static final String COL_NAME = "name";
    static final String COL_FORMULA = "formula";
    static final String COL_VARIANCE = "input variance";
    static final String COL_MU0 = "mu0";
    static final String COL_MU1 = "mu1";
    static final String COL_MU_STAR = "mu_star";
    static final String COL_CLOSED_FORM = "closed-form kernel";
    static final String COL_KERNEL = "kernel";

    private final int blockDoubles;

    RandomFeatureNodeModel() {
        this(BLOCK_DOUBLES);
    }

    /** @param blockDoubles feature values computed at once (tests use small blocks to cross block borders) */
    RandomFeatureNodeModel(final int blockDoubles) {
        super(1, 2, RandomFeatureSettings::new);
        this.blockDoubles = blockDoubles;
    }

    /** Everything configure decides from the settings and the input spec. */
    private record Plan(Activation sigma, NumericMatrixReader reader, int[] passthrough, DataTableSpec features) {
    }

    private Plan plan(final DataTableSpec in) throws InvalidSettingsException {
        final Activation sigma = settings.activation();
        // checked here so that configure reports a bad id
        settings.weightLaw();
        settings.inputScaling();
        final List<String> features = settings.featureColumns(in);
        final NumericMatrixReader reader =
            NumericMatrixReader.of(in, "input table", features, null, settings.skipMissing.getBooleanValue());
        final int bigN = settings.bigN.getIntValue();
        CoreCall.settings(() -> {
            RandomFeatures.requireWeightMemory(bigN, reader.p());
            return null;
        });
        final Set<String> read = settings.keepInputs.getBooleanValue() ? Set.of() : new HashSet<>(features);
        final List<DataColumnSpec> columns = new ArrayList<>();
        for (int f = 1; f <= bigN; f++) {
            columns.add(new DataColumnSpecCreator(FEATURE_PREFIX + f, DoubleCell.TYPE).createSpec());
        }
        final List<Integer> passthrough = new ArrayList<>();
        for (int c = 0; c < in.getNumColumns(); c++) {
            final DataColumnSpec col = in.getColumnSpec(c);
            if (!read.contains(col.getName())) {
                if (isFeatureName(col.getName(), bigN)) {
                    throw new InvalidSettingsException("The input column '" + col.getName() + "' is passed through "
                        + "but has the name of a random feature column (" + FEATURE_PREFIX + "1.." + FEATURE_PREFIX
                        + bigN + "). Rename it (for example with the Column Renamer node) or include it among the "
                        + "feature columns.");
                }
                passthrough.add(c);
                columns.add(col);
            }
        }
        return new Plan(sigma, reader, passthrough.stream().mapToInt(Integer::intValue).toArray(),
            new DataTableSpec(columns.toArray(new DataColumnSpec[0])));
    }

    private static boolean isFeatureName(final String name, final int bigN) {
        if (!name.startsWith(FEATURE_PREFIX) || name.length() == FEATURE_PREFIX.length()
            || name.charAt(FEATURE_PREFIX.length()) == '0' || name.length() > FEATURE_PREFIX.length() + 9) {
            return false;
        }
        final String digits = name.substring(FEATURE_PREFIX.length());
        return digits.chars().allMatch(Character::isDigit) && Long.parseLong(digits) <= bigN;
    }

    static DataTableSpec coefficientSpec() {
        return new DataTableSpec(new DataColumnSpecCreator(COL_ACTIVATION, StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COL_NAME, StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COL_FORMULA, StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COL_VARIANCE, DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COL_MU0, DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COL_MU1, DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COL_MU_STAR, DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COL_CLOSED_FORM, BooleanCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COL_KERNEL, StringCell.TYPE).createSpec());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final Plan plan = plan(inSpecs[0]);
        return new DataTableSpec[] {plan.features(), coefficientSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final BufferedDataTable in = inData[0];
        final Plan plan = plan(in.getDataTableSpec());
        final InputScaling scaling = settings.inputScaling();
        final TableMatrix data = plan.reader().read(in, exec.createSubProgress(0.2)).requireSamples(1);
        final DMatrixRMaj x = scaling.apply(data.x());
        final int bigN = settings.bigN.getIntValue();
        final WeightLaw law = settings.weightLaw();
        final long seed = settings.seed.getIntValue();
        final DMatrixRMaj w = CoreCall.execute(() -> RandomFeatures.weights(bigN, x.numRows, law, new Rng(seed)));
        final double variance = CoreCall.execute(() -> GaussianEquivalents.inputVariance(x));
        final GaussianEquivalent ge = CoreCall.execute(() -> GaussianEquivalents.of(plan.sigma(), variance));
        final BufferedDataTable features = writeFeatures(in, data, x, w, plan, block(bigN, x.numCols, blockDoubles),
            exec.createSubExecutionContext(0.8));
        final BufferedDataTable coefficients = writeCoefficients(plan.sigma(), ge, exec);
        setWarningMessage(warning(data, scaling, variance));
        return new BufferedDataTable[] {features, coefficients};
    }

    /**
     * One output row per kept input row, in input order: the features of the sample, then the
     * passthrough cells. Features are computed block by block of samples.
     */
    private static BufferedDataTable writeFeatures(final BufferedDataTable in, final TableMatrix data,
        final DMatrixRMaj x, final DMatrixRMaj w, final Plan plan, final int block, final ExecutionContext exec)
        throws InvalidSettingsException, CanceledExecutionException {
        final int bigN = w.numRows;
        final int n = x.numCols;
        final BufferedDataContainer out = exec.createDataContainer(plan.features());
        final int[] pass = plan.passthrough();
        final DataCell[] cells = new DataCell[bigN + pass.length];
        DMatrixRMaj sigmaWx = null;
        int start = 0;
        int j = 0;
        long row = 0;
        try (CloseableRowIterator it = in.iterator()) {
            while (it.hasNext()) {
                final DataRow r = it.next();
                if (!data.kept(row++)) {
                    continue;
                }
                final boolean blockDone = j == start + (sigmaWx == null ? 0 : sigmaWx.numCols);
                if (blockDone || j % CHECK_EVERY == 0) {
                    exec.checkCanceled();
                    exec.setProgress(j / (double) n, "features of sample " + (j + 1) + " of " + n);
                }
                if (blockDone) {
                    start = j;
                    final int from = start;
                    sigmaWx = CoreCall.execute(() -> RandomFeatures.map(plan.sigma(), w, x, from,
                        Math.min(n, from + block)));
                }
                final int col = j - start;
                for (int f = 0; f < bigN; f++) {
                    cells[f] = new DoubleCell(sigmaWx.unsafe_get(f, col));
                }
                for (int c = 0; c < pass.length; c++) {
                    cells[bigN + c] = r.getCell(pass[c]);
                }
                out.addRowToTable(new DefaultRow(r.getKey(), cells));
                j++;
            }
        }
        out.close();
        exec.setProgress(1, "features of " + n + " samples written");
        return out.getTable();
    }

    /** Samples per block: about {@code blockDoubles} feature values, at least one sample. */
    static int block(final int bigN, final int n, final int blockDoubles) {
        return Math.max(1, Math.min(n, blockDoubles / bigN));
    }

    private static BufferedDataTable writeCoefficients(final Activation sigma, final GaussianEquivalent ge,
        final ExecutionContext exec) {
        final ActivationInfo info = Activations.info(sigma);
        final BufferedDataContainer out = exec.createDataContainer(coefficientSpec());
        out.addRowToTable(new DefaultRow(RowKey.createRowKey(0L), new StringCell(info.id()),
            new StringCell(info.name()), new StringCell(info.formula()), new DoubleCell(ge.variance()),
            new DoubleCell(ge.mu0()), new DoubleCell(ge.mu1()), new DoubleCell(ge.muStar()),
            BooleanCell.get(info.closedForm()), new StringCell(info.kernelFormula())));
        out.close();
        return out.getTable();
    }

    /** Skipped rows, and unscaled data far longer than the theory's ||x|| = O(1); null when all is well. */
    private static String warning(final TableMatrix data, final InputScaling scaling, final double variance) {
        final List<String> parts = new ArrayList<>();
        if (data.skipWarning() != null) {
            parts.add(data.skipWarning());
        }
        if (scaling == InputScaling.NONE && variance > LARGE_VARIANCE) {
            parts.add(String.format(Locale.ROOT, "The samples have mean squared length %.4g (p = %d), which is the "
                + "variance of the activation's input; the theory assumes samples of length about 1. If each column "
                + "has values of order 1, set the input scaling to 'sqrt-p'.", variance, data.p()));
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }
}
