package org.rmtlab.knime.spectrum;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.chart.Figures;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.Histogram;
import org.rmtlab.core.spectrum.Outliers;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.spectrum.SpectralDistribution;
import org.rmtlab.core.spectrum.SupportInterval;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;

/**
 * The node's computation without KNIME types: the spectrum of a data matrix (optionally centred), the law of the
 * {@link Overlay}, the statistics against it and the chart. The mathematics is the core's
 * ({@link EmpiricalSpectrum}, the laws); this class only wires it together.
 */
final class SpectrumAnalysis {
    /** Points of the density curve (plus the edges of every support interval). */
    static final int CURVE_POINTS = 400;

    private SpectrumAnalysis() {
    }

    /**
     * Everything the node outputs.
     *
     * @param spectrum the eigenvalues, ascending
     * @param theory the law and its description, or null (overlay none)
     * @param outliers the outliers beyond the law's bulk, or null
     * @param outlier per eigenvalue (ascending order), whether it is an outlier; null without a law
     * @param ks Kolmogorov distance to the law, NaN without one
     * @param histogram the histogram of the nonzero eigenvalues of the bulk
     * @param figure the chart
     */
    record Result(EmpiricalSpectrum spectrum, Overlay.Theory theory, Outliers outliers, boolean[] outlier, double ks,
        Histogram histogram, Figure figure) {
    }

    /**
     * Spectrum of the sample matrix of F (rows are features, columns samples) on the chosen side. With
     * {@code centre}, every row of F is centred and the matrix is the unbiased (1/(n-1)) F_c F_c^T (Gram side:
     * (1/(n-1)) F_c^T F_c): centring projects the samples onto the n - 1 dimensions orthogonal to the all-ones vector:
     * F_c F_c^T = (F H)(F H)^T for an n x (n - 1) orthonormal basis H of them (a Helmert basis), and for iid
     * Gaussian samples of any common mean the n - 1 columns of F H are again iid, mean 0. So the spectrum is that of
     * a p x (n - 1) matrix (exactly for Gaussian data, asymptotically otherwise). On the Gram side the one zero
     * eigenvalue along the all-ones vector is left out, leaving n - 1 eigenvalues. F is not modified.
     */
    static EmpiricalSpectrum spectrum(final DMatrixRMaj f, final SampleMatrix side, final boolean centre,
        final Progress progress) throws CancelledException {
        if (!centre) {
            return EmpiricalSpectrum.of(f, side, progress);
        }
        final int n = f.numCols;
        Check.that(n >= 2, "Subtracting the column means needs at least 2 rows (samples), but there is " + n + ".");
        double[] values = EmpiricalSpectrum.eigenvalues(centred(f), side, progress);
        if (side == SampleMatrix.GRAM) {
            values = withoutSmallest(values);
        }
        return EmpiricalSpectrum.of(values, f.numRows, n - 1, side);
    }

    /** Bytes {@link #spectrum} allocates for F of p x n beyond the core's sample matrix (the centred copy). */
    static long centringBytes(final long p, final long n, final boolean centre) {
        return centre ? 8 * p * n : 0;
    }

    /** F with each row centred and scaled by sqrt(n / (n - 1)), so that (1/n) of the copy is 1/(n - 1) of F_c. */
    private static DMatrixRMaj centred(final DMatrixRMaj f) {
        final int n = f.numCols;
        final DMatrixRMaj c = new DMatrixRMaj(f.numRows, n);
        final double scale = Math.sqrt(n / (n - 1.0));
        for (int i = 0; i < f.numRows; i++) {
            double mean = 0;
            for (int j = 0; j < n; j++) {
                mean += f.data[i * n + j];
            }
            mean /= n;
            for (int j = 0; j < n; j++) {
                c.data[i * n + j] = scale * (f.data[i * n + j] - mean);
            }
        }
        return c;
    }

