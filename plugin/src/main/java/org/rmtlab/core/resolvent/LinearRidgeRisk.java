package org.rmtlab.core.resolvent;

import org.rmtlab.core.spectrum.MarchenkoPastur;
import org.rmtlab.core.spectrum.PopulationSpectrum;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.spectrum.SilversteinEquation;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Complex;

/**
 * Limiting out-of-sample risk of ridge and ridgeless least squares (Hastie, Montanari, Rosset and
 * Tibshirani 2022, "Surprises in high-dimensional ridgeless least squares interpolation", Ann. Statist. 50(2)).
 *
 * <p>Model: n samples x_i ~ N(0, Sigma) in R^p (the columns of X in R^{p x n}), c = p/n, responses
 * y_i = x_i^T beta* + eps_i with eps_i ~ N(0, s^2) ({@code noise} = s, a standard deviation) and beta* of
 * norm ||beta*||^2 = r^2 ({@code signal}) in a uniformly random direction. Estimator
 * beta_lambda = ((1/n) X X^T + lambda I)^{-1} (1/n) X y, and for lambda -> 0+ the minimum-norm least-squares
 * solution (the interpolator when c > 1). Risk R = E[(x^T beta_lambda - x^T beta*)^2 | X] = ||beta_lambda -
 * beta*||_Sigma^2 averaged over eps, split into bias B = lambda^2 beta*^T Q Sigma Q beta* and variance
 * V = (s^2/n) tr(Sigma Q S Q), S = (1/n) X X^T, Q = (S + lambda I)^{-1} (HMRT eq. (5)-(6)).
 *
 * <p>Isotropic Sigma = I (HMRT Thm 5, closed form): B = r^2 lambda^2 m'(-lambda),
 * V = s^2 c (m(-lambda) - lambda m'(-lambda)) with m the {@link MarchenkoPastur} transform of the covariance
 * side; for c > 1 the same expressions are evaluated through the companion m~ (no atom, so no cancellation
 * as lambda -> 0): B = r^2 (lambda^2 m~'(-lambda) + c - 1)/c, V = s^2 (m~(-lambda) - lambda m~'(-lambda)).
 * Ridgeless limits (HMRT Thm 1 and 2): B = 0, V = s^2 c/(1 - c) for c < 1; B = r^2 (1 - 1/c),
 * V = s^2/(c - 1) for c > 1; V = inf at c = 1.
 *
 * <p>General Sigma with eigenvalue law H: with the root y of the {@link SilversteinEquation} at z = -lambda
 * (real, on the physical branch; y = -1/m~(-lambda)), writing g(lambda) = (1/p) lambda tr(Sigma Q), one has
 * tr(Sigma Q^2) = -d/dlambda tr(Sigma Q) and Q S Q = Q - lambda Q^2, hence B = r^2 (g - lambda g') and
 * V = s^2 c g' (deterministic equivalent of g: integral of tau/(1 + m~ tau) dH). In y this is
 * <pre>  V = s^2 (1/x'(y) - 1),   B = r^2 [(-lambda - y)/c - (lambda/c)(1/x'(y) - 1)],</pre>
 * which is regular at lambda = 0 on both sides of c = 1 and reduces to HMRT Thm 5 for H = delta_1 (checked in
 * the tests), and to HMRT Thm 2 at lambda = 0.
 *
 * <p>Training error E_train = (1/n) ||y - X^T beta_lambda||^2. Generalised cross-validation is consistent for
 * ridge (Patil, Wei, Rinaldo and Tibshirani 2021, "Uniform consistency of cross-validation estimators for
 * high-dimensional ridge regression", AISTATS, Thm 3): E_train / (1 - d)^2 has the same limit as the prediction
 * error R + s^2 on a new sample, where d = (1/n) tr S (S + lambda I)^{-1} is the degrees of freedom per sample.
 * With the companion transform m~(z) = (1/n) tr (X^T X/n - z)^{-1}, d = 1 - lambda m~(-lambda) (-> min(c, 1) as
 * lambda -> 0), so E_train = (R + s^2) (1 - d)^2; in the Silverstein root, m~(-lambda) = -1/y.
 */
public final class LinearRidgeRisk {
    private final double ratio;
    private final double signal;
    private final double noise;
    /** Null in the isotropic closed form. */
    private final SilversteinEquation equation;
    private final MarchenkoPastur law;

    /** Bias, variance and their sum at one penalty. */
    public record Risk(double lambda, double bias, double variance) {
        public double total() {
            return bias + variance;
        }
    }

    private LinearRidgeRisk(final double ratio, final double signal, final double noise,
        final SilversteinEquation equation) {
        this.ratio = Check.positive("c (ratio p/n)", ratio);
        this.signal = Check.nonNegative("signal ||beta*||^2", signal);
        this.noise = Check.nonNegative("noise (standard deviation)", noise);
        this.equation = equation;
        this.law = equation != null ? null
            : MarchenkoPastur.of(ratio, 1, ratio > 1 ? SampleMatrix.GRAM : SampleMatrix.COVARIANCE);
    }

    /** Sigma = I: the closed form of HMRT Thm 5. */
    public static LinearRidgeRisk isotropic(final double ratio, final double signal, final double noise) {
        return new LinearRidgeRisk(ratio, signal, noise, null);
    }

