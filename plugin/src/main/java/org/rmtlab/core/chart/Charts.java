package org.rmtlab.core.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.swing.JComponent;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;

/**
 * Turns a {@link Figure} into a JFreeChart (for Swing views) or a PNG (for image ports and the CLI), in the one
 * theme of {@link Theme}. Rendering never fails on data: non-finite values, and values that a log axis cannot
 * show, are left out and counted in a note under the chart; a line breaks where a value is left out.
 * <p>
 * PNGs are rendered off-screen and work with {@code -Djava.awt.headless=true}. The same figure gives the same
 * bytes within one installation; text rendering depends on the fonts the JVM finds, so another machine may
 * differ in a few pixels.
 */
public final class Charts {
    /** Largest accepted width or height in pixels before scaling. */
    public static final int MAX_SIDE = 10_000;
    /** Smallest accepted width or height in pixels. */
    public static final int MIN_SIDE = 100;
    /** Largest accepted scale factor. */
    public static final double MAX_SCALE = 4;

    /**
     * Smallest layout the fonts are made for. A smaller image is laid out at this size (up to
     * {@link #MAX_SHRINK} times larger) and scaled down, so that text and legend shrink with it instead of
     * squeezing the plot.
     */
    private static final double LAYOUT_WIDTH = 600;
    private static final double LAYOUT_HEIGHT = 400;
    private static final double MAX_SHRINK = 1.5;

    /** Relative padding around the data on a linear axis, and in decades on a log axis. */
    private static final double MARGIN = 0.04;
    /** Vertical-marker labels closer than this share of the width go on separate rows. */
    private static final double LABEL_CROWDING = 0.16;
    private static final double LABEL_ROW_HEIGHT = 17;

    private Charts() {
    }

    /**
     * The figure as a themed JFreeChart, ready for a {@code ChartPanel} or for drawing. A new chart each call.
     */
    public static JFreeChart toJFreeChart(final Figure figure) {
        final Notes notes = new Notes();
        final List<Prepared> prepared = prepare(figure, notes);
        final Extent xs = new Extent();
        final Extent ys = new Extent();
        for (Prepared p : prepared) {
            p.extend(xs, ys, figure.logY());
        }
        for (Marker m : figure.markers()) {
            final boolean log = m.vertical() ? figure.logX() : figure.logY();
            if (!Double.isFinite(m.value()) || log && m.value() <= 0) {
                notes.markers++;
            } else {
                (m.vertical() ? xs : ys).add(m.value(), true);
            }
        }
        final double[] xRange = range(figure.xRange(), xs, figure.logX(), notes, "x");
        final double[] yRange = range(figure.yRange(), ys, figure.logY(), notes, "y");

        final XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(figure.xLabel(), figure.logX(), xRange));
        plot.setRangeAxis(axis(figure.yLabel(), figure.logY(), yRange));
        style(plot, figure);

        final Map<String, Integer> groups = new LinkedHashMap<>();
        for (Series s : figure.series()) {
            groups.putIfAbsent(s.group(), groups.size());
        }
        final List<Prepared> drawOrder = new ArrayList<>(prepared);
        drawOrder.sort(Comparator.comparingInt(p -> p.series.kind().ordinal()));
        final Map<Prepared, Integer> index = new LinkedHashMap<>();
        for (Prepared p : drawOrder) {
            final int i = index.size();
            index.put(p, i);
            final Color colour = Theme.colour(groups.get(p.series.group()));
            plot.setDataset(i, p.dataset(yRange[0]));
            plot.setRenderer(i, renderer(p.series.kind(), p.hasErrors(), colour, figure.logY() ? yRange[0] : 0));
        }
        final LegendItemCollection legend = new LegendItemCollection();
        for (Prepared p : prepared) {
            if (!p.series.name().isEmpty()) {
                final int i = index.get(p);
                final LegendItem item = plot.getRenderer(i).getLegendItem(i, 0);
                if (item != null) {
                    legend.add(item);
                }
            }
        }
        plot.setFixedLegendItems(legend);
        addMarkers(plot, figure, xRange);
        addAnnotations(plot, figure, notes);

