package org.rmtlab.core.dynamics;

/**
 * Running mean and standard error, per time point, of curves from independent trials (Welford's update,
 * which avoids the cancellation of the sum-of-squares formula).
 */
final class TrialStatistics {
    private final double[] mean;
    private final double[] m2;
    private int count;

    TrialStatistics(final int length) {
        mean = new double[length];
        m2 = new double[length];
    }

    void add(final double[] curve) {
        count++;
        for (int i = 0; i < mean.length; i++) {
            final double delta = curve[i] - mean[i];
            mean[i] += delta / count;
            m2[i] += delta * (curve[i] - mean[i]);
        }
    }

    double[] mean() {
        return mean.clone();
    }

    /** Sample standard deviation / sqrt(count); NaN with fewer than two trials. */
    double[] standardError() {
        final double[] se = new double[mean.length];
        for (int i = 0; i < se.length; i++) {
            se[i] = count < 2 ? Double.NaN : Math.sqrt(m2[i] / (count - 1) / count);
        }
        return se;
    }
}
