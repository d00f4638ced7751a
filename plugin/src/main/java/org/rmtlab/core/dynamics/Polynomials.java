package org.rmtlab.core.dynamics;

/** Real roots of low-degree real polynomials. */
final class Polynomials {
    private Polynomials() {
    }

    /**
     * Real roots of c3 x^3 + c2 x^2 + c1 x + c0 (c3 != 0), ascending, each polished by Newton steps on
     * the original coefficients while they reduce the residual (the closed forms lose many digits when one
     * root is much larger than the others, as for a tiny c3). Trigonometric form when there are three real roots, Cardano's otherwise;
     * a double root is reported twice.
     */
    static double[] realCubicRoots(final double c3, final double c2, final double c1, final double c0) {
        final double b = c2 / c3;
        final double c = c1 / c3;
        final double d = c0 / c3;
        final double p = c - b * b / 3;
        final double q = 2 * b * b * b / 27 - b * c / 3 + d;
        final double shift = -b / 3;
        final double[] roots;
        final double disc = q * q / 4 + p * p * p / 27;
        if (p < 0 && disc <= 0) {
            final double m = 2 * Math.sqrt(-p / 3);
            final double arg = Math.max(-1, Math.min(1, 3 * q / (p * m)));
            final double theta = Math.acos(arg) / 3;
            roots = new double[] {
                shift + m * Math.cos(theta),
                shift + m * Math.cos(theta - 2 * Math.PI / 3),
                shift + m * Math.cos(theta - 4 * Math.PI / 3) };
        } else {
            final double r = Math.sqrt(Math.max(0, disc));
            roots = new double[] {shift + Math.cbrt(-q / 2 + r) + Math.cbrt(-q / 2 - r)};
        }
        for (int i = 0; i < roots.length; i++) {
            for (int k = 0; k < 60; k++) {
                final double x = roots[i];
                final double f = ((c3 * x + c2) * x + c1) * x + c0;
                final double next = x - f / ((3 * c3 * x + 2 * c2) * x + c1);
                if (!(Math.abs(((c3 * next + c2) * next + c1) * next + c0) < Math.abs(f))) {
                    break;
                }
                roots[i] = next;
            }
        }
        java.util.Arrays.sort(roots);
        return roots;
    }
}
