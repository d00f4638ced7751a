package org.rmtlab.core.resolvent;

/**
 * One row of a double-descent sweep: theory beside simulation at one (N/n, gamma).
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
 */
public record DoubleDescentPoint(double featureRatio, int featureCount, double gamma, double trainTheory,
    double testTheory, double trainSim, double testSim, double trainSimSe, double testSimSe, double delta) {

    /** Column names, in the order of {@link #values()}; the CLI and the nodes use exactly these. */
    public static final String[] COLUMNS = {"N_over_n", "N", "gamma", "train_theory", "test_theory", "train_sim",
        "test_sim", "train_sim_se", "test_sim_se", "delta"};

    /** The cells in the order of {@link #COLUMNS} (N as an Integer). */
    public Object[] values() {
        return new Object[] {featureRatio, featureCount, gamma, trainTheory, testTheory, trainSim, testSim, trainSimSe,
            testSimSe, delta};
    }
}
