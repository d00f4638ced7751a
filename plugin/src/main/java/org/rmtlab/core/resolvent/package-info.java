/**
 * Deterministic equivalents: the nonlinear Gram resolvent of Louart, Liao and Couillet (2018), the
 * train and test error of random-feature ridge regression and its double-descent sweeps, the limiting
 * spectrum of the nonlinear Gram matrix, and the linear ridge risk of Hastie, Montanari, Rosset and
 * Tibshirani (2022); each beside its Monte-Carlo simulation.
 *
 * <p>Conventions (Louart, Liao, Couillet 2018, "A random matrix approach to neural networks", Ann. Appl.
 * Probab. 28(2), Sec. 2 and Theorems 1 to 3; the CLI and the nodes use exactly these): X in R^{p x n} has
 * the samples as columns (normalised data, ||x|| about 1); W in R^{N x p} has iid N(0, 1) entries;
 * Sigma = sigma(W X) in R^{N x n}; K = E_w[sigma(X^T w) sigma(w^T X)] (n x n, w ~ N(0, I_p));
 * Q = (Sigma^T Sigma / n + gamma I_n)^{-1}; Qbar = (Psi + gamma I_n)^{-1} with Psi = (N/n) K / (1 + delta)
 * and delta = (1/n) tr(K Qbar). Ridge regression on the features: beta = (1/n) Sigma Q y,
 * E_train = (1/n) ||y - Sigma^T beta||^2, E_test = (1/n_test) ||y_test - Sigma_test^T beta||^2. Stieltjes
 * transforms are m(z) = integral dmu(t) / (t - z).
 *
 * <p>The matrix written "Kbar" in the MSE corollary of Z. Liao's lecture slides is Psi, including the
 * factor N/n: with it the equivalents agree with simulation (for example E_train = 0.00103 against
 * 0.00101 +- 0.00005 simulated at N/n = 2, ReLU, n = 256), while K / (1 + delta) gives 0.00062 there and
 * a negative training error at N/n = 1/2.
 *
 * <p>Main entry points: {@link org.rmtlab.core.resolvent.NonlinearGramEquivalent} (delta, Qbar),
 * {@link org.rmtlab.core.resolvent.RandomFeatureRidgeRisk} (E_train, E_test equivalents),
 * {@link org.rmtlab.core.resolvent.RandomFeatureRidgeSimulation} (Monte Carlo),
 * {@link org.rmtlab.core.resolvent.DoubleDescent} (both side by side),
 * {@link org.rmtlab.core.resolvent.NonlinearGramSpectrum} (limiting eigenvalue density and distribution).
 */
package org.rmtlab.core.resolvent;
