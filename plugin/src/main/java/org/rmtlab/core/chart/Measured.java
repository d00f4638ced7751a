package org.rmtlab.core.chart;

import java.util.Objects;

/**
 * Monte-Carlo estimates of one quantity at some x: the mean over trials and its standard error, for the
 * convenience builders of {@link Figures}. The arrays are not copied; {@link Series#points} copies them.
 *
 * @param x where the quantity was simulated
 * @param mean mean over trials at each x
 * @param se standard error of the mean at each x, or {@code null} (no error bars)
 */
public record Measured(double[] x, double[] mean, double[] se) {

    public Measured {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(mean, "mean");
        if (x.length != mean.length || se != null && se.length != mean.length) {
            throw new IllegalArgumentException("Simulated values need as many means" + (se == null ? "" : " and standard errors")
                + " as x values: x has " + x.length + ", mean " + mean.length + (se == null ? "" : ", se " + se.length)
                + ".");
        }
    }
}
