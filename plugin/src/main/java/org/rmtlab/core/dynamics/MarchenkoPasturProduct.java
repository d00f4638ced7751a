package org.rmtlab.core.dynamics;

import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Complex;

/**
 * Limiting spectrum and resolvents of the product B C of two independent Wishart matrices,
 * B = F^T F / N (F in R^{N x D}) and C = X X^T / P (X in R^{D x P}), all entries iid N(0, 1), as
 * D, N, P tend to infinity with psiN = N/D and psiP = P/D fixed. The spectral law of B C is the free
 * multiplicative convolution of the Marchenko-Pastur laws of ratios phi = D/N and a = D/P.
 *
 * <p>Relations (shared/reference/rf-dynamics.md, "Resolvent relations", checked there against
 * simulation), with the sign convention G(z) = lim (1/D) tr (z + BC)^{-1}, so that the spectrum sits at
 * z in [-lambda_+, 0] and G(z) ~ 1/z at infinity:
 * <ul>
 * <li>cubic: phi a z^2 G^3 + z (phi + a - 2 a phi) G^2 + (z + (1 - phi)(1 - a)) G - 1 = 0;</li>
 * <li>with u = 1 - zG, t = 1 - a u, s = 1 - phi u: (1/D) tr B (z + BC)^{-1} = u/t and
 * (1/D) tr C (z + BC)^{-1} = u/s;</li>
 * <li>two-point function: (1/D) tr[(z1 + CB)^{-1} (z2 + BC)^{-1}] = h / (1 - a [1 - z1 G1 - z2 G2 + z1 z2 h])
 * with h = (t1 G1 - t2 G2) / (t1 z2 - t2 z1);</li>
 * <li>averaged over F alone, (z + BC)^{-1} = (z + s C)^{-1}, and the two-point function of two independent
 * feature draws on the same data is (s1 G1 - s2 G2)/(s1 z2 - s2 z1) ({@link #independentFeaturesTwoPoint}).</li>
 * </ul>
 *
 * <p>Numerics. The cubic is solved for x = zG, which satisfies
 * phi a x^3 + c2 x^2 + (c0 + z) x - z = 0 (c2 = phi + a - 2 a phi, c0 = (1 - phi)(1 - a)) and stays
 * bounded at z = 0, where G has a pole of residue 1 - min(psiN, psiP) when that is positive. The physical
 * root is the one with x -> 1 at infinity; it is followed by Newton's method along paths that avoid the
 * support, and a step is accepted only when the root moved by less than a quarter of its distance to the
 * two other roots. That matters near z = 0 (two roots meet there when psiN = psiP) and at the edges of the
 * support; a path through those regions without this control silently jumps to a wrong branch.
 *
 * <p>The two-point function's h is 0/0 on the diagonal z1 = z2 and loses about log10(1/|z1 - z2|) digits
 * next to it when evaluated as written. {@link #twoPoint} instead uses the divided difference
 * (G1 - G2)/(z1 - z2), which the cubic gives as a ratio of two polynomials without any subtraction of
 * nearly equal numbers (see {@link #dividedDifference}).
 */
public final class MarchenkoPasturProduct {
    /** A step is accepted when the root moved by less than this share of its distance to the other roots. */
    private static final double BRANCH_SAFETY = 0.25;
    private static final int NEWTON_MAX = 40;
    /** Newton stops one step after the correction fell below this relative size (quadratic convergence). */
    private static final double NEWTON_TOL = 1e-11;
    private static final double MIN_STEP = 1e-13;

    private final double psiN;
    private final double psiP;
    private final double phi;
    private final double a;
    private final double c3;
    private final double c2;
    private final double c0;
    private final double upperEdge;
    private final double lowerEdge;

