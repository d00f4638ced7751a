package org.rmtlab.core.chart;

import java.util.Objects;

/**
 * One data series of a {@link Figure}: plain arrays, independent of any charting library.
 * <p>
 * Series of the same {@linkplain #group() group} share one colour, so that the theory and the simulation of
 * one quantity (say the test risk) read as a pair: theory as a line, simulation as hollow points with error
 * bars. The group defaults to the name.
 * <p>
 * The arrays are copied in and out. Values are not checked here: non-finite values and values that cannot be
 * shown on a log axis are left out when the figure is drawn, with a note under the chart.
 */
public final class Series {

    /** How a series is drawn. */
    public enum Kind {
        /** Straight segments through (x, y), no symbols: theory curves. A non-finite y breaks the line. */
        LINE,
        /** Hollow symbols at (x, y) with optional symmetric error bars y +- error: simulation means +- s.e. */
        POINTS,
        /** Bars over bins: x holds the n + 1 bin edges, y the n heights. */
        HISTOGRAM,
        /** A staircase: y[i] holds from x[i] up to x[i + 1]. */
        STEP,
        /** Filled, prominent symbols at (x, y): points singled out, such as eigenvalues outside the bulk. */
        OUTLIERS
    }

    private final Kind kind;
    private final String name;
    private final String group;
    private final double[] x;
    private final double[] y;
    private final double[] error;

    private Series(final Kind kind, final String name, final String group, final double[] x, final double[] y,
        final double[] error) {
        this.kind = kind;
        this.name = name == null ? "" : name;
        this.group = group == null ? this.name : group;
        this.x = x.clone();
        this.y = y.clone();
        this.error = error == null ? null : error.clone();
    }

    /** A theory curve. An empty name keeps it out of the legend. */
    public static Series line(final String name, final double[] x, final double[] y) {
        sameLength(name, "x", x, "y", y);
        return new Series(Kind.LINE, name, null, x, y, null);
    }

    /**
     * Simulation points, drawn as hollow symbols.
     *
     * @param error half-width of the symmetric error bar at each point (for example the standard error of a
     *     Monte-Carlo mean), or {@code null} for no error bars; a NaN entry draws no bar at that point
     */
    public static Series points(final String name, final double[] x, final double[] y, final double[] error) {
        sameLength(name, "x", x, "y", y);
        if (error != null) {
            sameLength(name, "y", y, "error", error);
        }
        return new Series(Kind.POINTS, name, null, x, y, error);
    }

    /**
     * Histogram bars.
     *
     * @param edges the n + 1 increasing bin edges
     * @param heights the n bar heights (counts, or densities: see {@link Histogram})
     */
    public static Series histogram(final String name, final double[] edges, final double[] heights) {
        Objects.requireNonNull(edges, "edges");
        Objects.requireNonNull(heights, "heights");
        if (edges.length != heights.length + 1) {
            throw new IllegalArgumentException("Histogram '" + name + "' needs one more bin edge than heights, but has "
                + edges.length + " edges and " + heights.length + " heights.");
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("Histogram '" + name + "': bin edges must increase strictly, but edge "
                    + i + " is " + edges[i] + " after " + edges[i - 1] + ".");
            }
        }
        return new Series(Kind.HISTOGRAM, name, null, edges, heights, null);
    }

    /** A staircase: y[i] holds from x[i] to x[i + 1] (an empirical distribution function, for example). */
    public static Series step(final String name, final double[] x, final double[] y) {
        sameLength(name, "x", x, "y", y);
        return new Series(Kind.STEP, name, null, x, y, null);
    }

    /** Points singled out, drawn as filled triangles on top of everything else. */
    public static Series outliers(final String name, final double[] x, final double[] y) {
        sameLength(name, "x", x, "y", y);
        return new Series(Kind.OUTLIERS, name, null, x, y, null);
    }

    /** The same series in colour group {@code group}: series of one group share one colour. */
    public Series inGroup(final String newGroup) {
        return new Series(kind, name, Objects.requireNonNull(newGroup, "group"), x, y, error);
    }

    public Kind kind() {
        return kind;
    }

    /** The legend label; empty means no legend entry. */
    public String name() {
        return name;
    }

    public String group() {
        return group;
    }

    /** The x values (bin edges for a histogram), a copy. */
    public double[] x() {
        return x.clone();
    }

    /** The y values (bar heights for a histogram), a copy. */
    public double[] y() {
        return y.clone();
    }

    /** Error-bar half-widths, a copy, or {@code null} when the series has none. */
    public double[] error() {
        return error == null ? null : error.clone();
    }

    /** Number of points (of bars for a histogram). */
    public int size() {
        return y.length;
    }

    // package-private views without copying, for the renderer
    double[] xs() {
        return x;
    }

    double[] ys() {
        return y;
    }

    double[] errors() {
        return error;
    }

    private static void sameLength(final String name, final String a, final double[] va, final String b,
        final double[] vb) {
        Objects.requireNonNull(va, a);
        Objects.requireNonNull(vb, b);
        if (va.length != vb.length) {
            throw new IllegalArgumentException("Series '" + name + "': " + a + " has " + va.length + " values but " + b
                + " has " + vb.length + "; they must have the same length.");
        }
    }
}
