package org.rmtlab.core.spectrum;

/** One interval [lower, upper] of the support of the absolutely continuous part of a spectral law. */
public record SupportInterval(double lower, double upper) {

    public double width() {
        return upper - lower;
    }

    public boolean contains(final double x) {
        return x >= lower && x <= upper;
    }
}
