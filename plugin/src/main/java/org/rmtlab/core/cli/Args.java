package org.rmtlab.core.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parsed options of one command: {@code --name value}, {@code --name=value} or a bare {@code --flag}.
 * Unknown options and malformed numbers are reported with the option's name.
 */
public final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Option> known = new HashMap<>();

    private Args() {
    }

    /** @throws IllegalArgumentException with a message naming the offending option */
    public static Args parse(final List<Option> options, final String[] argv) {
        final Args a = new Args();
        for (Option o : options) {
            a.known.put(o.name(), o);
            if (!o.flag() && o.defaultValue() != null) {
                a.values.put(o.name(), o.defaultValue());
            }
        }
        for (int i = 0; i < argv.length; i++) {
            String tok = argv[i];
            if (!tok.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + tok + "': options look like --name VALUE.");
            }
            String name = tok.substring(2);
            String value = null;
            final int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            final Option o = a.known.get(name);
            if (o == null) {
                throw new IllegalArgumentException("Unknown option --" + name + " (see --help).");
            }
            if (o.flag()) {
                if (value != null) {
                    throw new IllegalArgumentException("--" + name + " is a switch and takes no value.");
                }
                a.values.put(name, "true");
            } else {
                if (value == null) {
                    if (i + 1 >= argv.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value.");
                    }
                    value = argv[++i];
                }
                a.values.put(name, value);
            }
        }
        return a;
    }

    public boolean has(final String name) {
        return values.containsKey(name);
    }

    public boolean flag(final String name) {
        return "true".equals(values.get(name));
    }

    public String string(final String name) {
        final String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("Option --" + name + " is required.");
        }
        return v;
    }

    public int integer(final String name) {
        final String v = string(name);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + v + "'.");
        }
    }

    public long longValue(final String name) {
        final String v = string(name);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + v + "'.");
        }
    }

    public double real(final String name) {
        final String v = string(name);
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not '" + v + "'.");
        }
    }

    /** A comma-separated list of numbers, for example {@code 0.001,0.1,1}. */
    public double[] reals(final String name) {
        final String[] parts = string(name).split(",");
        final double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be numbers separated by commas, not '"
                    + string(name) + "'.");
            }
        }
        return out;
    }

    /** A grid {@code FROM:TO:COUNT}; see {@link Grid#parse(String, String)}. */
    public Grid grid(final String name) {
        return Grid.parse(name, string(name));
    }

    @Override
    public String toString() {
        return values.toString().toLowerCase(Locale.ROOT);
    }
}
