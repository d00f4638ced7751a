package org.rmtlab.core.util;

/**
 * Argument checks that produce messages a user can act on. They throw
 * {@link IllegalArgumentException}; the nodes turn it into an {@code InvalidSettingsException}
 * and the CLI prints the message.
 */
public final class Check {
    private Check() {
    }

    public static int positive(final String name, final int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be a positive whole number, but is " + value + ".");
        }
        return value;
    }

    public static double positive(final String name, final double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, but is " + value + ".");
        }
        return value;
    }

    public static double nonNegative(final String name, final double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, but is " + value + ".");
        }
        return value;
    }

    public static double finite(final String name, final double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, but is " + value + ".");
        }
        return value;
    }

    public static void that(final boolean condition, final String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
