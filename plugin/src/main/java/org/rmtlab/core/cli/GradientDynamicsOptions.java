package org.rmtlab.core.cli;

import java.util.List;
import java.util.Locale;

import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.GradientMethod;

/**
 * Options shared by the linear models trained by gradient flow or descent ({@code gmm}, {@code ridge}):
 * size, effective-time grid and the gradient method. One place, so that both models describe and
 * default them alike.
 */
final class GradientDynamicsOptions {
    static final String METHOD = "method";

    private GradientDynamicsOptions() {
    }

    /** p, n, times, method, alpha. */
    static List<Option> options() {
        return List.of(
            Option.of("p", DynamicsDefaults.P, "dimension (simulation size; the theory uses c = p/n)"),
            Option.of("n", DynamicsDefaults.N, "training samples"),
            Option.of("times",
                new Grid(DynamicsDefaults.TIME_FROM, DynamicsDefaults.TIME_TO, DynamicsDefaults.TIME_COUNT, true).text(),
                "time grid FROM:TO:COUNT, log-spaced, tau = alpha t"),
            Option.of(METHOD, "flow", "flow (gradient flow) or descent (gradient descent, (1 - alpha x)^t exactly)"),
            Option.of("alpha", DynamicsDefaults.ALPHA, "gradient-descent step; t = tau/alpha steps (ignored by flow)"));
    }

    /** The method of {@code --method} and {@code --alpha}. */
    static GradientMethod method(final Args a) {
        final String m = a.string(METHOD).trim().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "flow", "gf" -> GradientMethod.flow();
            case "descent", "gd" -> GradientMethod.descent(a.real("alpha"));
            default -> throw new IllegalArgumentException("--method must be flow or descent, not '" + a.string(METHOD) + "'.");
        };
    }
}
