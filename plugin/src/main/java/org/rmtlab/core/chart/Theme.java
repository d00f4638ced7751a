package org.rmtlab.core.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/**
 * The one look of every RMT Lab chart: white background, light grid, SansSerif text at 12-16 pt, and a
 * colour-blind-safe palette (Okabe and Ito, "Color Universal Design", 2008) without its yellow, which is
 * too light on white. Colours are handed out per colour group in order of first appearance.
 */
final class Theme {
    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color SUBTLE_TEXT = new Color(0x5A, 0x5A, 0x5A);
    static final Color FRAME = new Color(0xC4, 0xC4, 0xC4);
    static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    static final Color MINOR_GRID = new Color(0xF2, 0xF2, 0xF2);
    static final Color MARKER = new Color(0x4D, 0x4D, 0x4D);
    static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 215);

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font MARKER_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font ANNOTATION = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font NOTE = new Font(Font.SANS_SERIF, Font.ITALIC, 12);

    static final Stroke LINE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke SYMBOL_OUTLINE = new BasicStroke(1.5f);
    static final Stroke ERROR_BAR = new BasicStroke(1.3f);
    static final Stroke GRID_LINE = new BasicStroke(1f);
    static final Stroke BAR_OUTLINE = new BasicStroke(0.8f);
    static final Stroke MARKER_LINE = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f);

    /** Symbol diameter of simulation points, in pixels. */
    static final double POINT_SIZE = 7.5;
    /** Size of outlier triangles, in pixels. */
    static final double OUTLIER_SIZE = 11;
    /** Half-width of the error-bar caps, in pixels. */
    static final double CAP_LENGTH = 5;
    /** Share of white mixed into a group's colour for histogram bars. */
    static final double BAR_TINT = 0.62;

    private static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), // blue
        new Color(0xD5, 0x5E, 0x00), // vermillion
        new Color(0x00, 0x9E, 0x73), // bluish green
        new Color(0xCC, 0x79, 0xA7), // reddish purple
        new Color(0xE6, 0x9F, 0x00), // orange
        new Color(0x56, 0xB4, 0xE9), // sky blue
        new Color(0x00, 0x00, 0x00), // black
    };

    private Theme() {
    }

    /** The colour of the i-th colour group; cycles after the palette. */
    static Color colour(final int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** {@code c} mixed with {@code share} of white. */
    static Color tint(final Color c, final double share) {
        return new Color(mix(c.getRed(), share), mix(c.getGreen(), share), mix(c.getBlue(), share));
    }

    /** {@code c} darkened by {@code share} towards black. */
    static Color shade(final Color c, final double share) {
        return new Color((int) Math.round(c.getRed() * (1 - share)), (int) Math.round(c.getGreen() * (1 - share)),
            (int) Math.round(c.getBlue() * (1 - share)));
    }

    private static int mix(final int channel, final double share) {
        return (int) Math.round(channel + (255 - channel) * share);
    }
}
