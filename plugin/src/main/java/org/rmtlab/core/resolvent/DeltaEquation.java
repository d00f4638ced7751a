package org.rmtlab.core.resolvent;

/**
 * The scalar equation of the nonlinear Gram resolvent, written in the eigenbasis of K
 * (eigenvalues lambda_i) and in t = 1 + delta:
 *
 * <pre>
 *   g(t) = t - 1 - (1/n) sum_i lambda_i t / (c lambda_i - z t) = 0,   c = N/n,
 *   g'(t) = 1 - (1/n) sum_i c lambda_i^2 / (c lambda_i - z t)^2,
 * </pre>
 *
 * which is delta = (1/n) tr K Qbar(z) with Qbar(z) = (c K / (1 + delta) - z I_n)^{-1} (Louart, Liao,
 * Couillet 2018, Theorem 1, there with z = -gamma). On the negative real axis z = -gamma, g is convex
 * and increasing at its unique root in (0, tr K / (n gamma)], which makes a safeguarded Newton method
 * globally convergent. Note that 1 - g'(t) = (1/N) tr (Psi Qbar)^2 with Psi = c K / (1 + delta): the
 * same quantity is the denominator of the risk formulas, so it is positive at the solution.
 *
 * <p>Off the real axis (Im z &gt; 0) the solution with Im delta &gt; 0 is unique (the map
 * delta -&gt; (1/n) tr K Qbar sends the upper half-plane into itself); Newton's method is run with the
 * caller supplying a starting point by continuation, see {@link NonlinearGramSpectrum}.
 */
final class DeltaEquation {
    /** Newton stops once |g| falls below this multiple of |t| (the sums carry about n ulps of rounding). */
    private static final double RELATIVE_TOLERANCE = 1e-13;
    private static final int MAX_ITERATIONS = 200;
    /** Rounding floor of g relative to the size of its terms. */
    private static final double ROUNDING = 2 * Math.ulp(1.0);

    private final double[] lambda;
    private final double c;
    private final double traceOverN;

    /**
     * @param lambda eigenvalues of K, non-negative (not copied)
     * @param featureRatio c = N/n &gt; 0
     */
    DeltaEquation(final double[] lambda, final double featureRatio) {
        this.lambda = lambda;
        this.c = featureRatio;
        double s = 0;
        for (double l : lambda) {
            s += l;
        }
        this.traceOverN = s / lambda.length;
    }

    double featureRatio() {
        return c;
    }

