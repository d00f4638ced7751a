package org.knime.core.node.util;

import org.knime.core.node.InvalidSettingsException;

/**
 * Precondition checks with formatted messages. A message template is formatted with
 * {@link String#format} when arguments are given, so "%s" and "%d" placeholders work.
 */
public final class CheckUtils {

    private CheckUtils() {
    }

    public static <T> T checkArgumentNotNull(final T object) throws IllegalArgumentException {
        return checkArgumentNotNull(object, "Argument must not be null");
    }

    public static <T> T checkArgumentNotNull(final T object, final String template, final Object... args)
        throws IllegalArgumentException {
        if (object == null) {
            throw new IllegalArgumentException(format(template, args));
        }
        return object;
    }

    public static void checkArgument(final boolean condition, final String message) throws IllegalArgumentException {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static void checkArgument(final boolean condition, final String template, final Object... args)
        throws IllegalArgumentException {
        if (!condition) {
            throw new IllegalArgumentException(format(template, args));
        }
    }

    public static void checkState(final boolean condition, final String message) throws IllegalStateException {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    public static void checkState(final boolean condition, final String template, final Object... args)
        throws IllegalStateException {
        if (!condition) {
            throw new IllegalStateException(format(template, args));
        }
    }

    public static <T> T checkNotNull(final T object, final String message) throws NullPointerException {
        if (object == null) {
            throw new NullPointerException(message);
        }
        return object;
    }

    /** @throws InvalidSettingsException with the formatted message if the condition is false */
    public static void checkSetting(final boolean condition, final String template, final Object... args)
        throws InvalidSettingsException {
        if (!condition) {
            throw new InvalidSettingsException(format(template, args));
        }
    }

    /** @throws InvalidSettingsException with the formatted message if the object is null */
    public static <T> T checkSettingNotNull(final T object, final String template, final Object... args)
        throws InvalidSettingsException {
        if (object == null) {
            throw new InvalidSettingsException(format(template, args));
        }
        return object;
    }

    private static String format(final String template, final Object... args) {
        return args == null || args.length == 0 ? template : String.format(template, args);
    }
}
