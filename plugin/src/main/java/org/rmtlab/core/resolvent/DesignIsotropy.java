package org.rmtlab.core.resolvent;

import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.MarchenkoPastur;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.util.Check;

/**
 * Whether a design looks isotropic, the assumption of {@link LinearRidgeRisk#isotropic} and of Dicker's moment
 * estimator ({@link IsotropicLinearModel#moments}): the spectrum of the sample covariance S = (1/n) X X^T of
 * centred data, scaled by the mean feature variance v = tr S / p, is compared with the Marchenko-Pastur law of
 * ratio c = p/n and variance 1, which it follows for features that are independent with equal variances
 * (Marchenko and Pastur 1967; Bai and Silverstein 2010, Thm 3.6 and 5.11).
 *
 * <p>Two statistics: the largest eigenvalue over the MP upper edge (1 + sqrt c)^2, which tends to 1 for an
 * isotropic design (its fluctuations are Tracy-Widom, relative size O(n^{-2/3})) and exceeds it for a spike
 * (a common factor such as the mean of random ReLU features, or strongly correlated columns); and the
 * Kolmogorov distance sup_t |F_S(t) - F_MP(t)| between the empirical spectral distribution and the MP law,
 * O(1/p) up to logarithms for an isotropic design (rigidity of the eigenvalues) and of order one when the bulk
 * is distorted (unequal variances, correlations). The design counts as isotropic when the edge ratio is at most
 * {@value #MAX_EDGE_RATIO} and the distance at most {@value #MAX_DISTANCE}: at n = p = 100 (the smallest
 * size in the tests), a Gaussian design gives about 1.02 and 0.03, random ReLU features 10 and more and 0.2
 * and more.
 *
 * @param ratio c = p/n
 * @param edgeRatio largest eigenvalue of S / v over (1 + sqrt c)^2
 * @param distance Kolmogorov distance between the spectrum of S / v and MP(c, 1)
 */
public record DesignIsotropy(double ratio, double edgeRatio, double distance) {
    /** Largest eigenvalue allowed above the MP edge, relative: far beyond the Tracy-Widom fluctuations at n &gt;= 50. */
    public static final double MAX_EDGE_RATIO = 1.5;
    /** Kolmogorov distance allowed: several times the O(1/p) distance of isotropic designs at p &gt;= 50. */
    public static final double MAX_DISTANCE = 0.1;

    /**
     * @param eigenvalues the eigenvalues of S = (1/n) X X^T of the centred data on the smaller side
     *        ({@link RidgeFit#eigenvalues()}); zeros of the larger side are implied
     * @param p features
     * @param n samples
     */
    public static DesignIsotropy of(final double[] eigenvalues, final int p, final int n) {
        Check.positive("p (features)", p);
        Check.positive("n (samples)", n);
        Check.that(eigenvalues.length == Math.min(p, n), "Expected min(p, n) = " + Math.min(p, n)
            + " eigenvalues, got " + eigenvalues.length + ".");
        final double c = p / (double) n;
        double trace = 0;
        double max = 0;
        for (double e : eigenvalues) {
            trace += e;
            max = Math.max(max, e);
        }
        Check.that(trace > 0, "The feature columns do not vary: the design has no spectrum to check.");
        final double v = trace / p;
        // the p eigenvalues of S / v: the given ones scaled, the rest zeros (the atom at 0 when p > n)
        final double[] scaled = new double[p];
        for (int i = 0; i < eigenvalues.length; i++) {
            scaled[i] = eigenvalues[i] / v;
        }
        final MarchenkoPastur law = MarchenkoPastur.of(c, 1, SampleMatrix.COVARIANCE);
        final double distance = EmpiricalSpectrum.kolmogorovDistance(scaled, law);
        final double edge = law.upperEdge();
        return new DesignIsotropy(c, max / v / edge, distance);
    }

    /** Whether both statistics are within their bounds. */
    public boolean isotropic() {
        return edgeRatio <= MAX_EDGE_RATIO && distance <= MAX_DISTANCE;
    }
}
