package org.rmtlab.core.data;

import java.util.Arrays;

import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Rng;

/**
 * Population covariance Sigma of the noise, before scaling: a sample's noise is Sigma^{1/2} z with
 * z ~ N(0, I_p).
 *
 * <ul>
 * <li>{@link CovarianceModel#IDENTITY}: Sigma = I_p, the white noise of Louart, Liao, Couillet (2018)
 * and Liao, Couillet (2018).</li>
 * <li>{@link CovarianceModel#POWER_LAW}: Sigma = diag(lambda_1, ..., lambda_p) in the canonical basis with
 * lambda_i = i^(-a) / ((1/p) sum_j j^(-a)), so that tr(Sigma)/p = 1 (the signal-to-noise scale of the
 * white case is kept). Why the canonical basis: the class means and the teacher vector are drawn in
 * uniformly random directions, so rotating Sigma by a random orthogonal matrix would not change the law
 * of any rotation-invariant quantity (spectra, risks, errors), but would cost O(p^2) per sample instead
 * of O(p). Power-law population spectra are the data model behind the scaling laws
 * discussed by Liao and Mahoney (2025).</li>
 * <li>{@link CovarianceModel#SPIKED}: Sigma = I_p + ell sum_{j=1..k} v_j v_j^T with v_1..v_k uniformly
 * random orthonormal directions: k population eigenvalues 1 + ell, the others 1 (Johnstone's spiked
 * model; its sample covariance shows outliers above the BBP threshold ell &gt; sqrt(p/n)). Here
 * tr(Sigma)/p = 1 + k ell / p.</li>
 * </ul>
 *
 * @param model the kind of covariance
 * @param exponent a &gt;= 0 of the power law (0 gives Sigma = I_p); read only by {@code power-law}
 * @param spikes number k of spikes, at least 1 for {@code spiked} (at most p, checked by {@link #check(int)})
 * @param spikeStrength ell &gt;= 0: each spike has population eigenvalue 1 + ell; read only by {@code spiked}
 */
public record CovarianceSpec(CovarianceModel model, double exponent, int spikes, double spikeStrength) {

    /** Largest power-law exponent accepted: beyond it i^(-a) underflows to 0 for sizes in use. */
    public static final double MAX_EXPONENT = 10;

    public CovarianceSpec {
        Check.that(model != null, "The covariance model is missing.");
        Check.nonNegative("exponent (power-law decay of the population eigenvalues)", exponent);
        Check.that(exponent <= MAX_EXPONENT,
            "exponent (power-law decay of the population eigenvalues) must be at most " + MAX_EXPONENT + ", but is "
                + exponent + ".");
        Check.that(spikes >= 0, "spikes (number of spikes) must be >= 0, but is " + spikes + ".");
        Check.nonNegative("spike strength ell (each spike has population eigenvalue 1 + ell)", spikeStrength);
        if (model == CovarianceModel.SPIKED) {
            Check.positive("spikes (number of spikes of the spiked covariance)", spikes);
        }
    }

    /** Sigma = I_p. */
    public static CovarianceSpec identity() {
        return new CovarianceSpec(CovarianceModel.IDENTITY, 0, 0, 0);
    }

    /** Eigenvalues proportional to i^(-exponent), mean 1. */
    public static CovarianceSpec powerLaw(final double exponent) {
        return new CovarianceSpec(CovarianceModel.POWER_LAW, exponent, 0, 0);
    }

    /** I_p plus {@code spikes} spikes of strength {@code strength} in random orthonormal directions. */
    public static CovarianceSpec spiked(final int spikes, final double strength) {
        return new CovarianceSpec(CovarianceModel.SPIKED, 0, spikes, strength);
    }

    /** Checks what depends on the dimension: at most p spikes. */
    public void check(final int p) {
        if (model == CovarianceModel.SPIKED) {
            Check.that(spikes <= p, "spikes (number of spikes) must be at most p = " + p + ", but is " + spikes
                + ". Use fewer spikes or a larger dimension.");
        }
    }

    /** Number of p-vectors the drawn covariance keeps (spike directions, or eigenvalues and roots). */
    long storedVectors() {
        return model == CovarianceModel.SPIKED ? spikes + 1L : 2;
    }

    /**
     * The population eigenvalues of Sigma in decreasing order, before scaling; they do not depend on the
     * seed, so the theory can use them without drawing data.
     */
    public double[] eigenvalues(final int p) {
        Check.positive("p (dimension)", p);
        check(p);
        final double[] ev = new double[p];
        switch (model) {
            case IDENTITY -> Arrays.fill(ev, 1.0);
            case POWER_LAW -> {
                // sum the small terms first: the normalisation is then accurate to rounding for any p
                double sum = 0;
                for (int i = p; i >= 1; i--) {
                    ev[i - 1] = Math.pow(i, -exponent);
                    sum += ev[i - 1];
                }
                final double mean = sum / p;
                for (int i = 0; i < p; i++) {
                    ev[i] /= mean;
                }
            }
            case SPIKED -> {
                for (int i = 0; i < p; i++) {
                    ev[i] = i < spikes ? 1 + spikeStrength : 1;
                }
            }
        }
        return ev;
    }

    /** The covariance of one data set; only the spiked model uses {@code rng} (for its directions). */
    public PopulationCovariance draw(final int p, final Rng rng) {
        final double[] ev = eigenvalues(p);
        if (model == CovarianceModel.SPIKED) {
            return new SpikedCovariance(ev, RandomFrames.orthonormal(p, spikes, rng), spikeStrength);
        }
        return new DiagonalCovariance(ev);
    }
}