    /** General population covariance through the Silverstein equation. */
    public static LinearRidgeRisk of(final PopulationSpectrum covariance, final double ratio, final double signal,
        final double noise) {
        return new LinearRidgeRisk(ratio, signal, noise, new SilversteinEquation(covariance, ratio));
    }

    /** c = p/n. */
    public double ratio() {
        return ratio;
    }

    /**
     * The penalty that minimises the risk, s^2 c / r^2, for any Sigma: with the isotropic prior on beta*, ridge
     * at this penalty is the posterior mean, optimal for every quadratic loss (Dobriban and Wager 2018,
     * Thm 2.1); infinite without signal.
     */
    public double optimalLambda() {
        return signal == 0 ? Double.POSITIVE_INFINITY : noise * noise * ratio / signal;
    }

    /** Bias, variance and risk at penalty lambda >= 0 (0: the minimum-norm least-squares limit). */
    public Risk at(final double lambda) {
        Check.nonNegative("lambda (ridge penalty)", lambda);
        return equation == null ? isotropicAt(lambda) : generalAt(lambda);
    }

    /**
     * The exact finite-n mean of the ridgeless variance minus its limit, for isotropic Gaussian x ~ N(0, I_p)
     * (the model of the class comment with Sigma = I, lambda -> 0+). Given X, the variance is s^2 tr((X X^T)^{-1})
     * for p &lt; n and s^2 tr((X^T X)^{-1}) for p &gt; n, and the mean of the inverse Wishart,
     * E[W^{-1}] = I / (m - d - 1) for W = G G^T ~ W_d(I, m) with G a d x m standard Gaussian matrix and
     * m - d &gt;= 2 (Muirhead 1982, "Aspects of Multivariate Statistical Theory", Sec. 3.2), gives
     * E V = s^2 p / (n - p - 1) below the threshold and s^2 n / (p - n - 1) above. The limits s^2 c / (1 - c) =
     * s^2 p / (n - p) and s^2 / (c - 1) = s^2 n / (p - n) (HMRT Thm 1 and 2) fall short of it by
     * s^2 min(p, n) / (|p - n| (|p - n| - 1)), an O(1/n) correction at fixed c &ne; 1 that grows near c = 1.
     * The bias has none: it is 0 below the threshold and r^2 (1 - n/p) in expectation above.
     *
     * @param n samples
     * @param p features
     * @param noise the noise standard deviation s
     * @return the correction, or NaN when |p - n| &lt; 2 (the mean is infinite)
     */
    public static double ridgelessVarianceCorrection(final int n, final int p, final double noise) {
        Check.that(n >= 1 && p >= 1, "n and p must be at least 1, not n = " + n + ", p = " + p + ".");
        Check.nonNegative("noise (standard deviation)", noise);
        final int gap = Math.abs(p - n);
        if (gap < 2) {
            return Double.NaN;
        }
        return noise * noise * Math.min(p, n) / ((double) gap * (gap - 1));
    }

    /**
     * Degrees of freedom per sample d = (1/n) tr S (S + lambda I)^{-1} in the limit: the trace of the ridge
     * smoother over n, between 0 (lambda -> inf) and min(c, 1) (lambda = 0).
     */
    public double degreesOfFreedom(final double lambda) {
        Check.nonNegative("lambda (ridge penalty)", lambda);
        if (lambda == 0) {
            return Math.min(ratio, 1);
        }
        if (equation != null) {
            return 1 + lambda / equation.solveReal(-lambda);
        }
        // the covariance-side transform m (c <= 1) gives m~ = c m + (1 - c)/lambda at z = -lambda
        final double m = law.stieltjes(Complex.real(-lambda)).re();
        return ratio > 1 ? 1 - lambda * m : ratio * (1 - lambda * m);
    }

    /**
     * The training error E_train = (R + s^2)(1 - d)^2 at penalty lambda >= 0 (see the class comment); 0 for the
     * interpolating fit (lambda = 0, c >= 1).
     */
    public double trainError(final double lambda) {
        final double free = 1 - degreesOfFreedom(lambda);
        if (free == 0) {
            return 0;
        }
        return (at(lambda).total() + noise * noise) * free * free;
    }

    private Risk isotropicAt(final double lambda) {
        final double s2 = noise * noise;
        if (ratio == 1 && lambda == 0) {
            return new Risk(0, 0, s2 == 0 ? 0 : Double.POSITIVE_INFINITY);
        }
        final Complex z = Complex.real(-lambda);
        final double m = law.stieltjes(z).re();
        final double dm = law.stieltjesDerivative(z).re();
        if (ratio > 1) {
            return new Risk(lambda, signal * (lambda * lambda * dm + ratio - 1) / ratio, s2 * (m - lambda * dm));
        }
        return new Risk(lambda, signal * lambda * lambda * dm, s2 * ratio * (m - lambda * dm));
    }

    private Risk generalAt(final double lambda) {
        final double s2 = noise * noise;
        final double y = equation.solveReal(-lambda);
        final double slope = equation.slope(y);
        final double excess = slope > 0 ? 1 / slope - 1 : Double.POSITIVE_INFINITY;
        final double variance = s2 == 0 ? 0 : s2 * excess;
        double bias = (-lambda - y) / ratio;
        if (lambda > 0) {
            bias -= lambda / ratio * excess;
        }
        return new Risk(lambda, signal * bias, variance);
    }
}
