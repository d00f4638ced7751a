package org.rmtlab.core.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a chart shows, as plain data: titles, axis labels and scales, series, reference lines and text
 * annotations. Independent of the charting library: {@link Charts} turns it into a JFreeChart or a PNG,
 * {@link Figures} assembles the product's standard figures.
 * <p>
 * Immutable; build one with {@link #builder()} and change a copy with {@link #toBuilder()}. Series are drawn
 * histograms first, then staircases, lines, points and outliers on top; the legend lists named series in the
 * order they were added.
 */
public final class Figure {
    private final String title;
    private final String subtitle;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final double[] xRange;
    private final double[] yRange;
    private final List<Series> series;
    private final List<Marker> markers;
    private final List<Annotation> annotations;
    private final List<String> notes;

    private Figure(final Builder b) {
        title = b.title;
        subtitle = b.subtitle;
        xLabel = b.xLabel;
        yLabel = b.yLabel;
        logX = b.logX;
        logY = b.logY;
        xRange = b.xRange;
        yRange = b.yRange;
        series = List.copyOf(b.series);
        markers = List.copyOf(b.markers);
        annotations = List.copyOf(b.annotations);
        notes = List.copyOf(b.notes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding everything of this figure, to derive a changed copy. */
    public Builder toBuilder() {
        final Builder b = new Builder();
        b.title = title;
        b.subtitle = subtitle;
        b.xLabel = xLabel;
        b.yLabel = yLabel;
        b.logX = logX;
        b.logY = logY;
        b.xRange = xRange;
        b.yRange = yRange;
        b.series.addAll(series);
        b.markers.addAll(markers);
        b.annotations.addAll(annotations);
        b.notes.addAll(notes);
        return b;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public String xLabel() {
        return xLabel;
    }

    public String yLabel() {
        return yLabel;
    }

    public boolean logX() {
        return logX;
    }

    public boolean logY() {
        return logY;
    }

    /** The fixed x range {lower, upper}, or {@code null} for a range fitted to the data. */
    public double[] xRange() {
        return xRange == null ? null : xRange.clone();
    }

    /** The fixed y range {lower, upper}, or {@code null} for a range fitted to the data. */
    public double[] yRange() {
        return yRange == null ? null : yRange.clone();
    }

    public List<Series> series() {
        return series;
    }

    public List<Marker> markers() {
        return markers;
    }

    public List<Annotation> annotations() {
        return annotations;
    }

    /** Footnotes printed in small type under the plot, before the automatic note on values left out. */
    public List<String> notes() {
        return notes;
    }

    /** Collects the parts of a {@link Figure}; every setter returns the builder. */
    public static final class Builder {
        private String title = "";
        private String subtitle = "";
        private String xLabel = "";
        private String yLabel = "";
        private boolean logX;
        private boolean logY;
        private double[] xRange;
        private double[] yRange;
        private final List<Series> series = new ArrayList<>();
        private final List<Marker> markers = new ArrayList<>();
        private final List<Annotation> annotations = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder() {
        }

        public Builder title(final String text) {
            title = text == null ? "" : text;
            return this;
        }

        /** A second, smaller line under the title: the parameters of the experiment, for example. */
        public Builder subtitle(final String text) {
            subtitle = text == null ? "" : text;
            return this;
        }

        public Builder xLabel(final String text) {
            xLabel = text == null ? "" : text;
            return this;
        }

        public Builder yLabel(final String text) {
            yLabel = text == null ? "" : text;
            return this;
        }

        /** Logarithmic x axis; values x <= 0 are then left out with a note. */
        public Builder logX(final boolean on) {
            logX = on;
            return this;
        }

        /** Logarithmic y axis; values y <= 0 are then left out with a note. */
        public Builder logY(final boolean on) {
            logY = on;
            return this;
        }

        /** Fixes the x range instead of fitting it to the data. */
        public Builder xRange(final double lower, final double upper) {
            xRange = range("x", lower, upper);
            return this;
        }

        /** Fixes the y range instead of fitting it to the data (to cut off a divergence, for example). */
        public Builder yRange(final double lower, final double upper) {
            yRange = range("y", lower, upper);
            return this;
        }

        public Builder add(final Series s) {
            series.add(Objects.requireNonNull(s, "series"));
            return this;
        }

        public Builder line(final String name, final double[] x, final double[] y) {
            return add(Series.line(name, x, y));
        }

        public Builder points(final String name, final double[] x, final double[] y, final double[] error) {
            return add(Series.points(name, x, y, error));
        }

        public Builder histogram(final String name, final double[] edges, final double[] heights) {
            return add(Series.histogram(name, edges, heights));
        }

        public Builder step(final String name, final double[] x, final double[] y) {
            return add(Series.step(name, x, y));
        }

        public Builder outliers(final String name, final double[] x, final double[] y) {
            return add(Series.outliers(name, x, y));
        }

        /**
         * The theory curve of a quantity: a line named "{@code quantity} (theory)" in colour group
         * {@code quantity}, so that it shares its colour with {@link #simulation} of the same quantity.
         */
        public Builder theory(final String quantity, final double[] x, final double[] y) {
            return add(Series.line(quantity + " (theory)", x, y).inGroup(quantity));
        }

        /**
         * Simulated values of a quantity: hollow points named "{@code quantity} (simulation)" with error bars
         * mean +- se, in colour group {@code quantity}.
         *
         * @param se standard errors, or {@code null} for no error bars
         */
        public Builder simulation(final String quantity, final double[] x, final double[] mean, final double[] se) {
            return measured(quantity, "simulation", new Measured(x, mean, se));
        }

        /**
         * Measured values of a quantity from some {@code source} other than a simulation (a fit on real data,
         * say): hollow points named "{@code quantity} ({@code source})" with error bars mean +- se if given, in
         * colour group {@code quantity}.
         */
        public Builder measured(final String quantity, final String source, final Measured m) {
            return add(Series.points(quantity + " (" + source + ")", m.x(), m.mean(), m.se()).inGroup(quantity));
        }

        /** {@link #simulation(String, double[], double[], double[])} from a {@link Measured}. */
        public Builder simulation(final String quantity, final Measured m) {
            return simulation(quantity, m.x(), m.mean(), m.se());
        }

        public Builder marker(final Marker m) {
            markers.add(Objects.requireNonNull(m, "marker"));
            return this;
        }

        /** A labelled vertical line at x. */
        public Builder markX(final double x, final String label) {
            return marker(Marker.atX(x, label));
        }

        /** A labelled horizontal line at y. */
        public Builder markY(final double y, final String label) {
            return marker(Marker.atY(y, label));
        }

        /** A text whose lower-left corner sits at data point (x, y). */
        public Builder annotate(final double x, final double y, final String text) {
            annotations.add(new Annotation(x, y, text));
            return this;
        }

        /** Adds a footnote under the plot ("points: mean +- s.e. over 20 trials", for example). */
        public Builder note(final String text) {
            if (text != null && !text.isBlank()) {
                notes.add(text);
            }
            return this;
        }

        public Figure build() {
            return new Figure(this);
        }

        private static double[] range(final String axis, final double lower, final double upper) {
            if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(upper > lower)) {
                throw new IllegalArgumentException("The " + axis + " range needs finite ends with lower < upper, not ["
                    + lower + ", " + upper + "].");
            }
            return new double[] {lower, upper};
        }
    }
}