    /**
     * Solves for gamma &gt; 0 by Newton's method from the upper end of the bracket [0, tr K / (n gamma)],
     * falling back to bisection whenever a step would leave the bracket. Newton runs until g reaches
     * its rounding floor or stops decreasing: near c = 1 with tiny gamma the root is ill-conditioned
     * (g' is about 2 sqrt(gamma)), so a fixed residual tolerance would stop too early.
     */
    DeltaSolution solve(final double gamma) {
        if (traceOverN == 0) {
            return new DeltaSolution(0, 0, 0);
        }
        double lo = 0;
        double hi = traceOverN / gamma;
        double delta = hi;
        double best = delta;
        double bestResidual = Double.POSITIVE_INFINITY;
        int stalled = 0;
        final double n = lambda.length;
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            final double t = 1 + delta;
            double f = 0;
            double df = 0;
            for (double l : lambda) {
                final double d = c * l + gamma * t;
                f += l * t / d;
                df += c * l * l / (d * d);
            }
            final double g = delta - f / n;
            final double dg = 1 - df / n;
            if (Math.abs(g) < bestResidual) {
                bestResidual = Math.abs(g);
                best = delta;
                stalled = 0;
            } else {
                stalled++;
            }
            if (bestResidual <= ROUNDING * (t + f / n) || stalled >= 3) {
                return new DeltaSolution(best, it, bestResidual);
            }
            if (g < 0) {
                lo = delta;
            } else {
                hi = delta;
            }
            double next = dg > 0 ? delta - g / dg : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (next == delta) {
                return new DeltaSolution(best, it, bestResidual);
            }
            delta = next;
        }
        if (bestResidual <= RELATIVE_TOLERANCE * (1 + best)) {
            return new DeltaSolution(best, MAX_ITERATIONS, bestResidual);
        }
        throw new IllegalStateException("delta did not converge for N/n = " + c + ", gamma = " + gamma);
    }

    /** g at delta for z = -gamma. */
    double residual(final double delta, final double gamma) {
        final double t = 1 + delta;
        double f = 0;
        for (double l : lambda) {
            f += l * t / (c * l + gamma * t);
        }
        return delta - f / lambda.length;
    }

    /**
     * Newton's method at complex z = (zr, zi), started from and writing into {@code t} = {t_re, t_im}.
     * A step that does not reduce |g| is halved (up to a limit).
     *
     * @return true when |g| &lt;= tolerance |t| was reached with Im t &gt;= 0 (the Stieltjes branch
     *         for Im z &gt; 0); {@code t} then holds the solution
     */
    boolean newton(final double zr, final double zi, final double[] t, final int maxIterations) {
        double tr = t[0];
        double ti = t[1];
        double[] gv = evaluate(zr, zi, tr, ti);
        for (int it = 0; it < maxIterations; it++) {
            final double gAbs = Math.hypot(gv[0], gv[1]);
            if (gAbs <= RELATIVE_TOLERANCE * Math.hypot(tr, ti)) {
                if (ti < -1e-9 * Math.hypot(tr, ti)) {
                    return false;
                }
                t[0] = tr;
                t[1] = Math.max(ti, 0);
                return true;
            }
            final double den = gv[2] * gv[2] + gv[3] * gv[3];
            if (!(den > 0) || !Double.isFinite(den)) {
                return false;
            }
            // step = g / g'
            final double sr = (gv[0] * gv[2] + gv[1] * gv[3]) / den;
            final double si = (gv[1] * gv[2] - gv[0] * gv[3]) / den;
            double scale = 1;
            double[] trial = null;
            double nr = tr;
            double ni = ti;
            for (int halving = 0; halving < 30; halving++) {
                nr = tr - scale * sr;
                ni = ti - scale * si;
                trial = evaluate(zr, zi, nr, ni);
                if (Math.hypot(trial[0], trial[1]) < gAbs) {
                    break;
                }
                scale *= 0.5;
            }
            if (!(Math.hypot(trial[0], trial[1]) < gAbs)) {
                return false;
            }
            tr = nr;
            ti = ni;
            gv = trial;
        }
        return false;
    }

    /** {g_re, g_im, g'_re, g'_im} at t for z. */
    double[] evaluate(final double zr, final double zi, final double tr, final double ti) {
        // z t
        final double ztr = zr * tr - zi * ti;
        final double zti = zr * ti + zi * tr;
        double fr = 0;
        double fi = 0;
        double dr = 0;
        double di = 0;
        for (double l : lambda) {
            if (l == 0) {
                continue;
            }
            final double ar = c * l - ztr;
            final double ai = -zti;
            final double inv = 1 / (ar * ar + ai * ai);
            // 1 / a
            final double br = ar * inv;
            final double bi = -ai * inv;
            // l t / a
            fr += l * (tr * br - ti * bi);
            fi += l * (tr * bi + ti * br);
            // c l^2 / a^2
            final double b2r = br * br - bi * bi;
            final double b2i = 2 * br * bi;
            dr += c * l * l * b2r;
            di += c * l * l * b2i;
        }
        final double n = lambda.length;
        return new double[] {tr - 1 - fr / n, ti - fi / n, 1 - dr / n, -di / n};
    }

    /** m(z) = (1/n) tr Qbar(z) = (1/n) sum_i t / (c lambda_i - z t), as {re, im}. */
    double[] stieltjes(final double zr, final double zi, final double tr, final double ti) {
        final double ztr = zr * tr - zi * ti;
        final double zti = zr * ti + zi * tr;
        double mr = 0;
        double mi = 0;
        for (double l : lambda) {
            final double ar = c * l - ztr;
            final double ai = -zti;
            final double inv = 1 / (ar * ar + ai * ai);
            mr += (tr * ar + ti * ai) * inv;
            mi += (ti * ar - tr * ai) * inv;
        }
        final double n = lambda.length;
        return new double[] {mr / n, mi / n};
    }

    /**
     * Imaginary part of L(z) = integral log(s - z) dmu(s), the primitive of -m(z) whose boundary value
     * gives the distribution function: F(x) = -(1/pi) Im L(x + i0). For the deterministic equivalent
     * L(z) = (1/n) sum_i log(c lambda_i / t - z) + c log t - c (t - 1) / t: its derivative in t vanishes at
     * the solution of g(t) = 0, so dL/dz = -(1/n) tr Qbar(z), and L(z) ~ log(-z) as |z| -&gt; infinity.
     * Each logarithm is taken on its principal branch, which is continuous here because
     * c lambda / t - z stays in the lower and t in the closed upper half-plane.
     */
    double logTransformImaginary(final double zr, final double zi, final double tr, final double ti) {
        final double tAbs2 = tr * tr + ti * ti;
        // 1 / t
        final double ur = tr / tAbs2;
        final double ui = -ti / tAbs2;
        double sum = 0;
        for (double l : lambda) {
            sum += Math.atan2(c * l * ui - zi, c * l * ur - zr);
        }
        final double argT = Math.atan2(Math.max(ti, 0), tr);
        // Im[(t - 1) / t] = Im[1 - 1/t] = -Im(1/t)
        return sum / lambda.length + c * argT + c * ui;
    }
}
