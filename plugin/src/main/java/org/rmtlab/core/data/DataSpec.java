package org.rmtlab.core.data;

import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;

/**
 * Parameters of a synthetic data set. The first eight components are those of the original three laws
 * and keep their meaning; the last three extend them and default to the original behaviour (two classes,
 * a linear teacher, white noise) in the eight-argument constructor.
 *
 * @param model the law (see {@link DataModel} for the exact formulas)
 * @param n training samples
 * @param nTest test samples (0 for none)
 * @param p dimension
 * @param rho signal strength ||mu_k||^2 of each class mean of the mixture (ignored otherwise)
 * @param noise standard deviation of the label noise of the teacher task (ignored otherwise)
 * @param scale {@link Scale#NORMALISED} (divide x by sqrt(p)) or {@link Scale#RAW}
 * @param seed random seed; the same seed gives the same data
 * @param classes number K &gt;= 2 of classes of the mixture (at most p when K &gt; 2; ignored otherwise)
 * @param activation id of the teacher's activation sigma (see {@link Activations#ids()}); {@code linear}
 *     is the linear teacher. Stored as the canonical id. Ignored by the other laws.
 * @param covariance population covariance of the noise, for every law
 */
public record DataSpec(DataModel model, int n, int nTest, int p, double rho, double noise, Scale scale, long seed,
    int classes, String activation, CovarianceSpec covariance) {

    /** Largest dimension or sample count accepted, to keep tables and matrices sensible. */
    public static final int MAX_SIZE = 1_000_000;

    /** The activation of the linear teacher y = z^T beta / sqrt(p) + noise eps. */
    public static final String LINEAR = "linear";

    public DataSpec {
        Check.that(model != null, "The data model is missing.");
        Check.that(scale != null, "The scale is missing.");
        Check.that(covariance != null, "The covariance is missing.");
        Check.that(activation != null, "The activation is missing.");
        Check.positive("n (training samples)", n);
        Check.positive("p (dimension)", p);
        Check.that(nTest >= 0, "n_test (test samples) must be >= 0, but is " + nTest + ".");
        Check.that(n <= MAX_SIZE && p <= MAX_SIZE && nTest <= MAX_SIZE,
            "n, n_test and p must each be at most " + MAX_SIZE + ".");
        Check.nonNegative("rho (signal strength ||mu||^2)", rho);
        Check.nonNegative("noise (label noise standard deviation)", noise);
        Check.that(classes >= 2, "K (number of classes) must be at least 2, but is " + classes + ".");
        if (model == DataModel.MIXTURE && classes > 2) {
            Check.that(classes <= p, "K (number of classes) must be at most p = " + p + " (the class means are "
                + "built from K orthogonal directions), but is " + classes + ". Use fewer classes or a larger p.");
        }
        activation = Activations.byId(activation).id();
        covariance.check(p);
    }

    /** The original laws: two classes, linear teacher, white noise (Sigma = I_p). */
    public DataSpec(final DataModel model, final int n, final int nTest, final int p, final double rho,
        final double noise, final Scale scale, final long seed) {
        this(model, n, nTest, p, rho, noise, scale, seed, 2, LINEAR, CovarianceSpec.identity());
    }

    /** The isotropic Gaussian, normalised, without a test set. */
    public static DataSpec gaussian(final int n, final int p, final long seed) {
        return new DataSpec(DataModel.GAUSSIAN, n, 0, p, 0, 0, Scale.NORMALISED, seed);
    }

    /** This spec with K classes (mixture). */
    public DataSpec withClasses(final int k) {
        return new DataSpec(model, n, nTest, p, rho, noise, scale, seed, k, activation, covariance);
    }

    /** This spec with the teacher's activation {@code id} (single-index teacher). */
    public DataSpec withActivation(final String id) {
        return new DataSpec(model, n, nTest, p, rho, noise, scale, seed, classes, id, covariance);
    }

    /** This spec with another noise covariance. */
    public DataSpec withCovariance(final CovarianceSpec cov) {
        return new DataSpec(model, n, nTest, p, rho, noise, scale, seed, classes, activation, cov);
    }

    /** Ratio c = p/n of dimension to training samples. */
    public double ratio() {
        return p / (double) n;
    }

    /** Population eigenvalues of the noise covariance before scaling, decreasing (all ones for white noise). */
    public double[] populationEigenvalues() {
        return covariance.eigenvalues(p);
    }

    /** Throws with a clear message when the data and the law's parameters would not fit in the heap. */
    public void checkMemory() {
        final long lawVectors = (model == DataModel.MIXTURE ? classes : 1) + covariance.storedVectors();
        Memory.require(String.format("the data (p x (n + n_test) = %d x %d)", p, n + nTest),
            Memory.doubles(p, (long) n + nTest + lawVectors, 1));
    }
}
