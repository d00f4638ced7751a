package org.rmtlab.core.cli;

/**
 * A command-line option {@code --name VALUE}; a flag when {@code flag} is true (no value, default false).
 *
 * @param name without the leading dashes
 * @param defaultValue shown in the help and used when the option is absent ({@code null}: no default)
 * @param description one line
 * @param flag true for a switch without a value
 */
public record Option(String name, String defaultValue, String description, boolean flag) {

    public static Option of(final String name, final String defaultValue, final String description) {
        return new Option(name, defaultValue, description, false);
    }

    /** A numeric default, written without trailing zeros (2, 0.1, 1000). */
    public static Option of(final String name, final double defaultValue, final String description) {
        return of(name, Grid.text(defaultValue), description);
    }

    public static Option flag(final String name, final String description) {
        return new Option(name, null, description, true);
    }
}
