/**
 * Eigenvalue laws and empirical spectra: Marchenko–Pastur (density, CDF, quantiles, Stieltjes transform),
 * the law of a sample covariance with a general population covariance through the Silverstein equation,
 * empirical eigenvalues of covariance and Gram matrices, histograms, the Kolmogorov distance, outliers beyond
 * the bulk and the BBP transition of spiked models.
 *
 * <p>Conventions throughout: data X in R^{p x n} with samples as columns, c = p/n; the covariance side is the
 * p x p matrix (1/n) X X^T, the Gram side the n x n matrix (1/n) X^T X ({@link org.rmtlab.core.spectrum.SampleMatrix});
 * Stieltjes transforms m(z) = integral of dmu(t)/(t - z), Im m > 0 for Im z > 0, with the companion
 * m~(z) = c m(z) + (c - 1)/z; laws carry their atom at 0 in the CDF. Entry variances are explicit parameters:
 * the normalised data of {@code DataGenerator} have variance 1/p per entry.
 */
package org.rmtlab.core.spectrum;
