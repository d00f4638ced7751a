/**
 * The Spectrum Plot node: eigenvalues of the sample covariance or Gram matrix of a table (or a column of
 * eigenvalues), their histogram against a limiting law of random-matrix theory, the Kolmogorov distance and
 * the outliers beyond the bulk. The laws and statistics live in {@link org.rmtlab.core.spectrum}.
 */
package org.rmtlab.knime.spectrum;
