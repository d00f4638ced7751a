/**
 * The Random Feature Map node: sigma(W X) of a table's numeric columns for any activation of
 * {@link org.rmtlab.core.kernel.Activations}, and the activation's Gaussian-equivalence coefficients.
 * The map itself lives in {@link org.rmtlab.core.kernel.RandomFeatures}.
 */
package org.rmtlab.knime.features;
