package org.rmtlab.core.resolvent;

/**
 * Monte-Carlo means and standard errors over trials of the training and test MSE of random-feature
 * ridge regression, indexed by feature count (in the order given) and gamma.
 */
public final class RidgeSimulationResult {
    private final int[] featureCounts;
    private final double[] gammas;
    private final int trials;
    private final double[][] trainMean;
    private final double[][] trainSe;
    private final double[][] testMean;
    private final double[][] testSe;

    RidgeSimulationResult(final int[] featureCounts, final double[] gammas, final int trials,
        final double[][] trainMean, final double[][] trainSe, final double[][] testMean, final double[][] testSe) {
        this.featureCounts = featureCounts;
        this.gammas = gammas;
        this.trials = trials;
        this.trainMean = trainMean;
        this.trainSe = trainSe;
        this.testMean = testMean;
        this.testSe = testSe;
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

    /** Mean over trials of E_train at featureCounts()[k], gammas()[g]. */
    public double trainMean(final int k, final int g) {
        return trainMean[k][g];
    }

    /** Standard error of {@link #trainMean(int, int)} (NaN for one trial). */
    public double trainStandardError(final int k, final int g) {
        return trainSe[k][g];
    }

    /** Mean over trials of E_test (NaN without test set). */
    public double testMean(final int k, final int g) {
        return testMean[k][g];
    }

    public double testStandardError(final int k, final int g) {
        return testSe[k][g];
    }
}
