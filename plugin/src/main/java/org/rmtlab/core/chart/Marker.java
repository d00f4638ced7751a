package org.rmtlab.core.chart;

/**
 * A reference line across the whole plot with a short label: the interpolation threshold N/n = 1, the
 * early-stopping optimum, the edges of a spectral bulk, a noise floor.
 *
 * @param vertical true for a line at x = {@code value}, false for a line at y = {@code value}
 * @param value where the line is
 * @param label text beside the line, may be empty
 */
public record Marker(boolean vertical, double value, String label) {

    public Marker {
        label = label == null ? "" : label;
    }

    /** A vertical line at x. */
    public static Marker atX(final double x, final String label) {
        return new Marker(true, x, label);
    }

    /** A horizontal line at y. */
    public static Marker atY(final double y, final String label) {
        return new Marker(false, y, label);
    }
}