        final JFreeChart chart = new JFreeChart(figure.title().isEmpty() ? null : figure.title(), Theme.TITLE, plot,
            false);
        final List<String> footnotes = new ArrayList<>(figure.notes());
        if (!notes.text().isEmpty()) {
            footnotes.add(notes.text());
        }
        decorate(chart, figure, legend.getItemCount() > 0, String.join("\n", footnotes));
        return chart;
    }

    /**
     * The figure in an interactive Swing panel (JFreeChart's {@code ChartPanel}: drag to zoom,
     * mouse wheel, right-click menu), for the node views. Callers see only {@link JComponent}, so the KNIME bundle
     * does not need JFreeChart's packages. Only call on a machine with a display.
     */
    public static JComponent panel(final Figure figure) {
        final ChartPanel panel = new ChartPanel(toJFreeChart(figure));
        panel.setMouseWheelEnabled(true);
        panel.setPreferredSize(new java.awt.Dimension(900, 600));
        return panel;
    }

    /**
     * Renders the figure off-screen. Images smaller than 600 x 400 are laid out larger and scaled down (by at
     * most 1.5), so that the plot keeps its share of a small image.
     *
     * @param width layout width in pixels, {@value #MIN_SIDE} to {@value #MAX_SIDE}
     * @param height layout height in pixels, {@value #MIN_SIDE} to {@value #MAX_SIDE}
     * @param scale pixel density: 2 gives an image of 2 width x 2 height with the same layout, sharper on
     *     high-resolution screens; at most {@value #MAX_SCALE}
     */
    public static BufferedImage image(final Figure figure, final int width, final int height, final double scale) {
        checkSize(width, height, scale);
        final int w = (int) Math.round(width * scale);
        final int h = (int) Math.round(height * scale);
        Memory.require("a chart image of " + w + " x " + h + " pixels", 4L * w * h);
        final JFreeChart chart = toJFreeChart(figure);
        final BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(Theme.BACKGROUND);
            g2.fillRect(0, 0, w, h);
            final double shrink = Math.min(MAX_SHRINK, Math.max(1, Math.max(LAYOUT_WIDTH / width,
                LAYOUT_HEIGHT / height)));
            g2.scale(scale / shrink, scale / shrink);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width * shrink, height * shrink));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** The figure as PNG bytes of width x height pixels. */
    public static byte[] png(final Figure figure, final int width, final int height) {
        return png(figure, width, height, 1);
    }

    /** The figure as PNG bytes; see {@link #image} for the arguments. */
    public static byte[] png(final Figure figure, final int width, final int height, final double scale) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            writePng(image(figure, width, height, scale), out);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding into memory failed", e);
        }
        return out.toByteArray();
    }

    /** Writes the figure as a PNG file of width x height pixels, creating missing parent folders. */
    public static void writePng(final Figure figure, final Path file, final int width, final int height)
        throws IOException {
        final byte[] bytes = png(figure, width, height);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.write(file, bytes);
    }

    private static void writePng(final BufferedImage image, final OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("This Java runtime has no PNG encoder.");
        }
    }

    private static void checkSize(final int width, final int height, final double scale) {
        Check.that(width >= MIN_SIDE && width <= MAX_SIDE && height >= MIN_SIDE && height <= MAX_SIDE,
            "A chart must be " + MIN_SIDE + " to " + MAX_SIDE + " pixels wide and high, not " + width + " x " + height
                + ".");
        Check.that(scale > 0 && scale <= MAX_SCALE,
            "The chart scale must be > 0 and at most " + MAX_SCALE + ", not " + scale + ".");
    }

    // ---------------------------------------------------------------- data

    private static List<Prepared> prepare(final Figure figure, final Notes notes) {
        final List<Prepared> out = new ArrayList<>();
        for (Series s : figure.series()) {
            out.add(s.kind() == Series.Kind.HISTOGRAM ? Prepared.bars(s, figure.logX(), figure.logY(), notes)
                : Prepared.points(s, figure.logX(), figure.logY(), notes));
        }
        return out;
    }

    /**
     * A series with what cannot be drawn taken out. For points: x, y and the error-bar ends lo, hi (lo is NaN
     * where it falls at or below 0 on a log axis: it is cut at the axis then). For bars: x = left edge,
     * hi = right edge, y = height.
     */
    private static final class Prepared {
        final Series series;
        final double[] x;
        final double[] y;
        final double[] lo;
        final double[] hi;

        private Prepared(final Series series, final double[] x, final double[] y, final double[] lo,
            final double[] hi) {
            this.series = series;
            this.x = x;
            this.y = y;
            this.lo = lo;
            this.hi = hi;
        }

        static Prepared points(final Series s, final boolean logX, final boolean logY, final Notes notes) {
            final boolean connected = s.kind() == Series.Kind.LINE || s.kind() == Series.Kind.STEP;
            final double[] sx = s.xs();
            final double[] sy = s.ys();
            final double[] se = s.errors();
            final int n = sx.length;
            final double[] x = new double[n];
            final double[] y = new double[n];
            final double[] lo = new double[n];
            final double[] hi = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(sx[i])) {
                    notes.nonFinite++;
                    continue;
                }
                if (logX && sx[i] <= 0) {
                    notes.xNonPositive++;
                    continue;
                }
                double v = sy[i];
                if (!Double.isFinite(v)) {
                    notes.nonFinite++;
                    v = Double.NaN;
                } else if (logY && v <= 0) {
                    notes.yNonPositive++;
                    v = Double.NaN;
                }
                if (Double.isNaN(v) && !connected) {
                    continue;
                }
                final double e = se == null || !(se[i] >= 0) || Double.isInfinite(se[i]) ? 0 : se[i];
                x[m] = sx[i];
                y[m] = v;
                hi[m] = v + e;
                lo[m] = logY && v - e <= 0 ? Double.NaN : v - e;
                m++;
            }
            return new Prepared(s, trim(x, m), trim(y, m), trim(lo, m), trim(hi, m));
        }

        static Prepared bars(final Series s, final boolean logX, final boolean logY, final Notes notes) {
            final double[] edges = s.xs();
            final double[] h = s.ys();
            final int n = h.length;
            final double[] left = new double[n];
            final double[] right = new double[n];
            final double[] y = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(edges[i]) || !Double.isFinite(edges[i + 1]) || !Double.isFinite(h[i])) {
                    notes.nonFinite++;
                } else if (logX && edges[i] <= 0) {
                    notes.xNonPositive++;
                } else if (!(logY && h[i] <= 0)) { // an empty bin on a log axis is simply no bar
                    left[m] = edges[i];
                    right[m] = edges[i + 1];
                    y[m] = h[i];
                    m++;
                }
            }
            return new Prepared(s, trim(left, m), trim(y, m), null, trim(right, m));
        }

        boolean hasErrors() {
            return series.errors() != null;
        }

        void extend(final Extent xs, final Extent ys, final boolean logY) {
            for (int i = 0; i < x.length; i++) {
                xs.add(x[i], true);
                if (series.kind() == Series.Kind.HISTOGRAM) {
                    xs.add(hi[i], true);
                    ys.add(y[i], true);
                    if (!logY) {
                        ys.add(0, false); // the bars' base line may sit on the frame
                    }
                } else if (!Double.isNaN(y[i])) {
                    ys.add(y[i], true);
                    ys.add(hi[i], true);
                    if (!Double.isNaN(lo[i])) {
                        ys.add(lo[i], true);
                    }
                }
            }
        }

        /** The JFreeChart dataset; error bars cut at {@code yLower} where their lower end cannot be shown. */
        XYDataset dataset(final double yLower) {
            final String key = series.name().isEmpty() ? " " : series.name();
            switch (series.kind()) {
                case HISTOGRAM -> {
                    final XYIntervalSeries s = new XYIntervalSeries(key);
                    for (int i = 0; i < x.length; i++) {
                        if (y[i] != 0) { // an empty bin would still show its outline on the base line
                            s.add((x[i] + hi[i]) / 2, x[i], hi[i], y[i], y[i], y[i]);
                        }
                    }
                    final XYIntervalSeriesCollection c = new XYIntervalSeriesCollection();
                    c.addSeries(s);
                    return c;
                }
                case POINTS -> {
                    if (hasErrors()) {
                        final YIntervalSeries s = new YIntervalSeries(key, false, true);
                        for (int i = 0; i < x.length; i++) {
                            s.add(x[i], y[i], Double.isNaN(lo[i]) ? yLower : lo[i], hi[i]);
                        }
                        final YIntervalSeriesCollection c = new YIntervalSeriesCollection();
                        c.addSeries(s);
                        return c;
                    }
                    return xySeries(key);
                }
                default -> {
                    return xySeries(key);
                }
            }
        }

        private XYDataset xySeries(final String key) {
            final XYSeries s = new XYSeries(key, false, true);
            for (int i = 0; i < x.length; i++) {
                s.add(x[i], y[i]);
            }
            return new XYSeriesCollection(s);
        }

        private static double[] trim(final double[] a, final int m) {
            return m == a.length ? a : Arrays.copyOf(a, m);
        }
    }

    /**
     * Data extent of one axis. Every end gets a margin except a base line that nothing else reaches: bars
     * resting on 0 look right on the frame, lines and symbols there do not.
     */
    private static final class Extent {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean padMin;
        boolean padMax;

        void add(final double v, final boolean pad) {
            if (v < min) {
                min = v;
                padMin = pad;
            } else if (v == min) {
                padMin |= pad;
            }
            if (v > max) {
                max = v;
                padMax = pad;
            } else if (v == max) {
                padMax |= pad;
            }
        }

        boolean empty() {
            return !(min <= max);
        }
    }

    /** What was left out, for the note under the chart. */
    private static final class Notes {
        int nonFinite;
        int xNonPositive;
        int yNonPositive;
        int markers;
        int annotations;
        final List<String> ranges = new ArrayList<>();

        String text() {
            final List<String> parts = new ArrayList<>();
            if (xNonPositive > 0) {
                parts.add(count(xNonPositive, "value") + " with x \u2264 0 (log axis)");
            }
            if (yNonPositive > 0) {
                parts.add(count(yNonPositive, "value") + " with y \u2264 0 (log axis)");
            }
            if (nonFinite > 0) {
                parts.add(count(nonFinite, "non-finite value"));
            }
            if (markers > 0) {
                parts.add(count(markers, "reference line") + " off the axis");
            }
            if (annotations > 0) {
                parts.add(count(annotations, "label") + " off the axis");
            }
            final String dropped = parts.isEmpty() ? "" : "Not drawn: " + String.join(", ", parts) + ".";
            final List<String> all = new ArrayList<>(ranges);
            if (!dropped.isEmpty()) {
                all.add(dropped);
            }
            return String.join(" ", all);
        }

        private static String count(final int n, final String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }
    }

    /** The axis range: the figure's fixed range if it can be shown, else the data extent with a margin. */
    private static double[] range(final double[] fixed, final Extent e, final boolean log, final Notes notes,
        final String axis) {
        if (fixed != null) {
            if (!log || fixed[0] > 0) {
                return fixed;
            }
            notes.ranges.add("The fixed " + axis + " range [" + fixed[0] + ", " + fixed[1]
                + "] cannot be shown on a log axis and was replaced by the data range.");
        }
        if (e.empty()) {
            return log ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (log) {
            final double a = Math.log10(e.min);
            final double b = Math.log10(e.max);
            final double pad = a == b ? 0.5 : MARGIN * (b - a);
            return new double[] {Math.pow(10, a - pad), Math.pow(10, b + pad)};
        }
        if (e.min == e.max) {
            final double half = e.min == 0 ? 1 : Math.abs(e.min) / 10;
            return new double[] {e.min - half, e.max + half};
        }
        final double pad = MARGIN * (e.max - e.min);
        final double lower = e.padMin ? e.min - pad : e.min;
        final double upper = e.padMax ? e.max + pad : e.max;
        return new double[] {lower, upper};
    }

    // ---------------------------------------------------------------- look

    private static ValueAxis axis(final String label, final boolean log, final double[] range) {
        final ValueAxis a;
        if (log) {
            final LogScaleAxis l = new LogScaleAxis(label);
            l.home(range[0], range[1]);
            a = l;
        } else {
            final LinearAxis l = new LinearAxis(label);
            l.home(range[0], range[1]);
            a = l;
        }
        a.setLabelFont(Theme.AXIS_LABEL);
        a.setLabelPaint(Theme.TEXT);
        a.setTickLabelFont(Theme.TICK_LABEL);
        a.setTickLabelPaint(Theme.TEXT);
        a.setAxisLineVisible(false);
        a.setTickMarkPaint(Theme.FRAME);
        a.setTickMarkOutsideLength(4);
        a.setTickMarkInsideLength(0);
        a.setMinorTickMarkOutsideLength(2);
        a.setMinorTickMarkInsideLength(0);
        a.setLabelInsets(new RectangleInsets(6, 6, 6, 6));
        return a;
    }

    private static void style(final XYPlot plot, final Figure figure) {
        plot.setBackgroundPaint(Theme.BACKGROUND);
        plot.setOutlinePaint(Theme.FRAME);
        plot.setOutlineStroke(Theme.GRID_LINE);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainGridlinePaint(Theme.GRID);
        plot.setRangeGridlinePaint(Theme.GRID);
        plot.setDomainGridlineStroke(Theme.GRID_LINE);
        plot.setRangeGridlineStroke(Theme.GRID_LINE);
        plot.setDomainMinorGridlinesVisible(figure.logX());
        plot.setRangeMinorGridlinesVisible(figure.logY());
        plot.setDomainMinorGridlinePaint(Theme.MINOR_GRID);
        plot.setRangeMinorGridlinePaint(Theme.MINOR_GRID);
        plot.setDomainMinorGridlineStroke(Theme.GRID_LINE);
        plot.setRangeMinorGridlineStroke(Theme.GRID_LINE);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
    }

    private static AbstractXYItemRenderer renderer(final Series.Kind kind, final boolean errors, final Color colour,
        final double barBase) {
        final AbstractXYItemRenderer r;
        switch (kind) {
            case HISTOGRAM -> {
                final XYBarRenderer bars = new XYBarRenderer(0);
                bars.setBarPainter(new StandardXYBarPainter());
                bars.setShadowVisible(false);
                bars.setDrawBarOutline(true);
                bars.setSeriesPaint(0, Theme.tint(colour, Theme.BAR_TINT));
                bars.setSeriesOutlinePaint(0, Theme.tint(colour, Theme.BAR_TINT / 2));
                bars.setSeriesOutlineStroke(0, Theme.BAR_OUTLINE);
                bars.setUseYInterval(false);
                bars.setBase(barBase);
                r = bars;
            }
            case POINTS -> {
                final XYLineAndShapeRenderer points;
                if (errors) {
                    final XYErrorRenderer e = new XYErrorRenderer();
                    e.setDrawXError(false);
                    e.setDrawYError(true);
                    e.setCapLength(2 * Theme.CAP_LENGTH);
                    e.setErrorStroke(Theme.ERROR_BAR);
                    points = e;
                } else {
                    points = new XYLineAndShapeRenderer();
                }
                points.setDefaultLinesVisible(false);
                points.setSeriesLinesVisible(0, false);
                points.setSeriesShapesVisible(0, true);
                points.setSeriesShape(0, circle(Theme.POINT_SIZE));
                points.setUseFillPaint(true);
                points.setSeriesFillPaint(0, Theme.BACKGROUND);
                points.setDrawOutlines(true);
                points.setUseOutlinePaint(false);
                points.setSeriesOutlineStroke(0, Theme.SYMBOL_OUTLINE);
                points.setSeriesPaint(0, colour);
                r = points;
            }
            case OUTLIERS -> {
                final XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
                marks.setSeriesShape(0, triangle(Theme.OUTLIER_SIZE));
                marks.setSeriesShapesFilled(0, true);
                marks.setDrawOutlines(true);
                marks.setUseOutlinePaint(true);
                marks.setSeriesOutlinePaint(0, Theme.shade(colour, 0.35));
                marks.setSeriesOutlineStroke(0, Theme.BAR_OUTLINE);
                marks.setSeriesPaint(0, colour);
                r = marks;
            }
            case STEP -> {
                final XYStepRenderer step = new XYStepRenderer();
                step.setSeriesStroke(0, Theme.LINE);
                step.setSeriesPaint(0, colour);
                step.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
                r = step;
            }
            default -> {
                final XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
                line.setSeriesStroke(0, Theme.LINE);
                line.setSeriesPaint(0, colour);
                line.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
                r = line;
            }
        }
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator());
        return r;
    }

    private static Shape circle(final double d) {
        return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
    }

    private static Shape triangle(final double s) {
        final Path2D.Double p = new Path2D.Double();
        final double h = s * Math.sqrt(3) / 2;
        p.moveTo(0, -2 * h / 3);
        p.lineTo(s / 2, h / 3);
        p.lineTo(-s / 2, h / 3);
        p.closePath();
        return p;
    }

    private static void addMarkers(final XYPlot plot, final Figure figure, final double[] xRange) {
        final List<Marker> vertical = new ArrayList<>();
        for (Marker m : figure.markers()) {
            final boolean log = m.vertical() ? figure.logX() : figure.logY();
            if (!Double.isFinite(m.value()) || log && m.value() <= 0) {
                continue;
            }
            if (m.vertical()) {
                vertical.add(m);
            } else {
                final ValueMarker vm = marker(m);
                // as for vertical lines, the contracted zero-height area swaps top and bottom: this is above the line
                vm.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                vm.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                vm.setLabelOffset(new RectangleInsets(3, 6, 3, 6));
                plot.addRangeMarker(0, vm, Layer.FOREGROUND);
            }
        }
        vertical.sort(Comparator.comparingDouble(Marker::value));
        double previous = Double.NEGATIVE_INFINITY;
        int row = 0;
        for (Marker m : vertical) {
            final double at = figure.logX()
                ? Math.log10(m.value() / xRange[0]) / Math.log10(xRange[1] / xRange[0])
                : (m.value() - xRange[0]) / (xRange[1] - xRange[0]);
            row = at - previous < LABEL_CROWDING ? row + 1 : 0;
            previous = at;
            final ValueMarker vm = marker(m);
            final boolean leftOfLine = at > 0.72;
            // the zero-width marker area is contracted by the offsets, which swaps its left and right
            vm.setLabelAnchor(leftOfLine ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            vm.setLabelTextAnchor(leftOfLine ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            vm.setLabelOffset(new RectangleInsets(6 + row * LABEL_ROW_HEIGHT, 5, 6, 5));
            plot.addDomainMarker(0, vm, Layer.FOREGROUND);
        }
    }

    private static ValueMarker marker(final Marker m) {
        final ValueMarker vm = new ValueMarker(m.value(), Theme.MARKER, Theme.MARKER_LINE);
        if (!m.label().isEmpty()) {
            vm.setLabel(m.label());
            vm.setLabelFont(Theme.MARKER_LABEL);
            vm.setLabelPaint(Theme.TEXT);
            vm.setLabelBackgroundColor(Theme.LABEL_BACKGROUND);
        }
        return vm;
    }

    private static void addAnnotations(final XYPlot plot, final Figure figure, final Notes notes) {
        for (Annotation a : figure.annotations()) {
            if (!Double.isFinite(a.x()) || !Double.isFinite(a.y()) || figure.logX() && a.x() <= 0
                || figure.logY() && a.y() <= 0) {
                notes.annotations++;
                continue;
            }
            final XYTextAnnotation t = new XYTextAnnotation(a.text(), a.x(), a.y());
            t.setFont(Theme.ANNOTATION);
            t.setPaint(Theme.TEXT);
            t.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(t);
        }
    }

    private static void decorate(final JFreeChart chart, final Figure figure, final boolean legend,
        final String note) {
        chart.setBackgroundPaint(Theme.BACKGROUND);
        chart.setPadding(new RectangleInsets(10, 12, 8, 18));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.getRenderingHints().put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(Theme.TEXT);
            chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
            chart.getTitle().setTextAlignment(HorizontalAlignment.LEFT);
            chart.getTitle().setPadding(new RectangleInsets(2, 4, 2, 4));
        }
        if (!figure.subtitle().isEmpty()) {
            final TextTitle sub = new TextTitle(figure.subtitle(), Theme.SUBTITLE);
            sub.setPaint(Theme.SUBTLE_TEXT);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setTextAlignment(HorizontalAlignment.LEFT);
            sub.setPadding(new RectangleInsets(0, 4, 8, 4));
            chart.addSubtitle(sub);
        } else if (chart.getTitle() != null) {
            chart.getTitle().setPadding(new RectangleInsets(2, 4, 8, 4));
        }
        if (!note.isEmpty()) {
            final TextTitle n = new TextTitle(note, Theme.NOTE);
            n.setPaint(Theme.SUBTLE_TEXT);
            n.setPosition(RectangleEdge.BOTTOM);
            n.setHorizontalAlignment(HorizontalAlignment.LEFT);
            n.setTextAlignment(HorizontalAlignment.LEFT);
            n.setPadding(new RectangleInsets(4, 4, 0, 4));
            chart.addSubtitle(n);
        }
        if (legend) {
            final LegendTitle l = new LegendTitle(chart.getXYPlot());
            l.setPosition(RectangleEdge.BOTTOM);
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Theme.BACKGROUND);
            l.setItemFont(Theme.LEGEND);
            l.setItemPaint(Theme.TEXT);
            l.setItemLabelPadding(new RectangleInsets(2, 5, 2, 16));
            l.setMargin(new RectangleInsets(8, 0, 0, 0));
            chart.addSubtitle(l);
        }
    }
}
