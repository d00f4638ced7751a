package org.rmtlab.knime.spectrum;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.Histogram;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.spectrum.SpectralDistribution;
import org.rmtlab.core.util.Memory;
import org.rmtlab.knime.common.ChartOutput;
import org.rmtlab.knime.common.ChartingNodeModel;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.ExecProgress;
import org.rmtlab.knime.common.NumericMatrixReader;
import org.rmtlab.knime.common.TableMatrix;
import org.rmtlab.knime.spectrum.SpectrumPlotSettings.Parameters;

/**
 * Spectrum Plot: eigenvalues of the sample covariance or Gram matrix of the input (or read from a column), their
 * histogram against the limiting law, outliers, Kolmogorov distance and chart. The computation is
 * {@link SpectrumAnalysis}; this class reads the table, writes the outputs and publishes the flow variables.
 */
final class SpectrumPlotNodeModel extends ChartingNodeModel<SpectrumPlotSettings> {
    static final String COL_EIGENVALUE = "eigenvalue";
    static final String COL_OUTLIER = "outlier";
    static final String COL_RANK = "rank";
    static final String[] HISTOGRAM_COLUMNS =
        {"bin_lower", "bin_upper", "bin_center", "count", "density", "theory_density"};
    static final String VAR_KS = "ks_distance";
    static final String VAR_OUTLIERS = "outlier_count";
    static final String VAR_LOWER = "lower_edge";
    static final String VAR_UPPER = "upper_edge";

    private static final DataTableSpec EIGENVALUE_SPEC = new DataTableSpec(new String[] {COL_EIGENVALUE, COL_OUTLIER,
        COL_RANK}, new DataType[] {DoubleCell.TYPE, BooleanCell.TYPE, IntCell.TYPE});
    private static final DataTableSpec HISTOGRAM_SPEC = new DataTableSpec(HISTOGRAM_COLUMNS, new DataType[] {
        DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, IntCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE});

    /** How messages name the input table. */
    private static final String TABLE = "input table";

    SpectrumPlotNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE},
            new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE, ImagePortObject.TYPE},
            SpectrumPlotSettings::new);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final Parameters prm = settings.parameters();
        if (inSpecs[0] instanceof DataTableSpec spec) {
            reader(prm, spec);
        }
        return new PortObjectSpec[] {EIGENVALUE_SPEC, HISTOGRAM_SPEC, ChartOutput.spec()};
    }

    /** The reader of the columns the settings choose, checked against the spec, with the sizes it needs. */
    private NumericMatrixReader reader(final Parameters prm, final DataTableSpec spec)
        throws InvalidSettingsException {
        if (prm.input() == InputMode.DATA_COLUMNS) {
            final NumericMatrixReader reader =
                NumericMatrixReader.of(spec, TABLE, "data", settings.dataColumns(spec), null, prm.skipMissing());
            if (prm.features() != null) {
                CoreCall.settings(() -> {
                    Memory.require("the " + prm.features().count() + " x " + reader.p()
                        + " random weight matrix W", Memory.doubles(prm.features().count(), reader.p(), 1));
                    return null;
                });
            }
            return reader;
        }
        if (prm.eigenvalueColumn() == null || prm.eigenvalueColumn().isBlank()) {
            throw new InvalidSettingsException("No eigenvalue column is chosen. Choose the numeric column that holds "
                + "the eigenvalues in the dialog.");
        }
        final boolean covariance = prm.side() == SampleMatrix.COVARIANCE;
        if ((covariance ? prm.n() : prm.p()) == 0) {
            throw new InvalidSettingsException((covariance ? "n (the number of samples)" : "p (the dimension)")
                + " is missing. The ratio c = p/n cannot be read from a column of eigenvalues: set it in the dialog, "
                + "or bind it to the flow variable " + (covariance ? "n" : "p") + " of the Data Generator. The other "
                + "size, " + (covariance ? "p" : "n") + ", may be 0: then it is the number of eigenvalues.");
        }
        return NumericMatrixReader.of(spec, TABLE, "eigenvalue", List.of(prm.eigenvalueColumn()), null,
            prm.skipMissing());
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final Parameters prm = settings.parameters();
        final BufferedDataTable table = (BufferedDataTable) inObjects[0];
        final NumericMatrixReader reader = reader(prm, table.getDataTableSpec());
        final double variance = prm.variance();
        final LawInput in;
        final String warning;
        if (prm.input() == InputMode.DATA_COLUMNS) {
            requireMemory(prm, reader.p(), table.size());
            final TableMatrix read = reader.read(table, exec.createSubProgress(0.15)).requireSamples(1);
            warning = read.skipWarning();
            final DMatrixRMaj x = read.x();
            final ExecutionMonitor mapping = exec.createSubProgress(0.1);
            mapping.checkCanceled();
            final DMatrixRMaj f;
            if (prm.features() == null) {
                f = x;
            } else {
                mapping.setProgress(0, "random features sigma(W X), N = " + prm.features().count());
                f = CoreCall.execute(() -> prm.features().apply(x));
            }
            mapping.setProgress(1);
            final EmpiricalSpectrum spectrum = CoreCall.execute(() -> SpectrumAnalysis.spectrum(f, prm.side(),
                prm.subtractMeans(), new ExecProgress(exec.createSubProgress(0.55))));
            in = new LawInput(spectrum, variance, prm.population(), x, prm.features(), prm.subtractMeans());
        } else {
            final TableMatrix read = reader.read(table, exec.createSubProgress(0.1)).requireSamples(1);
            warning = read.skipWarning();
            final double[] values = read.feature(0);
            requireEigenvalues(values, table, read, prm.eigenvalueColumn());
            in = new LawInput(eigenvalueSpectrum(prm, values), variance, prm.population(), null, null, false);
        }
        final SpectrumAnalysis.Result r = CoreCall.execute(() -> SpectrumAnalysis.analyse(in, prm.overlay(),
            prm.margin(), prm.bins(), prm.logX(), prm.logY(), new ExecProgress(exec.createSubProgress(0.15))));
        final BufferedDataTable eigenvalues = eigenvalueTable(r, exec.createSubExecutionContext(0.02));
        final BufferedDataTable histogram = histogramTable(r, exec.createSubExecutionContext(0.01));
        exec.setProgress("rendering the chart");
        final ChartOutput rendered = ChartOutput.render(r.figure());
        setChart(rendered);
        pushVariables(r);
        if (warning != null) {
            setWarningMessage(warning);
        }
        return new PortObject[] {eigenvalues, histogram, rendered.port()};
    }

    /**
     * Refuses, before reading, sizes whose matrices would not fit: X (p x rows), the centred copy, W and F of the
     * feature map, and the sample matrix with its decomposition (the core checks each again when allocating).
     */
    private static void requireMemory(final Parameters prm, final long p, final long rows)
        throws InvalidSettingsException {
        final long features = prm.features() == null ? p : prm.features().count();
        final long m = Math.min(features, rows);
        final long bytes = Memory.doubles(p, rows, 1) + (prm.features() == null ? 0 : prm.features().bytes(p, rows))
            + SpectrumAnalysis.centringBytes(features, rows, prm.subtractMeans()) + Memory.doubles(m, m, 3);
        CoreCall.settings(() -> {
            Memory.require("the " + p + " x " + rows + " data matrix"
                + (prm.features() == null ? "" : ", the " + features + " x " + p + " weights and the " + features
                    + " x " + rows + " random features")
                + " and the " + m + " x " + m + " sample matrix", bytes);
            return null;
        });
    }

    /**
     * Eigenvalues of a sample matrix are >= 0; a value below -1e-9 times the largest magnitude is not a rounding
     * error of an eigensolver but a wrong column.
     */
    private static void requireEigenvalues(final double[] values, final BufferedDataTable table,
        final TableMatrix read, final String column) throws InvalidSettingsException {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] < -1e-9 * max) {
                throw new InvalidSettingsException("Row '" + read.rowKey(table, i)
                    + "' of the input table has the negative eigenvalue " + values[i] + " in column '" + column
                    + "'. Eigenvalues of a covariance or Gram matrix are >= 0: choose the column of eigenvalues "
                    + "(not, for example, a column of loadings or scores).");
            }
        }
    }

    /** The spectrum of a column of eigenvalues; a size left at 0 is the number of eigenvalues. */
    private static EmpiricalSpectrum eigenvalueSpectrum(final Parameters prm, final double[] values)
        throws InvalidSettingsException {
        final boolean covariance = prm.side() == SampleMatrix.COVARIANCE;
        final int p = covariance && prm.p() == 0 ? values.length : prm.p();
        final int n = !covariance && prm.n() == 0 ? values.length : prm.n();
        final int expected = prm.side().dimension(p, n);
        if (expected != values.length) {
            final String size = covariance ? "p" : "n";
            throw new InvalidSettingsException("The column '" + prm.eigenvalueColumn() + "' holds " + values.length
                + " eigenvalues, but the " + prm.side().id() + " matrix of a p x n = " + p + " x " + n
                + " data matrix has " + expected + ". Set " + size + " to " + values.length + " (or to 0, which "
                + "takes the number of eigenvalues), or choose the other matrix (covariance: p eigenvalues, "
                + "gram: n).");
        }
        return CoreCall.settings(() -> EmpiricalSpectrum.of(values, p, n, prm.side()));
    }

    /** One row per eigenvalue, largest first (rank 1); the outlier flag is missing when no law is drawn. */
    private static BufferedDataTable eigenvalueTable(final SpectrumAnalysis.Result r, final ExecutionContext exec)
        throws CanceledExecutionException {
        final double[] values = r.spectrum().eigenvalues();
        final BufferedDataContainer out = exec.createDataContainer(EIGENVALUE_SPEC);
        for (int rank = 1; rank <= values.length; rank++) {
            if (rank % 1024 == 0) {
                exec.checkCanceled();
                exec.setProgress(rank / (double) values.length, "eigenvalue " + rank + " of " + values.length);
            }
            final int i = values.length - rank;
            final DataCell flag = r.outlier() == null ? DataType.getMissingCell() : BooleanCell.get(r.outlier()[i]);
            out.addRowToTable(new DefaultRow(RowKey.createRowKey((long) rank - 1),
                new DataCell[] {new DoubleCell(values[i]), flag, new IntCell(rank)}));
        }
        out.close();
        return out.getTable();
    }

    /** One row per bin; theory_density is the law's mean density over the bin (missing without a law). */
    private static BufferedDataTable histogramTable(final SpectrumAnalysis.Result r, final ExecutionContext exec) {
        final Histogram h = r.histogram();
        final SpectralDistribution law = r.theory() == null ? null : r.theory().law();
        final BufferedDataContainer out = exec.createDataContainer(HISTOGRAM_SPEC);
        for (int b = 0; b < h.bins(); b++) {
            out.addRowToTable(new DefaultRow(RowKey.createRowKey((long) b), new DataCell[] {
                new DoubleCell(h.lower(b)), new DoubleCell(h.upper(b)), new DoubleCell(h.center(b)),
                new IntCell((int) h.count(b)), new DoubleCell(h.density(b)),
                law == null ? DataType.getMissingCell() : new DoubleCell(law.binDensity(h.lower(b), h.upper(b)))}));
        }
        out.close();
        return out.getTable();
    }

    /** The statistics for nodes downstream; NaN (and 0 outliers) without a law, so the variables always exist. */
    private void pushVariables(final SpectrumAnalysis.Result r) {
        final SpectralDistribution law = r.theory() == null ? null : r.theory().law();
        pushFlowVariableDouble(VAR_KS, r.ks());
        pushFlowVariableInt(VAR_OUTLIERS, r.outliers() == null ? 0 : r.outliers().count());
        pushFlowVariableDouble(VAR_LOWER, law == null ? Double.NaN : law.lowerEdge());
        pushFlowVariableDouble(VAR_UPPER, law == null ? Double.NaN : law.upperEdge());
    }
}
