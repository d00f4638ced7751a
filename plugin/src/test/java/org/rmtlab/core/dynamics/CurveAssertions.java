package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparison of theory and simulation with a tolerance justified by the sizes. */
final class CurveAssertions {
    private CurveAssertions() {
    }

    /**
     * Every simulated point within {@code 4 se + 3/n max(1, |theory|)} of the theory. 4 se: with about 12
     * trials the standardised error follows a t-distribution with 11 degrees of freedom, which exceeds 4 with
     * probability 0.2%; 3/n: the deterministic equivalents behind the theory have an O(1/n) bias at finite
     * size (their fluctuations, O(n^-1/2), are what the standard error measures).
     */
    static void assertAgrees(final LearningCurves theory, final LearningCurves sim, final int n) {
        assertArrayEquals(theory.times(), sim.times(), 0);
        for (String name : theory.names()) {
            final Curve t = theory.curve(name);
            final Curve s = sim.curve(name);
            for (int i = 0; i < t.size(); i++) {
                final double tol = 4 * s.stderr(i) + 3.0 / n * Math.max(1, Math.abs(t.value(i)));
                final double diff = Math.abs(s.value(i) - t.value(i));
                assertTrue(diff <= tol, String.format("%s at tau = %g: theory %.6f, simulation %.6f +- %.6f (tolerance %.6f)",
                    name, theory.time(i), t.value(i), s.value(i), s.stderr(i), tol));
            }
        }
    }
}
