package org.rmtlab.knime.spectrum;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.util.Check;

/**
 * Everything a limiting law of the {@link Overlay} may be built from. The MP and population laws read the sizes
 * of the spectrum, the variance and the population text; a law of random features (the nonlinear Gram law) also
 * needs the data before the map and the map itself, which is why they are here.
 *
 * @param spectrum the empirical spectrum: its p, n, c = p/n and side (p = N with random features)
 * @param variance the scale sigma^2 given in the dialog, or NaN to estimate it from the trace
 * @param population the population covariance, in a format of {@code PopulationSpectrum.parse}
 * @param data the p x n data matrix as read (before the map and centring), or null when the eigenvalues were
 *        read from a column
 * @param features the random feature map applied to {@code data}, or null when none was
 * @param centred whether each row of the matrix (feature) was centred over the samples before the spectrum
 */
record LawInput(EmpiricalSpectrum spectrum, double variance, String population, DMatrixRMaj data,
    FeatureMap features, boolean centred) {

    /**
     * The scale sigma^2 of a law whose population covariance is sigma^2 times a shape of mean eigenvalue
     * {@code shapeMean}: the given value, or the estimate tr(S)/p / shapeMean, which matches the trace of the
     * sample matrix S (tr(S)/p estimates tr(Sigma)/p without bias for independent samples).
     */
    double scale(final double shapeMean) {
        if (!Double.isNaN(variance)) {
            return variance;
        }
        final double trace = spectrum.varianceEstimate();
        Check.that(trace > 0, "All eigenvalues are 0, so the variance cannot be estimated from them (tr/p = 0). "
            + "Check the input, or choose the overlay 'none'.");
        return trace / shapeMean;
    }
}
