package org.rmtlab.core.chart;

import org.rmtlab.core.util.Check;

/**
 * Bin edges and bar heights of a histogram, for {@link Series#histogram}.
 *
 * @param edges the bins + 1 increasing edges
 * @param heights one height per bin
 */
public record Histogram(double[] edges, double[] heights) {

    /**
     * A density histogram of {@code values} on equal bins over [from, to]: height = count / (total x width),
     * where total counts every finite value, so that the bars integrate to the share of values inside
     * [from, to] and lie on top of a probability density drawn over them. Non-finite values are ignored; a
     * value equal to {@code to} falls in the last bin.
     */
    public static Histogram density(final double[] values, final int bins, final double from, final double to) {
        Check.positive("The number of histogram bins", bins);
        Check.finite("The histogram's lower end", from);
        Check.finite("The histogram's upper end", to);
        Check.that(to > from, "A histogram needs a lower end below the upper end, not [" + from + ", " + to + "].");
        final double width = (to - from) / bins;
        final double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = i == bins ? to : from + (to - from) * i / bins;
        }
        final long[] counts = new long[bins];
        long total = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            total++;
            if (v >= from && v <= to) {
                int k = Math.min(bins - 1, (int) ((v - from) / (to - from) * bins));
                // rounding may put a value on an edge into the neighbouring bin: compare with the edges
                if (v < edges[k]) {
                    k--;
                } else if (k + 1 < bins && v >= edges[k + 1]) {
                    k++;
                }
                counts[k]++;
            }
        }
        final double[] heights = new double[bins];
        for (int i = 0; i < bins; i++) {
            heights[i] = total == 0 ? 0 : counts[i] / (total * width);
        }
        return new Histogram(edges, heights);
    }

    /**
     * {@link #density(double[], int, double, double)} over the range of the finite values (widened a little
     * when all values are equal).
     *
     * @throws IllegalArgumentException when no value is finite
     */
    public static Histogram density(final double[] values, final int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        Check.that(lo <= hi, "A histogram needs at least one finite value.");
        if (lo == hi) {
            final double half = lo == 0 ? 0.5 : Math.abs(lo) / 20;
            return density(values, bins, lo - half, hi + half);
        }
        return density(values, bins, lo, hi);
    }
}
