/**
 * The Resolvent Predictor node: training and test error of ridge regression on the user's table predicted by
 * random-matrix theory beside simulation or an actual fit. Random features: the deterministic equivalents of
 * Louart, Liao and Couillet (2018) with the data's own kernel matrix, beside Monte-Carlo draws of the weights
 * ({@link org.rmtlab.core.resolvent.DoubleDescent}); linear ridge: the isotropic theory of Hastie, Montanari,
 * Rosset and Tibshirani (2022) at the table's p/n, beside ridge fitted on the table
 * ({@link org.rmtlab.core.resolvent.LinearRidgeSweep}). The mathematics lives in the core.
 */
package org.rmtlab.knime.resolvent;
