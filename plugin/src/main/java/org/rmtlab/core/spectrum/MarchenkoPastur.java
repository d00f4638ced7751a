package org.rmtlab.core.spectrum;

import java.util.List;

import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Complex;

/**
 * The Marchenko–Pastur law (Marchenko and Pastur 1967; Bai and Silverstein 2010, Thm 3.6 and Sec. 3.3.1).
 *
 * <p>Conventions: X in R^{p x n} has iid entries of mean 0 and variance sigma^2 = {@code variance}, columns
 * are samples and c = p/n ({@code ratio}). On the {@link SampleMatrix#COVARIANCE} side this is the limiting
 * eigenvalue law of the p x p matrix (1/n) X X^T: density sqrt((b - x)(x - a)) / (2 pi sigma^2 c x) on
 * [a, b], a, b = sigma^2 (1 -+ sqrt c)^2, and the atom (1 - 1/c)^+ at 0. On the {@link SampleMatrix#GRAM}
 * side it is the law of the n x n matrix (1/n) X^T X = c (1/p) X^T X, that is the covariance law with ratio
 * 1/c and variance c sigma^2 (same nonzero part, atom (1 - c)^+); its Stieltjes transform is the companion
 * m~(z) = c m(z) + (c - 1)/z. Stieltjes convention: see {@link SpectralDistribution}.
 *
 * <p>Scaling: the {@code gaussian} data of {@code DataGenerator} with the normalised scale has
 * x ~ N(0, I_p / p), so its covariance follows this law with variance 1/p; the raw scale has variance 1.
 *
 * <p>Numerics: every formula is written for the unit law (variance 1) of the "shape" ratio c' (c on the
 * covariance side, 1/c on the Gram side) and rescaled. The CDF is the closed-form antiderivative written
 * with atan2 instead of arcsin, exact to rounding up to and including the edges and the divergent density at
 * 0 when c = 1; the Stieltjes transform takes the root of c' z m^2 + (z - 1 + c') m + 1 = 0 whose branch
 * cut is [a, b] and picks the cancellation-free one of the two algebraically equal expressions.
 */
public final class MarchenkoPastur implements SpectralDistribution {
    private final double ratio;
    private final double variance;
    private final SampleMatrix side;
    /** Ratio of the unit law: c on the covariance side, 1/c on the Gram side. */
    private final double shape;
    /** Variance of the unit law's rescaling: sigma^2 on the covariance side, c sigma^2 on the Gram side. */
    private final double scale;
    /** Edges of the unit law: (1 -+ sqrt(shape))^2. */
    private final double a;
    private final double b;

    private MarchenkoPastur(final double ratio, final double variance, final SampleMatrix side) {
        this.ratio = Check.positive("c (ratio p/n)", ratio);
        this.variance = Check.positive("variance", variance);
        Check.that(side != null, "The sample matrix (covariance or gram) is missing.");
        this.side = side;
        this.shape = side == SampleMatrix.COVARIANCE ? ratio : 1 / ratio;
        this.scale = side == SampleMatrix.COVARIANCE ? variance : ratio * variance;
        final double r = Math.sqrt(shape);
        this.a = (1 - r) * (1 - r);
        this.b = (1 + r) * (1 + r);
    }

    /** The law of the p x p covariance (1/n) X X^T for entries of the given variance, c = p/n. */
    public static MarchenkoPastur of(final double ratio, final double variance) {
        return new MarchenkoPastur(ratio, variance, SampleMatrix.COVARIANCE);
    }

    /** The law of the chosen sample matrix of X (p x n, c = p/n, entries of the given variance). */
    public static MarchenkoPastur of(final double ratio, final double variance, final SampleMatrix side) {
        return new MarchenkoPastur(ratio, variance, side);
    }

    /** The law of the other sample matrix (n x n if this is p x p, and vice versa). */
    public MarchenkoPastur companion() {
        return new MarchenkoPastur(ratio, variance, side.companion());
    }

    /** c = p/n. */
    public double ratio() {
        return ratio;
    }

    /** Variance sigma^2 of the entries of X. */
    public double variance() {
        return variance;
    }

    public SampleMatrix side() {
        return side;
    }

    @Override
    public double atom() {
        return Math.max(0, 1 - 1 / shape);
    }

    @Override
    public List<SupportInterval> support() {
        return List.of(new SupportInterval(scale * a, scale * b));
    }

