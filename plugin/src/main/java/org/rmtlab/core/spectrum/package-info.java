/**
 * Eigenvalue laws and empirical spectra: Marchenko–Pastur (density, CDF, quantiles, Stieltjes
 * transform), the general-covariance law through the Silverstein equation, empirical eigenvalues of
 * Gram and covariance matrices, histograms, Kolmogorov distance and outliers beyond the bulk.
 */
package org.rmtlab.core.spectrum;
