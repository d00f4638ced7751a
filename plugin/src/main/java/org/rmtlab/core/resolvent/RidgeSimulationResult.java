package org.rmtlab.core.resolvent;

/**
 * Monte-Carlo means and standard errors over trials of the training and test MSE of random-feature
 * ridge regression, indexed by feature count (in the order given) and gamma; with a test set also the bias
 * and the variance over W of the test prediction and the test error of ensembles of K fits (see
 * {@link BiasVarianceAccumulator} for the estimators).
 */
public final class RidgeSimulationResult {
    private final int[] featureCounts;
    private final double[] gammas;
    private final int trials;
    private final int ensemble;
    /** train mean, train s.e., test mean, test s.e., bias, variance, ensemble mean, ensemble s.e.: [8][k][g]. */
    private final double[][][] stats;

    RidgeSimulationResult(final int[] featureCounts, final double[] gammas, final int trials, final int ensemble,
        final double[][][] stats) {
        this.featureCounts = featureCounts;
        this.gammas = gammas;
        this.trials = trials;
        this.ensemble = ensemble;
        this.stats = stats;
    }

    public int[] featureCounts() {
        return featureCounts.clone();
    }

    public double[] gammas() {
        return gammas.clone();
    }

    public int trials() {
        return trials;
    }

    /** The ensemble size K of {@link #ensembleMean(int, int)}. */
    public int ensemble() {
        return ensemble;
    }

    /** Mean over trials of E_train at featureCounts()[k], gammas()[g]. */
    public double trainMean(final int k, final int g) {
        return stats[0][k][g];
    }

    /** Standard error of {@link #trainMean(int, int)} (NaN for one trial). */
    public double trainStandardError(final int k, final int g) {
        return stats[1][k][g];
    }

    /** Mean over trials of E_test (NaN without test set); equals testBias + testVariance up to rounding. */
    public double testMean(final int k, final int g) {
        return stats[2][k][g];
    }

    public double testStandardError(final int k, final int g) {
        return stats[3][k][g];
    }

    /**
     * Unbiased estimate of the error of the mean predictor, (1/n_test) ||y_test - E_W f||^2, the first term of
     * LLC18's E_test (NaN without test set or for one trial).
     */
    public double testBias(final int k, final int g) {
        return stats[4][k][g];
    }

    /** Unbiased estimate of the variance over W of the test prediction, averaged over the test points. */
    public double testVariance(final int k, final int g) {
        return stats[5][k][g];
    }

    /**
     * Test error of an ensemble averaging the predictions of K = {@link #ensemble()} independent draws of W,
     * measured directly: the mean over floor(trials / K) disjoint groups of K trials (NaN without test set).
     */
    public double ensembleMean(final int k, final int g) {
        return stats[6][k][g];
    }

    /** Standard error of {@link #ensembleMean(int, int)} over the groups (NaN for fewer than two groups). */
    public double ensembleStandardError(final int k, final int g) {
        return stats[7][k][g];
    }
}
