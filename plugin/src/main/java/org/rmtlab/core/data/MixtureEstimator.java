package org.rmtlab.core.data;

import java.util.Locale;

import org.rmtlab.core.util.Check;

/**
 * Estimates the parameters of a two-class Gaussian mixture from labelled samples, streaming (one sample at a
 * time, memory O(p)), for the theories that assume it (Liao and Couillet 2018; Louart, Liao and Couillet 2018).
 *
 * <p>Model: x = y mu + sigma z with z ~ N(0, I_p), y = +-1 (two classes, any sizes n_a, n_b). The theories are
 * written for unit noise (sigma = 1, the raw scale of {@link DataGenerator}); dividing x by sigma brings any
 * such data to that form, so the signal strength they need is the noise-free one,
 * <pre>
 *   rho = ||mu||^2 / sigma^2.
 * </pre>
 * Estimator: with class means m_a, m_b, their difference D = m_a - m_b = +-2 mu + sigma e,
 * e ~ N(0, (1/n_a + 1/n_b) I_p), and the pooled within-class variance
 * s^2 = (sum of ||x_i - m_class(i)||^2) / nu with nu = p (n - 2) degrees of freedom,
 * <pre>
 *   rho_hat = ( (nu - 2)/nu * ||D||^2 / s^2  -  p (1/n_a + 1/n_b) ) / 4.
 * </pre>
 * It is unbiased given the class sizes: E||D||^2 = 4 ||mu||^2 + sigma^2 p (1/n_a + 1/n_b) (the second term is
 * the finite-sample bias of the plug-in ||D||^2 / 4, of relative size about c/rho with c = p/n); s^2 is
 * independent of D (Cochran) with nu s^2 / sigma^2 ~ chi^2_nu, hence E[sigma^2 / s^2] = nu / (nu - 2).
 * rho_hat can be negative when the classes are hardly separated; the theories then need rho = 0.
 *
 * <p>Class means use Welford's update, so that a large common offset does not cancel digits.
 */
public final class MixtureEstimator {
    private final int p;
    private final double[][] mean = new double[2][];
    private final int[] count = new int[2];
    /** Sum over the samples of both classes of ||x - running class mean||^2 (Welford). */
    private double within;

    /** @param p dimension, >= 1 */
    public MixtureEstimator(final int p) {
        this.p = Check.positive("p (number of features)", p);
        mean[0] = new double[p];
        mean[1] = new double[p];
    }

    /**
     * Adds one sample.
     *
     * @param x the p features, finite
     * @param label the class, 0 or 1 (which one is which does not matter)
     */
    public void add(final double[] x, final int label) {
        Check.that(x.length == p, "A sample has " + x.length + " features, expected p = " + p + ".");
        Check.that(label == 0 || label == 1, "The class index must be 0 or 1, not " + label + ".");
        for (double v : x) {
            Check.finite("Every feature", v);
        }
        final double[] m = mean[label];
        final int k = ++count[label];
        double sum = 0;
        for (int i = 0; i < p; i++) {
            final double delta = x[i] - m[i];
            m[i] += delta / k;
            sum += delta * (x[i] - m[i]);
        }
        within += sum;
    }

    /** Samples added so far to class {@code label}. */
    public int count(final int label) {
        return count[label];
    }

    /**
     * The estimate from the samples added so far.
     *
     * @throws IllegalArgumentException when a class is empty, there are too few samples for a noise estimate
     *     (p (n - 2) must exceed 2), or the samples of each class are all equal (no noise)
     */
    public Estimate estimate() {
        Check.that(count[0] > 0 && count[1] > 0, String.format(Locale.ROOT,
            "Both classes need samples to estimate the signal strength rho, but the classes have %d and %d.",
            count[0], count[1]));
        final long n = (long) count[0] + count[1];
        final double nu = p * (double) (n - 2);
        Check.that(nu > 2, String.format(Locale.ROOT,
            "Too few samples to estimate the noise level: p (n - 2) = %d x %d must exceed 2.", p, n - 2));
        final double noise = within / nu;
        Check.that(noise > 0, "The samples of each class are all equal: there is no noise to measure rho against.");
        double gap = 0;
        for (int i = 0; i < p; i++) {
            final double d = mean[0][i] - mean[1][i];
            gap += d * d;
        }
        gap /= noise;
        final double bias = p * (1.0 / count[0] + 1.0 / count[1]);
        return new Estimate(p, count[0], count[1], noise, gap, ((nu - 2) / nu * gap - bias) / 4);
    }

    /**
     * @param p dimension
     * @param n0 samples of the first class
     * @param n1 samples of the second class
     * @param noiseVariance s^2, the unbiased pooled within-class variance per coordinate (sigma^2)
     * @param meanGap ||m_a - m_b||^2 / s^2, the squared distance of the class means in noise units (biased:
     *     its expectation exceeds 4 rho by about p (1/n_a + 1/n_b))
     * @param rho the unbiased estimate of ||mu||^2 / sigma^2; may be negative
     */
    public record Estimate(int p, int n0, int n1, double noiseVariance, double meanGap, double rho) {

        /** All samples, n = n0 + n1. */
        public int n() {
            return n0 + n1;
        }

        /** c = p / n. */
        public double ratio() {
            return p / (double) n();
        }

        /**
         * Approximate standard error of {@link #rho()}: with v = 1/n0 + 1/n1 and rho clipped at 0,
         * Var(||D||^2 / sigma^2) = 2 p v^2 + 16 rho v (a noncentral chi-square), divided by 4^2; the
         * O(1/(p n)) uncertainty of the noise estimate is left out.
         */
        public double rhoStandardError() {
            final double v = 1.0 / n0 + 1.0 / n1;
            return Math.sqrt(2 * p * v * v + 16 * Math.max(0, rho) * v) / 4;
        }
    }
}
