package org.rmtlab.core.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class LogScaleAxisTest {

    @Test
    void labelsArePlainOrPowers() {
        assertEquals("0.001", LogScaleAxis.plainLabel(1, -3));
        assertEquals("5000", LogScaleAxis.plainLabel(5, 3));
        assertEquals("0.2", LogScaleAxis.plainLabel(2, -1));
        assertEquals("10\u207B\u2075", LogScaleAxis.powerLabel(1, -5));
        assertEquals("2\u00D710\u00B9\u00B2", LogScaleAxis.powerLabel(2, 12));
    }

    /** Two decades over 800 pixels: room for 1-2-5 labels, minor ticks at the other digits. */
    @Test
    void twoDecadesGetOneTwoFive() {
        final List<ValueTick> ticks = ticks(0.1, 10, 800, RectangleEdge.BOTTOM);
        assertEquals(List.of("0.1", "0.2", "0.5", "1", "2", "5", "10"), labels(ticks, TickType.MAJOR));
        // 2 decades x 9 digits + the closing 10, less the 7 labelled ones
        assertEquals(12, labels(ticks, TickType.MINOR).size());
    }

    /** Twelve decades over 500 pixels: a label every few decades, written as powers of ten. */
    @Test
    void manyDecadesThinOutAndUsePowers() {
        final List<String> major = labels(ticks(1e-6, 1e6, 500, RectangleEdge.BOTTOM), TickType.MAJOR);
        assertTrue(major.size() >= 3 && major.size() <= 7, major.toString());
        assertTrue(major.contains("10\u2070") || major.contains("1"), major.toString());
        assertTrue(major.get(0).startsWith("10"), major.toString());
    }

    /** A vertical axis is thinned by text height, not width: one decade over 150 pixels keeps 1-2-5. */
    @Test
    void verticalAxisThinsByHeight() {
        assertEquals(List.of("1", "2", "5", "10"), labels(ticks(1, 10, 150, RectangleEdge.LEFT), TickType.MAJOR));
        assertEquals(List.of("1", "10", "100"), labels(ticks(1, 100, 90, RectangleEdge.LEFT), TickType.MAJOR));
    }

    /** A range inside one decade without two round values falls back to linear ticks. */
    @Test
    void narrowRangeFallsBackToLinearTicks() {
        final List<String> major = labels(ticks(1.1, 1.9, 600, RectangleEdge.BOTTOM), TickType.MAJOR);
        assertEquals(List.of("1.2", "1.4", "1.6", "1.8"), major);
    }

    private static List<ValueTick> ticks(final double lo, final double hi, final double pixels,
        final RectangleEdge edge) {
        final LogScaleAxis axis = new LogScaleAxis("x");
        axis.setTickLabelFont(Theme.TICK_LABEL);
        axis.setRange(lo, hi);
        final BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g2 = img.createGraphics();
        try {
            final Rectangle2D area = RectangleEdge.isTopOrBottom(edge) ? new Rectangle2D.Double(0, 0, pixels, 100)
                : new Rectangle2D.Double(0, 0, 100, pixels);
            @SuppressWarnings("unchecked")
            final List<ValueTick> t = axis.refreshTicks(g2, new AxisState(), area, edge);
            return t;
        } finally {
            g2.dispose();
        }
    }

    private static List<String> labels(final List<ValueTick> ticks, final TickType type) {
        final List<String> out = new ArrayList<>();
        for (ValueTick t : ticks) {
            if (t.getTickType() == type) {
                out.add(t.getText());
            }
        }
        return out;
    }
}