    /**
     * @param psiN N/D, features per input dimension
     * @param psiP P/D, samples per input dimension
     */
    public MarchenkoPasturProduct(final double psiN, final double psiP) {
        this.psiN = Check.positive("psiN (features per dimension N/D)", psiN);
        this.psiP = Check.positive("psiP (samples per dimension P/D)", psiP);
        this.phi = 1 / psiN;
        this.a = 1 / psiP;
        this.c3 = phi * a;
        this.c2 = phi + a - 2 * a * phi;
        this.c0 = (1 - phi) * (1 - a);
        final double[] edges = edgeCandidates();
        this.upperEdge = edges[edges.length - 1];
        this.lowerEdge = edges.length > 1 ? Math.max(0, edges[edges.length - 2]) : 0;
    }

    public double psiN() {
        return psiN;
    }

    public double psiP() {
        return psiP;
    }

    /** D/N, written phi in rf-dynamics.md. */
    public double phi() {
        return phi;
    }

    /** D/P, written a in rf-dynamics.md. */
    public double a() {
        return a;
    }

    /** Largest eigenvalue lambda_+ of B C in the limit. */
    public double upperEdge() {
        return upperEdge;
    }

    /**
     * Smallest point lambda_- of the continuous part of the spectrum (0 when it reaches 0, as for
     * psiN = psiP or min(psiN, psiP) = 1). The slowest relaxation rate of the gradient flow apart from the
     * zero modes.
     */
    public double lowerEdge() {
        return lowerEdge;
    }

    /** Mass of the eigenvalue 0 of B C: 1 - min(psiN, psiP) when positive, else 0. */
    public double zeroMass() {
        return Math.max(0, 1 - Math.min(psiN, psiP));
    }

    /**
     * G(z) = lim (1/D) tr (z + BC)^{-1}.
     *
     * @param z a point off the support [-lambda_+, 0]
     */
    public Complex stieltjes(final Complex z) {
        return xAt(z).divide(z);
    }

    /**
     * x = zG at z, followed from z = +infinity along a path that avoids the support: along the real axis
     * for real z > 0; else up to the height H = max(1, |Im z|) (on the side of Im z), left above Re z and
     * straight down to z, so that the path meets the cut, if at all, only at right angles near z.
     */
    Complex xAt(final Complex z) {
        Check.that(z.isFinite(), "z must be finite, but is " + z + ".");
        Check.that(z.im() != 0 || z.re() > 0 || z.re() < -upperEdge,
            "z = " + z + " lies on the support [-" + upperEdge + ", 0] of the spectrum, where G has a cut.");
        final double far = 1e3 * (1 + upperEdge + z.abs());
        final Complex start = Complex.real(far);
        Complex x = startingRoot(far);
        if (z.im() == 0 && z.re() > 0) {
            return track(x, start, z);
        }
        final double height = z.im() < 0 ? Math.min(-1, z.im()) : Math.max(1, z.im());
        final Complex corner = new Complex(far, height);
        x = track(x, start, corner);
        final Complex above = new Complex(z.re(), height);
        x = track(x, corner, above);
        return track(x, above, z);
    }

    /** Physical root at a large real z, where x = 1 - 1/z + O(1/z^2) ((1/D) tr BC = 1). */
    private Complex startingRoot(final double far) {
        return newton(Complex.real(1 - 1 / far), Complex.real(far));
    }

    /**
     * Follows the physical root x from zFrom (where it is xFrom) to zTo along the straight segment, with
     * the step control described in the class comment.
     *
     * @throws IllegalStateException if the segment touches the support, where the root is not defined
     */
    Complex track(final Complex xFrom, final Complex zFrom, final Complex zTo) {
        final Complex dz = zTo.minus(zFrom);
        Complex x = xFrom;
        double done = 0;
        double step = 1;
        while (done < 1) {
            step = Math.min(step, 1 - done);
            final Complex z = zFrom.plus(dz.times(done + step));
            final Complex predicted = x.plus(slope(x, zFrom.plus(dz.times(done))).times(dz.times(step)));
            final Complex candidate = newton(predicted, z);
            if (candidate != null && candidate.minus(x).abs() < BRANCH_SAFETY * separation(candidate, z)) {
                x = candidate;
                done += step;
                step *= 2;
            } else {
                step /= 2;
                if (step < MIN_STEP) {
                    throw new IllegalStateException("Lost the branch of G(z) near z = " + z
                        + "; the path from " + zFrom + " to " + zTo + " comes too close to the support.");
                }
            }
        }
        return x;
    }

