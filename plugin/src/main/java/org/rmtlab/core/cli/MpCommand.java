package org.rmtlab.core.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.Histogram;
import org.rmtlab.core.spectrum.MarchenkoPastur;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.spectrum.SpectrumFigures;
import org.rmtlab.core.util.Check;

/**
 * {@code rmtlab mp}: the Marchenko–Pastur density and CDF on a grid (columns x, density, cdf) and, with
 * {@code --n}, beside them the histogram density of the bin containing x and the empirical CDF of one
 * simulated spectrum (p = round(c n), iid N(0, variance) entries); the Kolmogorov distance goes to standard
 * error as {@code key=value}. {@code --plot FILE.png} draws the law (and the simulation's histogram with its outliers
 * beyond {@link EmpiricalSpectrum#DEFAULT_EDGE_MARGIN} Tracy-Widom scales) as {@code rmtlab spectrum} and the Spectrum Plot node do.
 */
final class MpCommand implements Command {

    @Override
    public String name() {
        return "mp";
    }

    @Override
    public String summary() {
        return "Marchenko-Pastur density and CDF, optionally beside a simulated spectrum";
    }

    @Override
    public List<Option> options() {
        return PlotOutput.with(List.of(
            Option.of("c", "0.5", "ratio c = p/n"),
            Option.of("variance", "1", "variance sigma^2 of the entries of X"),
            Option.of("side", "covariance", "covariance ((1/n) X X^T, p x p) or gram ((1/n) X^T X, n x n)"),
            Option.of("points", "400", "grid points (midpoints of equal cells over the support, 5% margin)"),
            Option.of("n", "0", "samples of a simulated spectrum beside the law (0: none)"),
            Option.of("bins", "0", "histogram bins of the simulation (0: Freedman-Diaconis)"),
            Option.of("seed", "42", "random seed of the simulation"),
            Option.of("out", null, "CSV file (default: standard output)")));
    }

    @Override
    public int run(final Args a, final PrintStream stdout) throws Exception {
        final PlotOutput plot = PlotOutput.from(a);
        final double c = a.real("c");
        final double variance = a.real("variance");
        final SampleMatrix side = SampleMatrix.fromId(a.string("side"));
        final MarchenkoPastur law = MarchenkoPastur.of(c, variance, side);
        final int points = Check.positive("points", a.integer("points"));
        Check.that(points <= 1_000_000, "--points must be at most 1000000.");
        final int n = a.integer("n");
        Check.that(n >= 0, "--n must be >= 0 (0: no simulation), not " + n + ".");
        final double margin = 0.05 * (law.upperEdge() - law.lowerEdge());
        final double from = Math.max(0, law.lowerEdge() - margin);
        final double to = law.upperEdge() + margin;
        EmpiricalSpectrum spectrum = null;
        Histogram histogram = null;
        double[] sorted = null;
        if (n > 0) {
            final int p = Math.max(1, (int) Math.round(c * n));
            final DataSpec spec = new DataSpec(DataModel.GAUSSIAN, n, 0, p, 0, 0, Scale.RAW, a.longValue("seed"));
            final double[] raw = EmpiricalSpectrum.of(DataGenerator.generate(spec).train().x(), side).eigenvalues();
            for (int i = 0; i < raw.length; i++) {
                raw[i] *= variance;
            }
            spectrum = EmpiricalSpectrum.of(raw, p, n, side);
            histogram = spectrum.histogram(a.integer("bins"));
            sorted = spectrum.eigenvalues();
            System.err.printf(Locale.ROOT, "p=%d%nn=%d%nks_distance=%.6g%n", p, n, spectrum.kolmogorovDistance(law));
        }
        final String[] header = spectrum == null ? new String[] {"x", "density", "cdf"}
            : new String[] {"x", "density", "cdf", "histogram_density", "empirical_cdf"};
        try (CsvWriter csv = CsvWriter.open(a.has("out") ? a.string("out") : null, stdout, header)) {
            for (int i = 0; i < points; i++) {
                final double x = from + (to - from) * (i + 0.5) / points;
                if (spectrum == null) {
                    csv.row(x, law.density(x), law.cdf(x));
                } else {
                    csv.row(x, law.density(x), law.cdf(x), binDensity(histogram, x), rank(sorted, x) / (double) sorted.length);
                }
            }
        }
        final EmpiricalSpectrum simulated = spectrum;
        final Histogram bars = histogram;
        plot.write(() -> simulated == null
            ? SpectrumFigures.figure(null, law, null, false, false, String.format(Locale.ROOT,
                "%s side: c = %s  |  %s", side.id(), Grid.text(c), SpectrumFigures.marchenkoPastur(variance)))
                .toBuilder().title("Marchenko\u2013Pastur law").build()
            : SpectrumCommand.figure(simulated, law, simulated.outliers(law, EmpiricalSpectrum.DEFAULT_EDGE_MARGIN), bars,
                SpectrumFigures.marchenkoPastur(variance)));
        return 0;
    }

    /** Density of the bin containing x, NaN (an empty cell) outside the histogram. */
    static double binDensity(final Histogram h, final double x) {
        for (int b = 0; b < h.bins(); b++) {
            if (x >= h.lower(b) && (x < h.upper(b) || b == h.bins() - 1 && x == h.upper(b))) {
                return h.density(b);
            }
        }
        return Double.NaN;
    }

    /** Number of sorted values <= x. */
    private static int rank(final double[] sorted, final double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
