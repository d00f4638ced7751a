package org.rmtlab.core.spectrum;

/**
 * Eigenvalues outside the bulk of a spectral law by more than a finite-size margin.
 *
 * @param lowerThreshold eigenvalues below this are outliers ({@code -inf} at a hard lower edge)
 * @param upperThreshold eigenvalues above this are outliers
 * @param below the lower outliers, ascending
 * @param above the upper outliers, ascending
 */
public record Outliers(double lowerThreshold, double upperThreshold, double[] below, double[] above) {

    public Outliers {
        below = below.clone();
        above = above.clone();
    }

    @Override
    public double[] below() {
        return below.clone();
    }

    @Override
    public double[] above() {
        return above.clone();
    }

    public int count() {
        return below.length + above.length;
    }
}
