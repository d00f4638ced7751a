/**
 * Deterministic equivalents: the nonlinear Gram resolvent of Louart, Liao and Couillet (2018), the
 * train and test error of random-feature ridge regression and its double-descent sweeps, and the
 * linear ridge risk of Hastie, Montanari, Rosset and Tibshirani (2022); each beside its Monte-Carlo
 * simulation.
 */
package org.rmtlab.core.resolvent;
