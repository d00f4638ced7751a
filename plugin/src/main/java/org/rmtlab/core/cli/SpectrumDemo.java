package org.rmtlab.core.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.demo.DemoCase;
import org.rmtlab.core.demo.DemoResult;
import org.rmtlab.core.demo.Discrepancy;
import org.rmtlab.core.spectrum.Histogram;
import org.rmtlab.core.spectrum.SpectrumFigures;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;

/**
 * A demo case on an eigenvalue law: the histogram of the eigenvalues of T independent trials beside the limiting
 * density, scored bin by bin. The figure is the Spectrum Plot node's ({@link SpectrumFigures}) with the mean
 * histogram as bars.
 *
 * <p>Statistic: {@value #BULK_BINS} equal bins across the bulk [lower, upper] of the law (and, for the figure only,
 * {@link Experiment#extraBins()} more of the same width above it). In each bin the count of every trial is
 * recorded; the theory's value is the expected count d (F(right) - F(left)), d the number of eigenvalues per trial
 * and F the law's distribution function, and the simulation's is the mean count over the T trials with its
 * standard error from their spread. Why not one trial with a binomial standard error: eigenvalues are rigid (they
 * repel each other), so a bin's count varies by about one eigenvalue from trial to trial where a binomial law
 * would say sqrt(d F (1 - F)), 3 to 7 here; the binomial error would hide any deviation. The spread over
 * independent trials measures the true variance whatever the correlations between bins; the union bound of the
 * tolerance is conservative for those correlations ({@link Discrepancy}).
 *
 * <p>Not scored: the {@value #EDGE_BINS} bins at each end of the bulk. The mean eigenvalue density of a finite
 * real (beta = 1) matrix differs from its limit by O(1/d), and this correction integrates to O(1) eigenvalues
 * piled up near the edges of the support (about 1/4 eigenvalue at each soft edge of Marchenko-Pastur, more at the
 * steep or hard edges of a nonlinear Gram spectrum). A count's fluctuation is O(1) too, so unlike the smooth
 * quantities of the other cases this correction does not shrink relative to the standard error as the size grows:
 * it is left out instead (the measured size of both, per case, is in the case's comment). Neither are bins expected
 * to hold fewer than {@value #MIN_EXPECTED} eigenvalue per trial (none at the defaults): such a count is mostly 0 or
 * 1, and a few trials may all agree, which leaves no spread to estimate the standard error from. The Kolmogorov
 * distance, O(log d / d) by rigidity, mixes the finite-size correction and the fluctuation and is not scored.
 */
abstract class SpectrumDemo implements DemoCase {
    /** Equal bins across the bulk. */
    static final int BULK_BINS = 30;
    /** Bins at each end of the bulk that are drawn but not scored (see the class comment). */
    static final int EDGE_BINS = 2;
    /** Bins expected to hold fewer eigenvalues per trial are not scored (see the class comment). */
    static final double MIN_EXPECTED = 1;
    /** The y axis reaches this many times the highest bar, but at most this factor squared times the highest scored bar. */
    private static final double HEADROOM = 1.2;

    /** The law and the trials of one run, prepared by {@link #prepare}. */
    abstract static class Experiment {
        /** The size for the summary table, for example {@code p=500 n=1000}. */
        abstract String size();

        /** The experiment's parameters in words, for the figure's subtitle. */
        abstract String setting();

        /** Eigenvalues per trial, d. */
        abstract int dimension();

        /** Lower end of the binned bulk. */
        abstract double lower();

        /** Upper end of the binned bulk. */
        abstract double upper();

        /** Bins of the same width drawn above the bulk, not scored. */
        int extraBins() {
            return 0;
        }

        /** The law's distribution function at each x (ascending). */
        abstract double[] cdf(double[] x);

        /**
         * The spectrum figure of {@link SpectrumFigures} (the Spectrum Plot node's) of these bars against the law,
         * with {@link #setting()} as subtitle.
         *
         * @param from lower end of the bars
         * @param to upper end of the bars
         */
        abstract Figure figure(org.rmtlab.core.chart.Histogram bars, double from, double to);

        /** The eigenvalues of trial {@code t} (0-based), independent of the other trials. */
        abstract double[] trial(int t) throws CancelledException;
    }

    private final String name;

