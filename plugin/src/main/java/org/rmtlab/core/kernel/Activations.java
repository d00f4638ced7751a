package org.rmtlab.core.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Factory of the supported activations. Each id is stable: it is saved in workflows.
 * (Contract for the rest of the core; the full list and closed-form kernels live in this package.)
 */
public final class Activations {
    private Activations() {
    }

    /** A named activation with its closed-form kernel, or {@code null} kernel where none is known. */
    private record Named(String id, java.util.function.DoubleUnaryOperator f) implements Activation {
        @Override
        public double value(final double t) {
            return f.applyAsDouble(t);
        }
    }

    private static final List<Activation> ALL = List.of(
        new Named("linear", t -> t),
        new Named("relu", t -> Math.max(t, 0)));

    /** Every supported activation id, in the order shown to users. */
    public static List<String> ids() {
        final List<String> ids = new ArrayList<>();
        for (Activation a : ALL) {
            ids.add(a.id());
        }
        return ids;
    }

    /** @throws IllegalArgumentException naming the valid ids when {@code id} is unknown */
    public static Activation byId(final String id) {
        for (Activation a : ALL) {
            if (a.id().equalsIgnoreCase(id.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown activation '" + id + "'. Choose one of: " + String.join(", ", ids()) + ".");
    }
}