    /** dx/dz on the curve p(x, z) = 0: -(dp/dz)/(dp/dx) with dp/dz = x - 1. */
    private Complex slope(final Complex x, final Complex z) {
        return x.minus(1).negate().divide(derivative(x, z));
    }

    private Complex value(final Complex x, final Complex z) {
        return x.times(c3).plus(c2).times(x).plus(z.plus(c0)).times(x).minus(z);
    }

    private Complex derivative(final Complex x, final Complex z) {
        return x.times(3 * c3).plus(2 * c2).times(x).plus(z.plus(c0));
    }

    /** Newton's method from x0; null when it does not converge (the caller then takes a shorter step). */
    private Complex newton(final Complex x0, final Complex z) {
        Complex x = x0;
        for (int i = 0; i < NEWTON_MAX; i++) {
            final Complex dx = value(x, z).divide(derivative(x, z));
            x = x.minus(dx);
            if (!x.isFinite()) {
                return null;
            }
            if (dx.abs() <= NEWTON_TOL * Math.max(x.abs(), Double.MIN_NORMAL)) {
                final Complex last = x.minus(value(x, z).divide(derivative(x, z)));
                return last.isFinite() ? last : x;
            }
        }
        return null;
    }

    /** Distance from the root x to the two other roots (the quadratic left after deflation). */
    private double separation(final Complex x, final Complex z) {
        // c3 (X - x)(X^2 + b X + c) = c3 X^3 + c2 X^2 + (c0 + z) X - z
        final Complex b = x.plus(c2 / c3);
        final Complex c = z.plus(c0).divide(c3).plus(b.times(x));
        final Complex root = b.times(b).minus(c.times(4)).sqrt();
        final Complex r1 = b.negate().plus(root).divide(2);
        final Complex r2 = b.negate().minus(root).divide(2);
        return Math.min(x.minus(r1).abs(), x.minus(r2).abs());
    }

    /**
     * (G1 - G2)/(z1 - z2) for two points on the physical branch (also valid at z1 = z2, where it is
     * G'(z1)). Subtracting the cubic at the two points gives (G1 - G2) A + (z1 - z2) B = 0 with
     * A = phi a z1^2 (G1^2 + G1 G2 + G2^2) + c2 z1 (G1 + G2) + z1 + c0 and
     * B = phi a G2^3 (z1 + z2) + c2 G2^2 + G2, so the ratio is -B/A.
     */
    Complex dividedDifference(final Complex z1, final Complex g1, final Complex z2, final Complex g2) {
        final Complex g1g1 = g1.times(g1);
        final Complex g2g2 = g2.times(g2);
        final Complex bigA = z1.times(z1).times(g1g1.plus(g1.times(g2)).plus(g2g2)).times(c3)
            .plus(z1.times(g1.plus(g2)).times(c2)).plus(z1).plus(c0);
        final Complex bigB = g2g2.times(g2).times(z1.plus(z2)).times(c3).plus(g2g2.times(c2)).plus(g2);
        return bigB.negate().divide(bigA);
    }

    /** t(z) = 1 - a u with u = 1 - x, x = zG. */
    Complex tFromX(final Complex x) {
        return Complex.real(1 - a).plus(x.times(a));
    }

    /** s(z) = 1 - phi u with u = 1 - x, x = zG. */
    Complex sFromX(final Complex x) {
        return Complex.real(1 - phi).plus(x.times(phi));
    }