    SpectrumDemo(final String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    /** Monte-Carlo trials, at least 2 (standard errors). */
    abstract int trials(boolean quick);

    /** Computes the law and prepares the trials. */
    abstract Experiment prepare(Progress progress) throws CancelledException;

    /**
     * The figure: {@code base} has the histogram, the density, the subtitle and the notes; the case adds its title,
     * the edges it marks and what else it shows (isolated eigenvalues, for example).
     *
     * @param eigenvalues the eigenvalues of every trial, ascending within a trial
     */
    abstract Figure figure(Figure base, Experiment e, double[][] eigenvalues);

    @Override
    public final DemoResult run(final boolean quick, final Path dir, final Progress progress) throws Exception {
        final Experiment e = prepare(progress.sub(0, 0.1));
        final int trials = trials(quick);
        Check.that(trials >= 2, "A spectrum case needs at least 2 trials, not " + trials + ".");
        final int bins = BULK_BINS + e.extraBins();
        final double width = (e.upper() - e.lower()) / BULK_BINS;
        final double from = e.lower();
        final double to = e.extraBins() == 0 ? e.upper() : from + bins * width;
        final double[] edges = Histogram.of(new double[0], bins, from, to).edges();
        final double[][] eigenvalues = new double[trials][];
        final double[][] counts = new double[bins][trials];
        for (int t = 0; t < trials; t++) {
            progress.checkCancelled();
            progress.report(0.1 + 0.9 * t / trials, "trial " + (t + 1) + " of " + trials);
            eigenvalues[t] = e.trial(t);
            final Histogram h = Histogram.of(eigenvalues[t], bins, from, to);
            for (int k = 0; k < bins; k++) {
                counts[k][t] = h.count(k);
            }
        }
        final double[] cdf = e.cdf(edges);
        final double d = e.dimension();
        final double[] mean = new double[bins];
        final double[] se = new double[bins];
        final double[] expected = new double[bins];
        final double[] density = new double[bins];
        final boolean[] scored = new boolean[bins];
        final Discrepancy.Accumulator acc = new Discrepancy.Accumulator();
        final Path csv = dir.resolve(name + ".csv");
        try (CsvWriter out = CsvWriter.open(csv.toString(), null, "bin_lower", "bin_upper", "bin_center", "count",
            "count_se", "expected_count", "density", "theory_density", "scored")) {
            for (int k = 0; k < bins; k++) {
                final double w = edges[k + 1] - edges[k];
                mean[k] = mean(counts[k]);
                se[k] = standardError(counts[k], mean[k]);
                expected[k] = d * (cdf[k + 1] - cdf[k]);
                density[k] = mean[k] / (d * w);
                scored[k] = k >= EDGE_BINS && k < BULK_BINS - EDGE_BINS && expected[k] >= MIN_EXPECTED;
                if (scored[k]) {
                    acc.add(String.format(Locale.ROOT, "count in [%.4g, %.4g]", edges[k], edges[k + 1]), expected[k],
                        mean[k], se[k]);
                }
                out.row(edges[k], edges[k + 1], 0.5 * (edges[k] + edges[k + 1]), mean[k], se[k], expected[k],
                    density[k], expected[k] / (d * w), scored[k] ? 1 : 0);
            }
        }
        progress.report(1, "done");

        // the axis follows the scored bars: at a hard edge the density diverges and the edge bars tower over the rest
        double scoredTop = 0;
        double top = 0;
        for (int k = 0; k < bins; k++) {
            top = Math.max(top, density[k]);
            if (scored[k]) {
                scoredTop = Math.max(scoredTop, density[k]);
            }
        }
        final double axis = HEADROOM * Math.min(top, HEADROOM * scoredTop);
        final Figure.Builder b = e.figure(new org.rmtlab.core.chart.Histogram(edges, density), from, to).toBuilder()
            .yRange(0, axis);
        if (top > axis) {
            b.note(String.format(Locale.ROOT, "the y axis is cut at %.2g: the highest bar reaches %.2g", axis, top));
        }
        final Figure base = b
            .note(String.format(Locale.ROOT, "scored: the expected count of %d inner bins against the mean count;"
                + " the %d bins at each edge of the bulk are not scored", acc.points(), EDGE_BINS))
            .note("bars: mean histogram of " + trials + " independent trials; line: limiting density")
            .build();
        return new DemoResult(e.size(), acc.result(trials), figure(base, e, eigenvalues), List.of(csv));
    }

    private static double mean(final double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Standard error of the mean of v: sample standard deviation / sqrt(length). */
    private static double standardError(final double[] v, final double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / (v.length - 1) / v.length);
    }
}
