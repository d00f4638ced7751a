package org.rmtlab.core.resolvent;

/**
 * One row of a double-descent sweep: theory beside simulation at one (N/n, gamma).
 *
 * <p>The test error splits over the randomness of W (the data being fixed) into the error of the mean
 * prediction E_W f, "bias", and the variance of the prediction over W; an ensemble averaging the predictions of
 * K independent draws of W keeps the bias and divides the variance by K (see {@link RidgeRisk#ensembleTest(int)}).
 *
 * @param featureRatio N/n (exact, after rounding N to a whole number)
 * @param featureCount N
 * @param gamma ridge regularisation
 * @param trainTheory deterministic equivalent of E_train
 * @param testTheory deterministic equivalent of E_test (NaN without test set)
 * @param trainSim mean of E_train over trials (NaN without simulation)
 * @param testSim mean of E_test over trials
 * @param trainSimSe standard error of trainSim (NaN for fewer than two trials)
 * @param testSimSe standard error of testSim
 * @param delta the solution of delta = (1/n) tr K Qbar
 * @param testBiasTheory the first term of the E_test equivalent, the error of the mean predictor (NaN without
 *        test set)
 * @param testVarianceTheory the second term, the variance of the prediction over W
 * @param ensembleTheory the equivalent of the test error of an ensemble of K: testBias + testVariance / K
 * @param testBiasSim unbiased estimate of the bias from the trials (NaN for fewer than two trials)
 * @param testVarianceSim unbiased estimate of the variance over W from the trials; testBiasSim + testVarianceSim
 *        = testSim
 * @param ensembleSim the test error of ensembles of K measured directly on floor(trials / K) groups of trials
 * @param ensembleSimSe standard error of ensembleSim over the groups (NaN for fewer than two groups)
 */
public record DoubleDescentPoint(double featureRatio, int featureCount, double gamma, double trainTheory,
    double testTheory, double trainSim, double testSim, double trainSimSe, double testSimSe, double delta,
    double testBiasTheory, double testVarianceTheory, double ensembleTheory, double testBiasSim,
    double testVarianceSim, double ensembleSim, double ensembleSimSe) {

    /**
     * Column names, in the order of {@link #values()}; the CLI and the nodes use exactly these. The bias, variance
     * and ensemble columns are always present (NaN where they do not apply; with K = 1 the ensemble columns repeat
     * the test error).
     */
    public static final String[] COLUMNS = {"N_over_n", "N", "gamma", "train_theory", "test_theory", "train_sim",
        "test_sim", "train_sim_se", "test_sim_se", "delta", "test_bias_theory", "test_variance_theory",
        "ensemble_theory", "test_bias_sim", "test_variance_sim", "ensemble_sim", "ensemble_sim_se"};

    /** A row without bias-variance decomposition (those columns NaN), for models with no random features. */
    public DoubleDescentPoint(final double featureRatio, final int featureCount, final double gamma,
        final double trainTheory, final double testTheory, final double trainSim, final double testSim,
        final double trainSimSe, final double testSimSe, final double delta) {
        this(featureRatio, featureCount, gamma, trainTheory, testTheory, trainSim, testSim, trainSimSe, testSimSe,
            delta, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The cells in the order of {@link #COLUMNS} (N as an Integer). */
    public Object[] values() {
        return new Object[] {featureRatio, featureCount, gamma, trainTheory, testTheory, trainSim, testSim, trainSimSe,
            testSimSe, delta, testBiasTheory, testVarianceTheory, ensembleTheory, testBiasSim, testVarianceSim,
            ensembleSim, ensembleSimSe};
    }
}
