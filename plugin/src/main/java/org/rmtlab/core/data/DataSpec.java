package org.rmtlab.core.data;

import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;

/**
 * Parameters of a synthetic data set.
 *
 * @param model the law (see {@link DataModel} for the exact formulas)
 * @param n training samples
 * @param nTest test samples (0 for none)
 * @param p dimension
 * @param rho signal strength ||mu||^2 of the mixture (ignored otherwise)
 * @param noise standard deviation of the label noise of the teacher task (ignored otherwise)
 * @param scale {@link Scale#NORMALISED} (divide x by sqrt(p)) or {@link Scale#RAW}
 * @param seed random seed; the same seed gives the same data
 */
public record DataSpec(DataModel model, int n, int nTest, int p, double rho, double noise, Scale scale, long seed) {

    /** Largest dimension or sample count accepted, to keep tables and matrices sensible. */
    public static final int MAX_SIZE = 1_000_000;

    public DataSpec {
        Check.that(model != null, "The data model is missing.");
        Check.that(scale != null, "The scale is missing.");
        Check.positive("n (training samples)", n);
        Check.positive("p (dimension)", p);
        Check.that(nTest >= 0, "n_test (test samples) must be >= 0, but is " + nTest + ".");
        Check.that(n <= MAX_SIZE && p <= MAX_SIZE && nTest <= MAX_SIZE,
            "n, n_test and p must each be at most " + MAX_SIZE + ".");
        Check.nonNegative("rho (signal strength ||mu||^2)", rho);
        Check.nonNegative("noise (label noise standard deviation)", noise);
    }

    /** The isotropic Gaussian, normalised, without a test set. */
    public static DataSpec gaussian(final int n, final int p, final long seed) {
        return new DataSpec(DataModel.GAUSSIAN, n, 0, p, 0, 0, Scale.NORMALISED, seed);
    }

    /** Ratio c = p/n of dimension to training samples. */
    public double ratio() {
        return p / (double) n;
    }

    /** Throws with a clear message when the train and test matrices would not fit in the heap. */
    public void checkMemory() {
        Memory.require(String.format("the data (p x (n + n_test) = %d x %d)", p, n + nTest),
            Memory.doubles(p, (long) n + nTest, 1));
    }
}
