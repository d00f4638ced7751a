package org.rmtlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.Histogram;
import org.rmtlab.core.spectrum.MarchenkoPastur;
import org.rmtlab.core.spectrum.Outliers;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.spectrum.SpectralDistribution;
import org.rmtlab.core.spectrum.SpectrumFigures;
import org.rmtlab.core.spectrum.SpikedCovariance;

/**
 * {@code rmtlab spectrum}: eigenvalues of a generated data set against the Marchenko–Pastur law.
 *
 * <p>Outputs, kept apart so that every CSV is a plain table: the main CSV (standard output or
 * {@code --out}) is the histogram of the bulk (the range of the eigenvalues that are not outliers, as the Spectrum
 * Plot node's), one row per bin: bin_lower, bin_upper, bin_center, count, density,
 * mp_density (the law's mean density over the bin, comparable with density). The summary (ratio, variance
 * used, edges, Kolmogorov distance, outliers, and for the mixture the predicted BBP outlier) goes to standard
 * error as {@code key=value} lines, and with {@code --summary FILE} also to a CSV with columns quantity,value
 * (one row per outlier). {@code --eigenvalues FILE} writes all eigenvalues (column eigenvalue), {@code --plot FILE.png}
 * the Spectrum Plot node's figure of the same histogram and law ({@link #figure}).
 */
final class SpectrumCommand implements Command {

    @Override
    public String name() {
        return "spectrum";
    }

    @Override
    public String summary() {
        return "eigenvalue histogram of generated data vs Marchenko-Pastur, KS distance, outliers";
    }

    @Override
    public List<Option> options() {
        return PlotOutput.with(List.of(
            Option.of("data", "gaussian", "law: " + DataModel.ids()),
            Option.of("n", "1000", "training samples"),
            Option.of("p", "500", "dimension"),
            Option.of("rho", "4", "mixture signal strength ||mu||^2"),
            Option.of("noise", "0.1", "teacher label-noise standard deviation (the spectrum ignores labels)"),
            Option.of("scale", "normalised", "normalised (x / sqrt(p)) or raw"),
            Option.of("seed", "42", "random seed"),
            Option.of("side", "covariance", "covariance ((1/n) X X^T, p x p) or gram ((1/n) X^T X, n x n)"),
            Option.of("variance", "auto",
                "entry variance of the law: auto (1/p normalised, 1 raw), estimate (tr/p), or a number"),
            Option.of("bins", "0", "histogram bins (0: Freedman-Diaconis, at most 200)"),
            Option.of("margin", Grid.text(EmpiricalSpectrum.DEFAULT_EDGE_MARGIN), "outlier margin beyond the edges, in Tracy-Widom scales"),
            Option.of("summary", null, "also write the summary as CSV (quantity,value) to this file"),
            Option.of("eigenvalues", null, "also write all eigenvalues as CSV to this file"),
            Option.of("out", null, "histogram CSV file (default: standard output)")));
    }

