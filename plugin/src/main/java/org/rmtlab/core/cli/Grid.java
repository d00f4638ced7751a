package org.rmtlab.core.cli;

/**
 * A one-dimensional parameter grid {@code FROM:TO:COUNT}, log-spaced when {@code log} is true
 * (both ends then must be > 0). A single number means a grid of one point.
 */
public record Grid(double from, double to, int count, boolean log) {

    public Grid {
        if (count < 1) {
            throw new IllegalArgumentException("A grid needs at least one point, not " + count + ".");
        }
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("Grid ends must be finite numbers.");
        }
        if (count > 1 && !(to > from)) {
            throw new IllegalArgumentException("Grid " + from + ":" + to + " is empty or reversed: TO must exceed FROM.");
        }
        if (log && from <= 0) {
            throw new IllegalArgumentException("A log-spaced grid needs FROM > 0, not " + from + ".");
        }
    }

    /**
     * Parses {@code FROM:TO:COUNT} (log-spaced) or a single number. The option name goes into errors.
     */
    public static Grid parse(final String option, final String text) {
        final String[] parts = text.trim().split(":");
        try {
            if (parts.length == 1) {
                final double v = Double.parseDouble(parts[0]);
                return new Grid(v, v, 1, v > 0);
            }
            if (parts.length == 3) {
                return new Grid(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Integer.parseInt(parts[2]),
                    true);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + option + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("--" + option + " must look like FROM:TO:COUNT (for example 0.1:10:50), not '"
            + text + "'.");
    }

    /** The grid as {@code --times} takes it, {@code FROM:TO:COUNT} (log-spaced grids only). */
    public String text() {
        return text(from) + ":" + text(to) + ":" + count;
    }

    /** A number without trailing zeros or exponent: 2, 0.01, 1000. */
    static String text(final double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    public double[] values() {
        final double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            final double t = count == 1 ? 0 : i / (double) (count - 1);
            v[i] = log ? from * Math.pow(to / from, t) : from + (to - from) * t;
        }
        if (count > 1) {
            v[count - 1] = to;
        }
        return v;
    }
}
