package org.rmtlab.core.dynamics;

import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Complex;

/**
 * Trapezoidal rule for Cauchy integrals (1/2 pi i) oint f(z) dz, counter-clockwise around the interval
 * [-length, 0], on the ellipse with foci at the ends of the interval:
 * z(theta) = c + r (rho e^{i theta} + e^{-i theta}/rho)/2, c = -r = -length/2, rho = e^eta, with the n
 * nodes theta_k = 2 pi (k + 1/2)/n.
 *
 * <p>Why this contour rather than a Bromwich or hyperbolic (Talbot-type) one. The integrands here are
 * e^{kappa z} times a resolvent that is analytic off a compact interval, so a closed contour around the
 * interval suffices. For f analytic outside the interval the rule converges like e^{-eta n} (the interval is
 * the image of the unit circle in the Joukowski variable w = rho e^{i theta}; Trefethen and Weideman, "The
 * exponentially convergent trapezoidal rule", SIAM Review 56, 2014, Sec. 11). On the ellipse
 * |e^{kappa z}| <= e^{kappa x_r} with x_r = r (cosh eta - 1) its rightmost point, and that bounds how much
 * rounding errors are amplified relative to the O(1) result. Unbounded contours going far into
 * Re z > 0 have no such bound: rf-dynamics.md reports a loss of about e^{0.7 n} there. {@link #around} chooses
 * eta so that the amplification stays below 10^3 and n so that the truncation error is below 10^-16.
 *
 * <p>Every integrand used here satisfies f(conj z) = conj f(z), so only the n/2 nodes in the upper half
 * are stored and a real integral is 2 Re sum_k w_k f(z_k).
 */
final class EllipseContour {
    /** log of the largest factor |e^{kappa z}| allowed on the contour. */
    static final double AMPLIFICATION = Math.log(1e3);
    private static final double DIGITS = Math.log(1e16);
    private static final double MAX_ETA = Math.log(3);
    private static final int MIN_NODES = 64;

    private final Complex[] nodes;
    private final Complex[] weights;
    private final double rightmost;

    /**
     * @param length the interval is [-length, 0]
     * @param eta log of the ellipse parameter rho, > 0
     * @param n number of nodes on the full ellipse, even
     */
    EllipseContour(final double length, final double eta, final int n) {
        Check.positive("contour interval length", length);
        Check.positive("contour eta", eta);
        Check.that(n >= 4 && n % 2 == 0, "The number of contour nodes must be even and >= 4, but is " + n + ".");
        final double r = length / 2;
        final double rho = Math.exp(eta);
        final int half = n / 2;
        nodes = new Complex[half];
        weights = new Complex[half];
        for (int k = 0; k < half; k++) {
            final double theta = 2 * Math.PI * (k + 0.5) / n;
            final Complex w = new Complex(rho * Math.cos(theta), rho * Math.sin(theta));
            final Complex wInv = w.reciprocal();
            nodes[k] = w.plus(wInv).times(r / 2).minus(r);
            // dz/(2 pi i) for the step 2 pi/n: z'(theta) = i r (w - 1/w)/2
            weights[k] = w.minus(wInv).times(r / (2.0 * n));
        }
        rightmost = r * (Math.cosh(eta) - 1);
    }

    /**
     * The contour for integrands e^{kappa z} f(z) with kappa <= rate and f analytic outside [-length, 0]:
     * eta from rate x_r(eta) = {@link #AMPLIFICATION} (capped at log 3 for small rates), n from
     * e^{-eta n} <= 10^-16 e^{-4 AMPLIFICATION}, the margin covering the growth of e^{kappa z} in the annulus
     * that the error bound uses.
     */
    static EllipseContour around(final double length, final double rate) {
        Check.positive("contour interval length", length);
        Check.nonNegative("contour rate", rate);
        final double r = length / 2;
        final double eta = rate == 0 ? MAX_ETA : Math.min(MAX_ETA, acosh(1 + AMPLIFICATION / (rate * r)));
        final int n = Math.max(MIN_NODES, 2 * (int) Math.ceil((DIGITS + 4 * AMPLIFICATION) / eta / 2));
        return new EllipseContour(length, eta, n);
    }

    private static double acosh(final double v) {
        return Math.log(v + Math.sqrt((v - 1) * (v + 1)));
    }

    /** Number of stored nodes (the upper half). */
    int size() {
        return nodes.length;
    }

    Complex node(final int k) {
        return nodes[k];
    }

    /** dz/(2 pi i) at node k. */
    Complex weight(final int k) {
        return weights[k];
    }

    /** The real point of the ellipse right of 0, x_r = r (cosh eta - 1). */
    double rightmost() {
        return rightmost;
    }
}
