package org.rmtlab.core.spectrum;

import org.rmtlab.core.util.Check;

/**
 * The BBP phase transition of a rank-one spiked covariance (Baik, Ben Arous and Peche 2005; Baik and
 * Silverstein 2006; Paul 2007, Thm 2 and 4), for (1/n) X X^T, X in R^{p x n}, c = p/n.
 *
 * <p>Model: the population covariance is sigma^2 (I + (ell - 1) u u^T), ||u|| = 1, i.e. the eigenvalue
 * sigma^2 ell in direction u and sigma^2 elsewhere ({@code variance} = sigma^2; spikes are given in units of
 * sigma^2). As p, n -> inf, the largest eigenvalue separates from the bulk iff ell > 1 + sqrt(c), and then
 * converges to sigma^2 ell (1 + c/(ell - 1)); otherwise it sticks to the edge sigma^2 (1 + sqrt c)^2. The
 * squared overlap of its eigenvector with u converges to (1 - c/(ell - 1)^2) / (1 + c/(ell - 1)) above the
 * threshold and to 0 below.
 *
 * <p>Two-class mixture x = y mu + z, y = +-1, z ~ N(0, sigma^2 I) before scaling (see {@code DataGenerator}):
 * its covariance is sigma^2 I + mu mu^T, a spike with ell = 1 + rho, rho = ||mu||^2 / sigma^2. Hence the
 * outlier exists iff rho > sqrt(c) and sits at sigma^2 (1 + rho + c + c/rho) (Liao, lecture slides, "spike
 * location lambda_s = c + 1 + rho + c/rho"); for the normalised data sigma^2 = 1/p.
 */
public record SpikedCovariance(double ratio, double variance) {

    public SpikedCovariance {
        Check.positive("c (ratio p/n)", ratio);
        Check.positive("variance", variance);
    }

    /** Unit bulk variance. */
    public static SpikedCovariance of(final double ratio) {
        return new SpikedCovariance(ratio, 1);
    }

    /** Critical spike 1 + sqrt(c) (in units of the bulk variance). */
    public double threshold() {
        return 1 + Math.sqrt(ratio);
    }

    public boolean separates(final double ell) {
        return spike(ell) > threshold();
    }

    /** Limit of the largest eigenvalue: sigma^2 ell (1 + c/(ell - 1)) above the threshold, the bulk edge below. */
    public double largestEigenvalue(final double ell) {
        if (!separates(ell)) {
            return variance * threshold() * threshold();
        }
        return variance * ell * (1 + ratio / (ell - 1));
    }

    /** Limit of the squared overlap of the top sample eigenvector with the spike direction. */
    public double overlap(final double ell) {
        if (!separates(ell)) {
            return 0;
        }
        final double d = ell - 1;
        return (1 - ratio / (d * d)) / (1 + ratio / d);
    }

    /** Critical mixture strength sqrt(c) (rho = ||mu||^2 / sigma^2). */
    public double mixtureThreshold() {
        return threshold() - 1;
    }

    /** Limit of the largest eigenvalue of the mixture: sigma^2 (1 + rho + c + c/rho) above the threshold. */
    public double mixtureLargestEigenvalue(final double rho) {
        return largestEigenvalue(1 + Check.nonNegative("rho (signal strength)", rho));
    }

    /** Limit of the squared overlap of the top sample eigenvector with mu / ||mu||. */
    public double mixtureOverlap(final double rho) {
        return overlap(1 + Check.nonNegative("rho (signal strength)", rho));
    }

    private static double spike(final double ell) {
        return Check.positive("ell (spike)", ell);
    }
}