    @Override
    public int run(final Args a, final PrintStream stdout) throws Exception {
        final PlotOutput plot = PlotOutput.from(a);
        final Scale scale = Scale.fromId(a.string("scale"));
        final DataSpec spec = new DataSpec(DataModel.fromId(a.string("data")), a.integer("n"), 0, a.integer("p"),
            a.real("rho"), a.real("noise"), scale, a.longValue("seed"));
        final SampleMatrix side = SampleMatrix.fromId(a.string("side"));
        final EmpiricalSpectrum spectrum = EmpiricalSpectrum.of(DataGenerator.generate(spec).train().x(), side);
        final String v = a.string("variance").trim().toLowerCase(Locale.ROOT);
        final double variance;
        switch (v) {
            case "auto" -> variance = scale == Scale.NORMALISED ? 1.0 / spec.p() : 1.0;
            case "estimate" -> variance = spectrum.varianceEstimate();
            default -> variance = a.real("variance");
        }
        final MarchenkoPastur law = spectrum.marchenkoPastur(variance);
        final Outliers outliers = spectrum.outliers(law, a.real("margin"));
        final Histogram h = SpectrumFigures.histogram(spectrum, outliers.flags(spectrum.eigenvalues()),
            a.integer("bins"));
        try (CsvWriter csv = CsvWriter.open(a.has("out") ? a.string("out") : null, stdout,
            "bin_lower", "bin_upper", "bin_center", "count", "density", "mp_density")) {
            for (int b = 0; b < h.bins(); b++) {
                csv.row(h.lower(b), h.upper(b), h.center(b), h.count(b), h.density(b),
                    law.binDensity(h.lower(b), h.upper(b)));
            }
        }
        final List<Object[]> summary = new ArrayList<>();
        summary.add(new Object[] {"p", spec.p()});
        summary.add(new Object[] {"n", spec.n()});
        summary.add(new Object[] {"ratio", spec.ratio()});
        summary.add(new Object[] {"side", side.id()});
        summary.add(new Object[] {"variance", variance});
        summary.add(new Object[] {"variance_source", v.equals("auto") || v.equals("estimate") ? v : "given"});
        summary.add(new Object[] {"lower_edge", law.lowerEdge()});
        summary.add(new Object[] {"upper_edge", law.upperEdge()});
        summary.add(new Object[] {"zero_eigenvalues", spectrum.zeroCount()});
        summary.add(new Object[] {"atom", law.atom()});
        summary.add(new Object[] {"ks_distance", spectrum.kolmogorovDistance(law)});
        summary.add(new Object[] {"largest_eigenvalue", spectrum.eigenvalues()[spectrum.dimension() - 1]});
        summary.add(new Object[] {"lower_threshold", outliers.lowerThreshold()});
        summary.add(new Object[] {"upper_threshold", outliers.upperThreshold()});
        summary.add(new Object[] {"outliers", outliers.count()});
        for (double o : outliers.below()) {
            summary.add(new Object[] {"outlier_below", o});
        }
        for (double o : outliers.above()) {
            summary.add(new Object[] {"outlier_above", o});
        }
        if (spec.model() == DataModel.MIXTURE) {
            final SpikedCovariance bbp = new SpikedCovariance(spec.ratio(), variance);
            summary.add(new Object[] {"bbp_threshold_rho", bbp.mixtureThreshold()});
            summary.add(new Object[] {"predicted_largest_eigenvalue", bbp.mixtureLargestEigenvalue(spec.rho())});
            summary.add(new Object[] {"predicted_overlap", bbp.mixtureOverlap(spec.rho())});
        }
        for (Object[] row : summary) {
            System.err.println(row[0] + "=" + CsvWriter.format(row[1]));
        }
        if (a.has("summary")) {
            try (CsvWriter csv = CsvWriter.open(a.string("summary"), stdout, "quantity", "value")) {
                for (Object[] row : summary) {
                    csv.row(row);
                }
            }
        }
        if (a.has("eigenvalues")) {
            writeEigenvalues(a.string("eigenvalues"), spectrum.eigenvalues(), stdout);
        }
        plot.write(() -> figure(spectrum, law, outliers, h, SpectrumFigures.marchenkoPastur(variance)));
        return 0;
    }

    /**
     * The Spectrum Plot node's figure ({@link SpectrumFigures}): the histogram of the bulk against the law, the
     * outliers as markers; with the same data and settings (data columns, the law, bins, margin) the node's image
     * port holds the same picture.
     */
    static Figure figure(final EmpiricalSpectrum spectrum, final SpectralDistribution law, final Outliers outliers,
        final Histogram h, final String description) {
        final double[] below = outliers.below();
        final double[] above = outliers.above();
        final double[] values = Arrays.copyOf(below, below.length + above.length);
        System.arraycopy(above, 0, values, below.length, above.length);
        return SpectrumFigures.figure(SpectrumFigures.bars(h), law, values, false, false,
            SpectrumFigures.subtitle(spectrum, "X", description, spectrum.kolmogorovDistance(law), outliers));
    }

    private static void writeEigenvalues(final String file, final double[] values, final PrintStream stdout)
        throws IOException {
        try (CsvWriter csv = CsvWriter.open(file, stdout, "eigenvalue")) {
            for (double e : values) {
                csv.row(e);
            }
        }
    }
}
