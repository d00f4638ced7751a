package org.rmtlab.core.resolvent;

import org.rmtlab.core.util.Check;

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

    /**
     * Test error of an ensemble that averages the predictions f_1, ..., f_K of K ridge fits on the same data,
     * each with its own independent draw of W: E_test(K) = testBias + testVariance / K. Conditionally on the
     * data the f_k are iid with mean fbar = E_W f, hence, per test point,
     * E (y - (1/K) sum_k f_k)^2 = (y - fbar)^2 + E ((1/K) sum_k (f_k - fbar))^2 = (y - fbar)^2 + Var_W(f) / K
     * (the cross term has mean zero, the K deviations are uncorrelated); averaging over the test points gives the
     * two terms of LLC18's E_test. K = 1 is {@link #test()}, K to infinity the error of the mean predictor.
     *
     * @param k ensemble size, &gt;= 1
     */
    public double ensembleTest(final int k) {
        Check.positive("the ensemble size K", k);
        return testBias + testVariance / k;
    }
}