    /** (1/D) tr B (z + BC)^{-1} = u/t. */
    Complex traceB(final Complex x) {
        return Complex.ONE.minus(x).divide(tFromX(x));
    }

    /** (1/D) tr C (z + BC)^{-1} = u/s. */
    Complex traceC(final Complex x) {
        return Complex.ONE.minus(x).divide(sFromX(x));
    }

    /**
     * (1/D) tr[(z1 + CB)^{-1} (z2 + BC)^{-1}] from x1 = z1 G(z1) and x2 = z2 G(z2); symmetric in its two
     * points, finite at z1 = z2.
     */
    Complex twoPoint(final Complex z1, final Complex x1, final Complex z2, final Complex x2) {
        final Complex h = pairTrace(z1, x1, z2, x2, a);
        final Complex bracket = Complex.ONE.minus(x1).minus(x2).plus(z1.times(z2).times(h));
        return h.divide(Complex.ONE.minus(bracket.times(a)));
    }

    /**
     * (1/D) tr[E_F (z1 + CB)^{-1} E_F (z2 + BC)^{-1}], the two-point function of two systems that share C
     * (the data) but have independent feature matrices F1, F2: the mean over F given C is, as a deterministic
     * equivalent, E_F (z + BC)^{-1} = (z + s(z) C)^{-1} (the relation (z + BC)^{-1} = (z + t(z) B)^{-1} of
     * rf-dynamics.md with the roles of the two free factors exchanged; its trace is G, and with it
     * (1/D) tr C (z + BC)^{-1} = u/s). Two resolvents of the same C combine by partial fractions:
     * (1/D) tr[(z1 + s1 C)^{-1} (z2 + s2 C)^{-1}] = (s1 G1 - s2 G2)/(s1 z2 - s2 z1), the twin of h in
     * {@link #twoPoint} with s and phi in place of t and a. Symmetric, finite at z1 = z2.
     */
    Complex independentFeaturesTwoPoint(final Complex z1, final Complex x1, final Complex z2, final Complex x2) {
        return pairTrace(z1, x1, z2, x2, phi);
    }

    /**
     * (r1 G1 - r2 G2)/(r1 z2 - r2 z1) with r = 1 - ratio u (r = t for ratio a, r = s for ratio phi), without
     * the 0/0 at z1 = z2: with the divided difference dG = (G1 - G2)/(z1 - z2) and
     * q = (r1 - r2)/(z1 - z2) = ratio (z1 dG + G2), it is (r1 dG + G2 q)/(z1 q - r1).
     */
    private Complex pairTrace(final Complex z1, final Complex x1, final Complex z2, final Complex x2,
        final double ratio) {
        final Complex g1 = x1.divide(z1);
        final Complex g2 = x2.divide(z2);
        final Complex r1 = Complex.real(1 - ratio).plus(x1.times(ratio));
        final Complex dg = dividedDifference(z1, g1, z2, g2);
        final Complex q = z1.times(dg).plus(g2).times(ratio);
        return r1.times(dg).plus(g2.times(q)).divide(z1.times(q).minus(r1));
    }

    /**
     * Candidate edges of the support, ascending: at an edge two roots of the cubic in x meet, i.e.
     * p = 0 and dp/dx = 0. Eliminating z = -(3 c3 x^2 + 2 c2 x + c0) leaves the real cubic
     * -2 c3 x^3 + (3 c3 - c2) x^2 + 2 c2 x + c0 = 0, and lambda = -z. The largest candidate is lambda_+;
     * the second largest (clipped at 0) is the lower edge of the continuous part; the smallest is spurious.
     */
    private double[] edgeCandidates() {
        final double[] xs = Polynomials.realCubicRoots(-2 * c3, 3 * c3 - c2, 2 * c2, c0);
        final double[] lambdas = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            lambdas[i] = 3 * c3 * xs[i] * xs[i] + 2 * c2 * xs[i] + c0;
        }
        java.util.Arrays.sort(lambdas);
        return lambdas;
    }
}
