package org.rmtlab.core.resolvent;

import java.util.Arrays;

import org.rmtlab.core.util.Memory;

/**
 * Bias, variance over W and ensemble test error of random-feature ridge regression, accumulated from the test
 * predictions of successive trials (independent draws of W on the same data) in trial order, so that the result
 * does not depend on how the trials were scheduled. Memory: three n_test vectors per (N, gamma) point and one
 * number per group, whatever the number of trials.
 *
 * <p>With T trials f_1, ..., f_T (vectors over the n_test test points) and fbar their mean:
 * <ul>
 * <li>variance: (1/n_test) sum_j s_j^2 with s_j^2 = sum_t (f_tj - fbar_j)^2 / (T - 1), unbiased for the mean
 * over the test points of Var_W f (Welford's update, stable at any T);</li>
 * <li>bias: (1/n_test) ||y_test - fbar||^2 - variance / T, unbiased for (1/n_test) ||y_test - E_W f||^2 since
 * E ||y - fbar||^2 = ||y - E f||^2 + tr Cov(f) / T. The mean test error over trials is exactly bias + variance
 * (the same identity as LLC18's E_test = first term + second term);</li>
 * <li>ensemble of K: the trials are cut into floor(T/K) consecutive groups of K (the last T mod K trials
 * are left out); each group's predictions are averaged and that ensemble's test error is measured directly.
 * The mean over the groups estimates bias + variance / K, with a standard error from the spread between the
 * independent groups.</li>
 * </ul>
 */
final class BiasVarianceAccumulator {
    private final double[] yTest;
    private final int ensemble;
    private final double[][] mean;
    private final double[][] m2;
    private final double[][] groupSum;
    private final double[][] groupErrors;
    private int trials;

    /**
     * @param points number of (N, gamma) points
     * @param trials trials that will be added
     * @param ensemble ensemble size K, 1 &lt;= K &lt;= trials
     */
    BiasVarianceAccumulator(final double[] yTest, final int points, final int trials, final int ensemble) {
        this.yTest = yTest;
        this.ensemble = ensemble;
        final int nTest = yTest.length;
        this.mean = new double[points][nTest];
        this.m2 = new double[points][nTest];
        this.groupSum = new double[points][nTest];
        this.groupErrors = new double[points][trials / ensemble];
    }

    /** Bytes of an accumulator (for the memory guard). */
    static long bytes(final int points, final int nTest, final int trials, final int ensemble) {
        return Math.addExact(Memory.doubles(points, nTest, 3),
            Memory.doubles(points, trials / ensemble, 1));
    }

    /**
     * Adds the next trial.
     *
     * @param predictions the trial's test predictions of each point (n_test each)
     */
    void add(final double[][] predictions) {
        trials++;
        final int group = (trials - 1) / ensemble;
        final boolean grouped = group < groupErrors[0].length;
        final boolean closes = trials % ensemble == 0;
        for (int p = 0; p < mean.length; p++) {
            final double[] f = predictions[p];
            final double[] mu = mean[p];
            final double[] s = m2[p];
            for (int j = 0; j < f.length; j++) {
                final double d = f[j] - mu[j];
                mu[j] += d / trials;
                s[j] += d * (f[j] - mu[j]);
            }
            if (!grouped) {
                continue;
            }
            final double[] sum = groupSum[p];
            for (int j = 0; j < f.length; j++) {
                sum[j] += f[j];
            }
            if (closes) {
                double e = 0;
                for (int j = 0; j < f.length; j++) {
                    final double r = yTest[j] - sum[j] / ensemble;
                    e += r * r;
                }
                groupErrors[p][group] = e / f.length;
                Arrays.fill(sum, 0);
            }
        }
    }

    /** Unbiased variance of the prediction over W, averaged over the test points; NaN for fewer than two trials. */
    double variance(final int point) {
        if (trials < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : m2[point]) {
            s += v;
        }
        return s / (trials - 1) / yTest.length;
    }

    /** Unbiased error of the mean predictor E_W f; NaN for fewer than two trials. */
    double bias(final int point) {
        final double[] mu = mean[point];
        double s = 0;
        for (int j = 0; j < mu.length; j++) {
            final double r = yTest[j] - mu[j];
            s += r * r;
        }
        return s / mu.length - variance(point) / trials;
    }

    /** Mean over the groups of the directly measured test error of an ensemble of K. */
    double ensembleMean(final int point) {
        return Stats.mean(groupErrors[point]);
    }

    /** Standard error of {@link #ensembleMean(int)} over the groups (NaN for fewer than two groups). */
    double ensembleStandardError(final int point) {
        return Stats.standardError(groupErrors[point]);
    }
}
