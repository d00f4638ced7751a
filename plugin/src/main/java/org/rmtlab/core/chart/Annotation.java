package org.rmtlab.core.chart;

/**
 * A short text placed in data coordinates; its lower-left corner sits at (x, y).
 *
 * @param x data x of the text's anchor
 * @param y data y of the text's anchor
 * @param text the text
 */
public record Annotation(double x, double y, String text) {

    public Annotation {
        text = text == null ? "" : text;
    }
}
