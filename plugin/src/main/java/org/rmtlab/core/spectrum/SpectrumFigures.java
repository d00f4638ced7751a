package org.rmtlab.core.spectrum;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.chart.Figures;
import org.rmtlab.core.util.Check;

/**
 * The one figure of an eigenvalue spectrum against its law, drawn alike by the Spectrum Plot node's image port, by
 * {@code rmtlab spectrum}, {@code rmtlab mp} and {@code rmtlab generate} with {@code --plot}, and by the spectrum
 * cases of {@code rmtlab demo}: the histogram of the eigenvalues as bars, the law's density as a line reaching 0
 * beyond the support, the bulk edges marked and the outliers as triangles on the axis ({@link Figures#spectrum}).
 * The pieces that decide what is drawn are here too, so that every caller bins and labels alike:
 * {@link #histogram} (the bulk without its outliers), {@link #subtitle} and {@link #marchenkoPastur}.
 */
public final class SpectrumFigures {
    /** Points of the density curve (plus the edges of every support interval). */
    public static final int CURVE_POINTS = 400;

    private SpectrumFigures() {
    }

    /**
     * Histogram of the nonzero eigenvalues, over the range of those that are not outliers when there are at least
     * two distinct such values (an outlier far away would otherwise squeeze the bulk into a few bins; the outliers
     * are drawn as markers). Densities are normalised by all eigenvalues, zeros included, so they compare with the
     * density of the law's continuous part.
     *
     * @param flags per eigenvalue (ascending), whether it is an outlier ({@link Outliers#flags}), or {@code null}
     * @param bins bins, 0 for automatic ({@link Histogram#autoBins})
     */
    public static Histogram histogram(final EmpiricalSpectrum s, final boolean[] flags, final int bins) {
        if (flags != null) {
            final double[] values = s.eigenvalues();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = s.zeroCount(); i < values.length; i++) {
                if (!flags[i] && values[i] != 0) {
                    lo = Math.min(lo, values[i]);
                    hi = Math.max(hi, values[i]);
                }
            }
            if (hi > lo) {
                return s.histogram(bins, lo, hi);
            }
        }
        return s.histogram(bins);
    }

    /**
     * The figure of a spectrum against a law: the density is drawn from the lower to the upper end of the bars and
     * the support, 2% beyond on each side so the curve visibly reaches 0, at {@value #CURVE_POINTS} even points
     * (geometric on a log x axis) plus the edges of every support interval.
     *
     * @param bars the histogram's edges and densities, or {@code null} for the law alone
     * @param law the law, or {@code null} for the histogram alone
     * @param outliers eigenvalues outside the bulk, or {@code null}
     * @param logX log x axis (the lower edge is not marked when it is 0)
     * @param logY log y axis (the curve ends at the edges, outliers sit at the lowest height drawn)
     * @param subtitle the parameters in words ({@link #subtitle}), or {@code null}
     */
    public static Figure figure(final org.rmtlab.core.chart.Histogram bars, final SpectralDistribution law,
        final double[] outliers, final boolean logX, final boolean logY, final String subtitle) {
        Check.that(bars != null || law != null, "A spectrum figure needs a histogram or a law.");
        double[] x = null;
        double[] density = null;
        if (law != null) {
            final double[] grid = curveGrid(law, bars, logX);
            final double[] f = new double[grid.length];
            int k = 0;
            for (double g : grid) {
                final double v = law.density(g);
                // a log y axis cannot show the zeros outside the support: the curve ends at the edges instead
                if (!logY || v > 0) {
                    grid[k] = g;
                    f[k++] = v;
                }
            }
            x = Arrays.copyOf(grid, k);
            density = Arrays.copyOf(f, k);
        }
        final double lower = law == null || (logX && law.lowerEdge() <= 0) ? Double.NaN : law.lowerEdge();
        final double upper = law == null ? Double.NaN : law.upperEdge();
        return figure(bars, x, density, lower, upper, outliers, logX, logY, subtitle);
    }

    /**
     * The figure of a spectrum against a density given at points, for a law that is not a
     * {@link SpectralDistribution}.
     *
     * @param x where the density is given, ascending, or {@code null}
     * @param density the density at {@code x}, or {@code null}
     * @param lower lower bulk edge, or NaN for no marker
     * @param upper upper bulk edge, or NaN for no marker
     * @see #figure(org.rmtlab.core.chart.Histogram, SpectralDistribution, double[], boolean, boolean, String)
     */
    public static Figure figure(final org.rmtlab.core.chart.Histogram bars, final double[] x, final double[] density,
        final double lower, final double upper, final double[] outliers, final boolean logX, final boolean logY,
        final String subtitle) {
        // on a log y axis the markers at height 0 could not be drawn: they go to the lowest positive height drawn
        final boolean lift = logY && outliers != null && outliers.length > 0;
        final Figure.Builder b = Figures.spectrum(bars, x, density, lower, upper, lift ? null : outliers).toBuilder()
            .logX(logX).logY(logY);
        if (subtitle != null) {
            b.subtitle(subtitle);
        }
        if (lift) {
            final double[] y = new double[outliers.length];
            Arrays.fill(y, Math.min(bars == null ? Double.POSITIVE_INFINITY : lowestPositive(bars.heights()),
                density == null ? Double.POSITIVE_INFINITY : lowestPositive(density)));
            if (Double.isInfinite(y[0])) {
                Arrays.fill(y, 1);
            }
            b.outliers(outliers.length == 1 ? "isolated eigenvalue" : "isolated eigenvalues", outliers, y);
        }
        return b.build();
    }

    /** The bars of a histogram of this package: its edges and densities. */
    public static org.rmtlab.core.chart.Histogram bars(final Histogram h) {
        return new org.rmtlab.core.chart.Histogram(h.edges(), h.densities());
    }

    /**
     * The subtitle of a spectrum: the matrix and its sizes, and with a law its description, the Kolmogorov distance
     * and the number of outliers, for example
     * {@code covariance X X^T: p = 500, n = 1000, c = 0.5  |  Marchenko-Pastur, sigma^2 = 1  |  KS = 0.0021, 0 outliers}.
     *
     * @param symbol the data matrix's symbol, {@code X} for data, {@code F} for features
     * @param law the law's description, or {@code null} without a law (then ks and outliers are not shown)
     * @param ks the Kolmogorov distance to the law
     * @param outliers the outliers beyond the law's bulk
     */
    public static String subtitle(final EmpiricalSpectrum s, final String symbol, final String law, final double ks,
        final Outliers outliers) {
        final String matrix = s.side() == SampleMatrix.COVARIANCE ? symbol + " " + symbol + "^T"
            : symbol + "^T " + symbol;
        final StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%s %s: p = %d, n = %d, c = %.3g",
            s.side().id(), matrix, s.p(), s.n(), s.ratio()));
        if (law != null) {
            t.append(String.format(Locale.ROOT, "  |  %s  |  KS = %.3g, %d outlier%s", law, ks, outliers.count(),
                outliers.count() == 1 ? "" : "s"));
        }
        return t.toString();
    }

    /** The Marchenko-Pastur law in words, for {@link #subtitle}. */
    public static String marchenkoPastur(final double variance) {
        return String.format(Locale.ROOT, "Marchenko-Pastur, sigma^2 = %.4g", variance);
    }

    private static double[] curveGrid(final SpectralDistribution law, final org.rmtlab.core.chart.Histogram bars,
        final boolean logX) {
        final List<SupportInterval> support = law.support();
        final double first = bars == null ? law.lowerEdge() : bars.edges()[0];
        final double last = bars == null ? law.upperEdge() : bars.edges()[bars.edges().length - 1];
        double lo = Math.min(first, law.lowerEdge());
        double hi = Math.max(last, law.upperEdge());
        final double pad = 0.02 * (hi - lo);
        hi += pad;
        if (logX) {
            lo = law.lowerEdge() > 0 ? Math.min(first, law.lowerEdge()) : first;
            lo = lo > 0 ? lo / (1 + 0.02) : hi * 1e-6;
        } else {
            lo -= pad;
        }
        final double[] x = new double[CURVE_POINTS + 2 * support.size()];
        for (int i = 0; i < CURVE_POINTS; i++) {
            final double u = i / (CURVE_POINTS - 1.0);
            x[i] = logX ? lo * Math.pow(hi / lo, u) : lo + (hi - lo) * u;
        }
        for (int k = 0; k < support.size(); k++) {
            x[CURVE_POINTS + 2 * k] = support.get(k).lower();
            x[CURVE_POINTS + 2 * k + 1] = support.get(k).upper();
        }
        Arrays.sort(x);
        return x;
    }

    /** The lowest positive finite value, or +infinity when there is none. */
    private static double lowestPositive(final double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            if (d > 0 && d < m) {
                m = d;
            }
        }
        return m;
    }
}