    @Override
    public double lowerEdge() {
        return scale * a;
    }

    @Override
    public double upperEdge() {
        return scale * b;
    }

    @Override
    public double density(final double x) {
        final double t = x / scale;
        if (t == 0 && a == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (!(t > a && t < b)) {
            return 0;
        }
        return Math.sqrt((b - t) * (t - a)) / (2 * Math.PI * shape * t) / scale;
    }

    /**
     * Closed form: with r = sqrt((b - t)(t - a)), the antiderivative of r/t is
     * G(t) = r + (a + b)/2 asin((2t - a - b)/(b - a)) - sqrt(ab) asin(((a + b) t - 2ab)/((b - a) t)).
     * Both arcsines are rewritten as atan2 of their numerator and 2r (resp. 2 sqrt(ab) r) and shifted by
     * pi/2 towards the nearer edge, which gives the mass below t (lower half) or above t (upper half) as a sum
     * of terms that all vanish at that edge: full accuracy in both tails, where the arcsine form would lose
     * half the digits.
     */
    @Override
    public double cdf(final double x) {
        final double t = x / scale;
        if (t < 0) {
            return 0;
        }
        if (t <= a) {
            return atom();
        }
        if (t >= b) {
            return 1;
        }
        final double r = Math.sqrt((b - t) * (t - a));
        final double mid = 0.5 * (a + b);
        final double sab = Math.abs(1 - shape);
        final double twoPiC = 2 * Math.PI * shape;
        if (t <= mid) {
            double below = r + mid * Math.atan2(r, mid - t);
            if (sab > 0) {
                below -= sab * Math.atan2(2 * sab * r, 2 * a * b - (a + b) * t);
            }
            return atom() + below / twoPiC;
        }
        double above = -r + mid * Math.atan2(r, t - mid);
        if (sab > 0) {
            above -= sab * Math.atan2(2 * sab * r, (a + b) * t - 2 * a * b);
        }
        return 1 - above / twoPiC;
    }

    @Override
    public Complex stieltjes(final Complex z) {
        return unitRoot(z)[0].divide(scale);
    }

    /** m'(z), from differentiating the quadratic: m' = -(c' m^2 + m) / R with R the discriminant root. */
    public Complex stieltjesDerivative(final Complex z) {
        final Complex[] mr = unitRoot(z);
        final Complex m = mr[0];
        return m.times(m).times(shape).plus(m).divide(mr[1]).negate().divide(scale * scale);
    }

    @Override
    public double edgeAmplitude(final boolean upper) {
        final double edge = upper ? b : a;
        if (edge == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(b - a) / (2 * Math.PI * shape * edge * Math.pow(scale, 1.5));
    }

    /**
     * The unit-law Stieltjes transform at zeta = z / scale and the discriminant root
     * R = sqrt(zeta - a) sqrt(zeta - b) (principal roots: analytic off [a, b], R ~ zeta at infinity).
     * The roots are m = (q +- R)/(2 c' zeta), q = 1 - c' - zeta; the + root is the transform, and since the
     * product of the roots is 1/(c' zeta) it also equals 2/(q - R), used when that avoids cancellation.
     */
    private Complex[] unitRoot(final Complex z) {
        Check.that(z != null && z.isFinite(), "The Stieltjes transform needs a finite complex z, not " + z + ".");
        final Complex zeta = z.divide(scale);
        final Complex disc;
        if (zeta.im() == 0) {
            final double t = zeta.re();
            Check.that(t < a || t > b, "z = " + z.re() + " lies on the support [" + lowerEdge() + ", " + upperEdge()
                + "] of the Marchenko-Pastur law; evaluate at z + i eta with eta > 0 instead.");
            Check.that(t != 0 || atom() == 0, "z = 0 is the atom of the Marchenko-Pastur law (a pole of m).");
            disc = Complex.real(t > b ? Math.sqrt((t - a) * (t - b)) : -Math.sqrt((a - t) * (b - t)));
        } else {
            disc = zeta.minus(a).sqrt().times(zeta.minus(b).sqrt());
        }
        final Complex q = zeta.negate().plus(1 - shape);
        final Complex minus = q.minus(disc);
        final Complex plus = q.plus(disc);
        final Complex m = minus.abs() >= plus.abs()
            ? Complex.real(2).divide(minus)
            : plus.divide(zeta.times(2 * shape));
        return new Complex[] {m, disc};
    }
}
