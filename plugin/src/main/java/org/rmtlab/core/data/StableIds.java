package org.rmtlab.core.data;

import java.util.function.Function;

/**
 * Lookup of the enums whose ids are saved in workflows and CLI scripts ({@link DataModel},
 * {@link CovarianceModel}, {@link Scale}): one place for the case-insensitive match and the message
 * that lists the valid ids.
 */
final class StableIds {
    private StableIds() {
    }

    /** @throws IllegalArgumentException "Unknown WHAT 'id'. Choose one of: ..." */
    static <E> E find(final E[] values, final Function<E, String> id, final String wanted, final String what) {
        if (wanted != null) {
            for (E e : values) {
                if (id.apply(e).equalsIgnoreCase(wanted.trim())) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("Unknown " + what + " '" + wanted + "'. Choose one of: " + list(values, id) + ".");
    }

    /** The ids, comma separated, in declaration order. */
    static <E> String list(final E[] values, final Function<E, String> id) {
        final StringBuilder b = new StringBuilder();
        for (E e : values) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(id.apply(e));
        }
        return b.toString();
    }
}
