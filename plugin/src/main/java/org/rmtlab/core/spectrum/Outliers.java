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

    /**
     * Per eigenvalue of the ascending {@code values} these outliers were found in, whether it is one of them: the
     * same doubles as the lists, matched in order.
     */
    public boolean[] flags(final double[] values) {
        final boolean[] flag = new boolean[values.length];
        int k = 0;
        for (int i = 0; i < values.length && k < below.length; i++) {
            if (values[i] == below[k]) {
                flag[i] = true;
                k++;
            }
        }
        for (int i = Math.max(0, values.length - above.length); i < values.length; i++) {
            flag[i] = true;
        }
        return flag;
    }
}
