package org.rmtlab.core.spectrum;

import java.util.Arrays;

import org.rmtlab.core.util.Check;

/**
 * Histogram with equal-width bins on [from, to]. Densities are counts / (total * width), where
 * {@code total} counts every value given, also those outside [from, to]: so a histogram of the nonzero
 * eigenvalues of a spectrum with zeros is directly comparable with the density of the continuous part of
 * its law (which integrates to 1 - atom). The last bin is closed on the right.
 *
 * @param edges bins + 1 ascending bin edges
 * @param counts values per bin
 * @param densities counts / (total * width)
 * @param total number of values the densities are normalised by
 */
public record Histogram(double[] edges, long[] counts, double[] densities, long total) {
    /** Most bins the automatic rule chooses. */
    public static final int MAX_AUTO_BINS = 200;
    /** Most bins a user may ask for. */
    public static final int MAX_BINS = 100_000;

    public Histogram {
        edges = edges.clone();
        counts = counts.clone();
        densities = densities.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public double[] densities() {
        return densities.clone();
    }

    public int bins() {
        return counts.length;
    }

    public double lower(final int bin) {
        return edges[bin];
    }

    public double upper(final int bin) {
        return edges[bin + 1];
    }

    public double center(final int bin) {
        return 0.5 * (edges[bin] + edges[bin + 1]);
    }

    public long count(final int bin) {
        return counts[bin];
    }

    public double density(final int bin) {
        return densities[bin];
    }

    /** Histogram of all values over their range; {@code bins <= 0} chooses the count automatically. */
    public static Histogram of(final double[] values, final int bins) {
        Check.that(values != null && values.length > 0, "A histogram needs at least one value.");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            Check.finite("histogram value", v);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi == lo) {
            final double pad = lo == 0 ? 0.5 : 0.5 * Math.abs(lo) * 1e-6;
            lo -= pad;
            hi += pad;
        }
        return of(values, bins, lo, hi);
    }

    /**
     * Histogram of the values in [from, to], normalised by all values; {@code bins <= 0} chooses the count
     * by the Freedman–Diaconis rule ({@link #autoBins(double[], double, double)}).
     */
    public static Histogram of(final double[] values, final int bins, final double from, final double to) {
        Check.that(values != null, "A histogram needs values.");
        Check.finite("histogram start", from);
        Check.finite("histogram end", to);
        Check.that(to > from, "The histogram range needs end > start, but is [" + from + ", " + to + "].");
        Check.that(bins <= MAX_BINS, "At most " + MAX_BINS + " bins, not " + bins + ".");
        for (double v : values) {
            Check.that(!Double.isNaN(v), "Histogram values must not be NaN.");
        }
        final int k = bins > 0 ? bins : autoBins(values, from, to);
        final double[] edges = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            edges[i] = from + (to - from) * i / k;
        }
        edges[k] = to;
        final long[] counts = new long[k];
        final double width = (to - from) / k;
        for (double v : values) {
            if (v >= from && v <= to) {
                int i = (int) Math.floor((v - from) / width);
                i = Math.min(k - 1, Math.max(0, i));
                if (v < edges[i]) {
                    i--;
                } else if (v >= edges[i + 1] && i < k - 1) {
                    i++;
                }
                counts[i]++;
            }
        }
        final double[] densities = new double[k];
        for (int i = 0; i < k; i++) {
            densities[i] = values.length == 0 ? 0 : counts[i] / (values.length * (edges[i + 1] - edges[i]));
        }
        return new Histogram(edges, counts, densities, values.length);
    }

    /**
     * Freedman–Diaconis bin count for the values inside [from, to]: width 2 IQR N^(-1/3), which balances
     * the bias and the variance of the density estimate; Sturges' log2 N + 1 when the IQR is 0; capped at
     * {@link #MAX_AUTO_BINS}.
     */
    public static int autoBins(final double[] values, final double from, final double to) {
        final double[] inside = Arrays.stream(values).filter(v -> v >= from && v <= to).sorted().toArray();
        final int n = inside.length;
        if (n < 2) {
            return 1;
        }
        final double iqr = quantileOfSorted(inside, 0.75) - quantileOfSorted(inside, 0.25);
        final long k = iqr > 0
            ? (long) Math.ceil((to - from) * Math.cbrt(n) / (2 * iqr))
            : (long) Math.ceil(Math.log(n) / Math.log(2) + 1);
        return (int) Math.max(1, Math.min(MAX_AUTO_BINS, k));
    }

    /** Linear-interpolation quantile of sorted values. */
    private static double quantileOfSorted(final double[] sorted, final double u) {
        final double h = u * (sorted.length - 1);
        final int i = (int) Math.floor(h);
        final int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (h - i) * (sorted[j] - sorted[i]);
    }
}
