package org.rmtlab.core.resolvent;

/** Mean and standard error of Monte-Carlo samples. */
final class Stats {
    private Stats() {
    }

    static double mean(final double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation / sqrt(count); NaN for fewer than two samples. */
    static double standardError(final double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        final double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1) / v.length);
    }
}
