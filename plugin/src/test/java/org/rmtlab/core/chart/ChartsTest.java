package org.rmtlab.core.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    /** The build runs the tests with -Djava.awt.headless=true: rendering must not need a display. */
    @Test
    void runsHeadless() {
        assertTrue(GraphicsEnvironment.isHeadless(), "tests must run with -Djava.awt.headless=true");
    }

    /**
     * Every standard figure renders at the asked size with visible content: between 3 % and 50 % of the
     * pixels carry ink (a blank chart has only frame and text, about 1 %; a filled one would exceed 50 %),
     * anti-aliasing gives many shades, and the colours of the first two groups are present.
     */
    @Test
    void everyFigureTypeRendersWithContent() {
        final List<Figure> figures = List.of(Samples.doubleDescent(), Samples.learningCurves(), Samples.spectrum(),
            Samples.xy());
        for (Figure f : figures) {
            final BufferedImage img = ChartImages.decode(Charts.png(f, 900, 600));
            assertEquals(900, img.getWidth(), f.title());
            assertEquals(600, img.getHeight(), f.title());
            final double ink = ChartImages.inkShare(img);
            assertTrue(ink > 0.03 && ink < 0.5, f.title() + ": ink share " + ink);
            assertTrue(ChartImages.distinctColours(img) > 100, f.title());
            assertTrue(ChartImages.pixelsNear(img, Theme.colour(0), 8) > 300, f.title() + ": first colour");
        }
        final BufferedImage dd = ChartImages.decode(Charts.png(Samples.doubleDescent(), 900, 600));
        assertTrue(ChartImages.pixelsNear(dd, Theme.colour(1), 8) > 300, "test risk in the second colour");
        final BufferedImage sp = ChartImages.decode(Charts.png(Samples.spectrum(), 900, 600));
        assertTrue(ChartImages.pixelsNear(sp, Theme.tint(Theme.colour(0), Theme.BAR_TINT), 2) > 10_000,
            "histogram bars in the light tint");
        assertTrue(ChartImages.pixelsNear(sp, Theme.colour(1), 8) > 50, "outliers in the second colour");
    }

    /** An empty figure is a valid, nearly blank chart: frame and axes only. */
    @Test
    void emptyFigureRendersBlankPlot() {
        final BufferedImage img = ChartImages.decode(Charts.png(Figure.builder().title("empty").build(), 400, 300));
        assertTrue(ChartImages.inkShare(img) < 0.05, "ink " + ChartImages.inkShare(img));
    }

    @Test
    void sameFigureGivesIdenticalBytes() {
        final Figure f = Samples.doubleDescent();
        final byte[] a = Charts.png(f, 640, 480);
        final byte[] b = Charts.png(f, 640, 480);
        final byte[] c = Charts.png(Samples.doubleDescent(), 640, 480);
        assertArrayEquals(a, b);
        assertArrayEquals(a, c);
    }

    @Test
    void scaleMultipliesPixels() {
        final BufferedImage img = ChartImages.decode(Charts.png(Samples.xy(), 450, 300, 2));
        assertEquals(900, img.getWidth());
        assertEquals(600, img.getHeight());
    }

    @Test
    void logAxesDropNonPositiveValuesWithANote() {
        final Figure f = Figure.builder().logX(true).logY(true)
            .line("line", new double[] {-1, 0, 0.5, 1, 2, 5}, new double[] {1, 0, 0.25, 1, Double.NaN, 25})
            .points("points", new double[] {0.3, 1, 3}, new double[] {0.1, -1, 9}, new double[] {0.2, 0.1, 1})
            .histogram("bars", new double[] {-1, 1, 2, 3}, new double[] {1, 0, 2})
            .markX(-2, "off").markX(3, "on").annotate(0, 1, "off").build();
        final JFreeChart chart = Charts.toJFreeChart(f);
        // x <= 0: two line points and the bar [-1, 1]; y <= 0: the point at -1 (the line's 0 sits at x = 0,
        // already counted; the empty bar on the log axis is no bar); non-finite: the NaN
        assertEquals("Not drawn: 3 values with x \u2264 0 (log axis), 1 value with y \u2264 0 (log axis), "
            + "1 non-finite value, 1 reference line off the axis, 1 label off the axis.", note(chart));
        final XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getDomainAxis() instanceof LogAxis);
        assertTrue(plot.getRangeAxis() instanceof LogAxis);
        assertTrue(plot.getDomainAxis().getLowerBound() > 0);
        assertTrue(plot.getRangeAxis().getLowerBound() > 0);
        final byte[] png = Charts.png(f, 600, 400);
        assertEquals(600, ChartImages.decode(png).getWidth());
    }

    @Test
    void onlyNonPositiveValuesOnLogAxesStillRender() {
        final Figure f = Figure.builder().logY(true).yRange(-1, 1)
            .line("all negative", new double[] {1, 2}, new double[] {-1, 0}).build();
        final JFreeChart chart = Charts.toJFreeChart(f);
        assertTrue(note(chart).contains("cannot be shown on a log axis"), note(chart));
        assertTrue(note(chart).contains("2 values with y \u2264 0"), note(chart));
        assertEquals(1, chart.getXYPlot().getRangeAxis().getLowerBound(), 0);
        assertEquals(300, ChartImages.decode(Charts.png(f, 400, 300)).getHeight());
    }

    /** A histogram rests on the frame; lines and points get a margin of 4 % of the span. */
    @Test
    void axisMarginsLeaveRoomExceptUnderBars() {
        final Figure bars = Figure.builder().histogram("h", new double[] {0, 1, 2}, new double[] {1, 3}).build();
        final XYPlot b = Charts.toJFreeChart(bars).getXYPlot();
        assertEquals(0, b.getRangeAxis().getLowerBound(), 0);
        assertEquals(3.12, b.getRangeAxis().getUpperBound(), 1e-12);
        assertEquals(-0.08, b.getDomainAxis().getLowerBound(), 1e-12);
        final Figure line = Figure.builder().line("l", new double[] {0, 10}, new double[] {0, 1}).build();
        final XYPlot l = Charts.toJFreeChart(line).getXYPlot();
        assertEquals(-0.04, l.getRangeAxis().getLowerBound(), 1e-12);
        assertEquals(-0.4, l.getDomainAxis().getLowerBound(), 1e-12);
        final Figure fixed = line.toBuilder().xRange(2, 3).build();
        assertEquals(2, Charts.toJFreeChart(fixed).getXYPlot().getDomainAxis().getLowerBound(), 0);
    }

    /** A chart view's "auto range" (after zooming) returns to the fitted range, margins included. */
    @Test
    void autoRangeReturnsToTheFittedRange() {
        final XYPlot plot = Charts.toJFreeChart(Samples.learningCurves()).getXYPlot();
        final double lower = plot.getDomainAxis().getLowerBound();
        final double upper = plot.getRangeAxis().getUpperBound();
        plot.getDomainAxis().setRange(1, 2);
        plot.getRangeAxis().setRange(0.5, 0.6);
        plot.getDomainAxis().setAutoRange(true);
        plot.getRangeAxis().setAutoRange(true);
        assertEquals(lower, plot.getDomainAxis().getLowerBound(), 0);
        assertEquals(upper, plot.getRangeAxis().getUpperBound(), 0);
    }

    /** Legend in the order of the series; theory and simulation of one quantity share their colour. */
    @Test
    void legendFollowsSeriesOrderAndPairsColours() {
        final LegendItemCollection items = Charts.toJFreeChart(Samples.doubleDescent()).getXYPlot().getLegendItems();
        final List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        assertEquals(List.of("train (theory)", "train (simulation)", "test (theory)", "test (simulation)"), labels);
        final LegendItem testTheory = items.get(2);
        final LegendItem testSim = items.get(3);
        assertEquals(Theme.colour(1), testTheory.getLinePaint());
        assertEquals(Theme.colour(1), testSim.getOutlinePaint());
        assertEquals(Theme.BACKGROUND, testSim.getFillPaint(), "simulation symbols are hollow");
        assertTrue(testTheory.isLineVisible());
        assertFalse(testSim.isLineVisible());
        assertEquals(Theme.colour(0), items.get(0).getLinePaint());
    }

    @Test
    void unnamedSeriesStayOutOfTheLegend() {
        final Figure f = Figure.builder().line("", new double[] {1, 2}, new double[] {1, 2})
            .line("named", new double[] {1, 2}, new double[] {2, 1}).build();
        assertEquals(1, Charts.toJFreeChart(f).getXYPlot().getLegendItems().getItemCount());
    }

    @Test
    void badSizesAreRefused() {
        final Figure f = Samples.xy();
        assertThrows(IllegalArgumentException.class, () -> Charts.png(f, 50, 600));
        assertThrows(IllegalArgumentException.class, () -> Charts.png(f, 900, 20_000));
        assertThrows(IllegalArgumentException.class, () -> Charts.png(f, 900, 600, 0));
        assertThrows(IllegalArgumentException.class, () -> Charts.png(f, 900, 600, Double.NaN));
    }

    @Test
    void writePngCreatesFolders(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("a/b/chart.png");
        Charts.writePng(Samples.learningCurves(), file, 300, 200);
        assertEquals(300, ChartImages.decode(Files.readAllBytes(file)).getWidth());
    }

    @Test
    void seriesArgumentsAreChecked() {
        final double[] two = {1, 2};
        final double[] three = {1, 2, 3};
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Series.line("risk", two, three));
        assertTrue(e.getMessage().contains("'risk'") && e.getMessage().contains("same length"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Series.points("p", two, two, three));
        assertThrows(IllegalArgumentException.class, () -> Series.histogram("h", two, two));
        assertThrows(IllegalArgumentException.class, () -> Series.histogram("h", new double[] {0, 2, 1}, two));
        assertThrows(IllegalArgumentException.class, () -> Figure.builder().yRange(1, 1));
    }

    @Test
    void seriesCopiesItsArrays() {
        final double[] x = {1, 2};
        final Series s = Series.line("l", x, new double[] {3, 4});
        x[0] = 99;
        s.x()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, s.x(), 0);
    }

    private static String note(final JFreeChart chart) {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            final Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle text && text.getFont().isItalic()) {
                sb.append(text.getText());
            }
        }
        return sb.toString();
    }
}
