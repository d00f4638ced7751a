package org.rmtlab.core.resolvent;

/**
 * Deterministic equivalents of the training and test mean squared errors of random-feature ridge
 * regression at one point (see {@link RandomFeatureRidgeRisk}).
 *
 * @param featureRatio c = N/n
 * @param gamma ridge regularisation
 * @param delta the solution of delta = (1/n) tr K Qbar
 * @param train E_train equivalent, (1/n) ||y - Sigma^T beta||^2
 * @param test E_test equivalent, (1/n_test) ||y_test - Sigma_test^T beta||^2 (NaN without test set)
 * @param testBias the first term of E_test, (1/n_test) ||y_test - Psi(X, X_test)^T Qbar y||^2, the error
 *        of the mean prediction (NaN without test set)
 * @param testVariance the second term of E_test, the variance of the prediction over W (NaN without test set)
 */
public record RidgeRisk(double featureRatio, double gamma, double delta, double train, double test, double testBias,
    double testVariance) {
}
