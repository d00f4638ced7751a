package org.rmtlab.knime.spectrum;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.Histogram;
import org.rmtlab.core.spectrum.Outliers;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.spectrum.SpectralDistribution;
import org.rmtlab.core.spectrum.SpectrumFigures;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;

/**
 * The node's computation without KNIME types: the spectrum of a data matrix (optionally centred), the law of the
 * {@link Overlay}, the statistics against it and the chart. The mathematics is the core's
 * ({@link EmpiricalSpectrum}, the laws), and so is the chart ({@link SpectrumFigures}, also drawn by
 * {@code rmtlab spectrum --plot}); this class only wires it together.
 */
final class SpectrumAnalysis {
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
        final boolean[] flags = outliers == null ? null : outliers.flags(values);
        final double ks = law == null ? Double.NaN : s.kolmogorovDistance(law);
        final Histogram h = SpectrumFigures.histogram(s, flags, bins);
        final Figure figure = figure(in, theory, outliers, ks, h, logX, logY);
        return new Result(s, theory, outliers, flags, ks, h, figure);
    }

    private static Figure figure(final LawInput in, final Overlay.Theory theory, final Outliers outliers,
        final double ks, final Histogram h, final boolean logX, final boolean logY) {
        final SpectralDistribution law = theory == null ? null : theory.law();
        final double[] outlierValues = outliers == null ? null : concat(outliers.below(), outliers.above());
        return SpectrumFigures.figure(SpectrumFigures.bars(h), law, outlierValues, logX, logY,
            SpectrumFigures.subtitle(in.spectrum(), in.features() == null ? "X" : "F",
                theory == null ? null : theory.description(), ks, outliers));
    }

    private static double[] concat(final double[] a, final double[] b) {
        final double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