    /** The values without the one of least magnitude (the zero that centring creates, up to rounding). */
    private static double[] withoutSmallest(final double[] values) {
        int k = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i]) < Math.abs(values[k])) {
                k = i;
            }
        }
        final double[] out = new double[values.length - 1];
        System.arraycopy(values, 0, out, 0, k);
        System.arraycopy(values, k + 1, out, k, out.length - k);
        return out;
    }

    /**
     * The law, the statistics and the chart.
     *
     * @param margin outlier margin in Tracy–Widom scales
     * @param bins histogram bins, 0 for automatic
     */
    static Result analyse(final LawInput in, final Overlay overlay, final double margin, final int bins,
        final boolean logX, final boolean logY, final Progress progress) throws CancelledException {
        final EmpiricalSpectrum s = in.spectrum();
        final Overlay.Theory theory = overlay.theory(in, progress);
        final SpectralDistribution law = theory == null ? null : theory.law();
        final Outliers outliers = law == null ? null : s.outliers(law, margin);
        final double[] values = s.eigenvalues();
        final boolean[] flags = outliers == null ? null : flags(values, outliers);
        final double ks = law == null ? Double.NaN : s.kolmogorovDistance(law);
        final Histogram h = histogram(s, values, flags, bins);
        final Figure figure = figure(in, theory, outliers, ks, h, logX, logY);
        return new Result(s, theory, outliers, flags, ks, h, figure);
    }

    /** Marks the outliers in the ascending values: the same doubles as the core's lists, matched in order. */
    private static boolean[] flags(final double[] values, final Outliers outliers) {
        final boolean[] flag = new boolean[values.length];
        final double[] below = outliers.below();
        int k = 0;
        for (int i = 0; i < values.length && k < below.length; i++) {
            if (values[i] == below[k]) {
                flag[i] = true;
                k++;
            }
        }
        final int above = outliers.above().length;
        for (int i = values.length - above; i < values.length; i++) {
            flag[i] = true;
        }
        return flag;
    }

    /**
     * Histogram of the nonzero eigenvalues, over the range of those that are not outliers when there are at
     * least two distinct such values (an outlier far away would otherwise squeeze the bulk into a few bins; the
     * outliers are drawn as markers). Densities are normalised by all eigenvalues, zeros included, so they compare
     * with the density of the law's continuous part.
     */
    private static Histogram histogram(final EmpiricalSpectrum s, final double[] values, final boolean[] flags,
        final int bins) {
        if (flags != null) {
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

    private static Figure figure(final LawInput in, final Overlay.Theory theory, final Outliers outliers,
        final double ks, final Histogram h, final boolean logX, final boolean logY) {
        final SpectralDistribution law = theory == null ? null : theory.law();
        double[] x = null;
        double[] density = null;
        if (law != null) {
            final double[] grid = curveGrid(law, h, logX);
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
        final double[] outlierValues = outliers == null ? null : concat(outliers.below(), outliers.above());
        final double lower = law == null || (logX && law.lowerEdge() <= 0) ? Double.NaN : law.lowerEdge();
        final double upper = law == null ? Double.NaN : law.upperEdge();
        final org.rmtlab.core.chart.Histogram bars =
            new org.rmtlab.core.chart.Histogram(h.edges(), h.densities());
        // on a log y axis the markers at height 0 could not be drawn: they go to the lowest positive height drawn
        final boolean lift = logY && outlierValues != null && outlierValues.length > 0;
        final Figure.Builder b = Figures.spectrum(bars, x, density, lower, upper, lift ? null : outlierValues)
            .toBuilder().subtitle(subtitle(in, theory, outliers, ks)).logX(logX).logY(logY);
        if (lift) {
            final double[] y = new double[outlierValues.length];
            Arrays.fill(y, Math.min(lowestPositive(h.densities()), density == null ? Double.POSITIVE_INFINITY
                : lowestPositive(density)));
            b.outliers(outlierValues.length == 1 ? "isolated eigenvalue" : "isolated eigenvalues", outlierValues, y);
        }
        return b.build();
    }

    private static String subtitle(final LawInput in, final Overlay.Theory theory, final Outliers outliers,
        final double ks) {
        final EmpiricalSpectrum s = in.spectrum();
        final String m = in.features() == null ? "X" : "F";
        final String matrix = s.side() == SampleMatrix.COVARIANCE ? m + " " + m + "^T" : m + "^T " + m;
        final StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%s %s: p = %d, n = %d, c = %.3g",
            s.side().id(), matrix, s.p(), s.n(), s.ratio()));
        if (theory != null) {
            t.append(String.format(Locale.ROOT, "  |  %s  |  KS = %.3g, %d outlier%s", theory.description(), ks,
                outliers.count(), outliers.count() == 1 ? "" : "s"));
        }
        return t.toString();
    }

    /**
     * Where the density is drawn: from the lower to the upper end of the histogram and the support, with a margin
     * of 2% on each side so the curve visibly reaches 0, evenly spaced (geometrically on a log x axis, from the
     * lowest positive of those ends), plus the edges of every support interval.
     */
    private static double[] curveGrid(final SpectralDistribution law, final Histogram h, final boolean logX) {
        final List<SupportInterval> support = law.support();
        double lo = Math.min(h.lower(0), law.lowerEdge());
        double hi = Math.max(h.upper(h.bins() - 1), law.upperEdge());
        final double pad = 0.02 * (hi - lo);
        hi += pad;
        if (logX) {
            lo = law.lowerEdge() > 0 ? Math.min(h.lower(0), law.lowerEdge()) : h.lower(0);
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

    /** The lowest positive finite value, or 1 when there is none (an empty log axis starts near 1). */
    private static double lowestPositive(final double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            if (d > 0 && d < m) {
                m = d;
            }
        }
        return Double.isFinite(m) ? m : 1;
    }

    private static double[] concat(final double[] a, final double[] b) {
        final double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
