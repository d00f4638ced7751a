package org.rmtlab.core.spectrum;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;

/**
 * Eigenvalues of a sample matrix of X in R^{p x n} (columns are samples): the p x p covariance
 * (1/n) X X^T or the n x n Gram matrix (1/n) X^T X ({@link SampleMatrix}), with the statistics that compare
 * them with a {@link SpectralDistribution}: histogram, Kolmogorov distance, outliers beyond the bulk.
 *
 * <p>Computation: both matrices share their nonzero eigenvalues, so only the smaller one, of size
 * min(p, n), is formed ({@link SymmetricProducts}) and diagonalised ({@link SymmetricEigen}, values only), and
 * |p - n| exact zeros are added for the larger side. Values within 64 N eps lambda_max of 0 (N the
 * dimension), the rounding level of a symmetric eigensolver, count as exact zeros, also slightly negative
 * ones: they form the atom at 0 of the law.
 */
public final class EmpiricalSpectrum {
    /** Default outlier margin, in Tracy–Widom scales: P(TW1 > 4) is about 1e-4, so bulk edges rarely exceed it. */
    public static final double DEFAULT_EDGE_MARGIN = 4;

    private final double[] eigenvalues;
    private final int p;
    private final int n;
    private final SampleMatrix side;
    private final int zeros;

    private EmpiricalSpectrum(final double[] sortedEigenvalues, final int p, final int n, final SampleMatrix side) {
        this.eigenvalues = sortedEigenvalues;
        this.p = p;
        this.n = n;
        this.side = side;
        final double tol = zeroTolerance(sortedEigenvalues);
        int z = 0;
        for (int i = 0; i < sortedEigenvalues.length; i++) {
            if (Math.abs(sortedEigenvalues[i]) <= tol) {
                sortedEigenvalues[i] = 0;
                z++;
            }
        }
        this.zeros = z;
    }

    /** The spectrum of the chosen sample matrix of x (p x n, columns are samples). */
    public static EmpiricalSpectrum of(final DMatrixRMaj x, final SampleMatrix side) {
        try {
            return of(x, side, Progress.NONE);
        } catch (CancelledException e) {
            throw new IllegalStateException("Progress.NONE never cancels", e);
        }
    }

    public static EmpiricalSpectrum of(final DMatrixRMaj x, final SampleMatrix side, final Progress progress)
        throws CancelledException {
        return new EmpiricalSpectrum(eigenvalues(x, side, progress), x.numRows, x.numCols, side);
    }

    /**
     * A spectrum from given eigenvalues of the chosen sample matrix of a p x n data matrix (for example
     * read from a table); there must be p of them for the covariance, n for the Gram matrix.
     */
    public static EmpiricalSpectrum of(final double[] eigenvalues, final int p, final int n, final SampleMatrix side) {
        Check.that(side != null, "The sample matrix (covariance or gram) is missing.");
        Check.positive("p (dimension)", p);
        Check.positive("n (samples)", n);
        Check.that(eigenvalues != null && eigenvalues.length == side.dimension(p, n), "The " + side.id()
            + " matrix of a " + p + " x " + n + " data matrix has " + side.dimension(p, n) + " eigenvalues, but "
            + (eigenvalues == null ? 0 : eigenvalues.length) + " were given.");
        final double[] v = eigenvalues.clone();
        for (double e : v) {
            Check.finite("eigenvalue", e);
        }
        Arrays.sort(v);
        return new EmpiricalSpectrum(v, p, n, side);
    }

    /** Ascending eigenvalues of the chosen sample matrix of x (p x n), computed on the smaller side. */
    public static double[] eigenvalues(final DMatrixRMaj x, final SampleMatrix side, final Progress progress)
        throws CancelledException {
        Check.that(x != null && x.numRows > 0 && x.numCols > 0, "The data matrix is empty.");
        Check.that(side != null, "The sample matrix (covariance or gram) is missing.");
        for (double v : x.data) {
            Check.that(Double.isFinite(v), "The data matrix contains NaN or infinite values; remove or impute them.");
        }
        final int p = x.numRows;
        final int n = x.numCols;
        final int m = Math.min(p, n);
        Memory.require(String.format("the %d x %d sample matrix and its eigen-decomposition", m, m),
            Memory.doubles(m, m, 3));
        progress.checkCancelled();
        progress.report(0, "forming the " + m + " x " + m + " sample matrix");
        final DMatrixRMaj s = p <= n ? SymmetricProducts.outer(x, 1.0 / n) : SymmetricProducts.inner(x, 1.0 / n);
        progress.checkCancelled();
        progress.report(0.4, "eigenvalues of the " + m + " x " + m + " sample matrix");
        final double[] small = SymmetricEigen.values(s);
        progress.report(1, "done");
        final double[] all = new double[side.dimension(p, n)];
        System.arraycopy(small, 0, all, all.length - m, m);
        return all;
    }

    /** The spectrum of the other sample matrix: the same nonzero eigenvalues, zeros up to its dimension. */
    public EmpiricalSpectrum companion() {
        final SampleMatrix other = side.companion();
        final double[] nz = nonzero();
        final double[] all = new double[other.dimension(p, n)];
        Check.that(nz.length <= all.length, "The spectrum has more nonzero eigenvalues (" + nz.length
            + ") than its companion has eigenvalues (" + all.length + "): it is not a sample-matrix spectrum.");
        System.arraycopy(nz, 0, all, all.length - nz.length, nz.length);
        return new EmpiricalSpectrum(all, p, n, other);
    }

    /** All eigenvalues, ascending (zeros included). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The eigenvalues that are not zero, ascending. */
    public double[] nonzero() {
        return Arrays.copyOfRange(eigenvalues, zeros, eigenvalues.length);
    }

    public int p() {
        return p;
    }

    public int n() {
        return n;
    }

    /** c = p/n. */
    public double ratio() {
        return p / (double) n;
    }

    public SampleMatrix side() {
        return side;
    }

    /** Number of eigenvalues, the size of the sample matrix. */
    public int dimension() {
        return eigenvalues.length;
    }

    /** Number of zero eigenvalues (the atom). */
    public int zeroCount() {
        return zeros;
    }

    /**
     * Estimate of the entry variance sigma^2: tr((1/n) X X^T) / p, the same trace on both sides. Unbiased
     * for iid entries; a spike adds its excess variance divided by p.
     */
    public double varianceEstimate() {
        double s = 0;
        for (double v : eigenvalues) {
            s += v;
        }
        return s / p;
    }

    /** The Marchenko–Pastur law of this side with c = p/n and the given entry variance. */
    public MarchenkoPastur marchenkoPastur(final double variance) {
        return MarchenkoPastur.of(ratio(), variance, side);
    }

    /** Kolmogorov distance to the law; see {@link #kolmogorovDistance(double[], SpectralDistribution)}. */
    public double kolmogorovDistance(final SpectralDistribution law) {
        return kolmogorovDistance(eigenvalues, law);
    }

    /**
     * sup_x |F_N(x) - F(x)| between the empirical CDF of the values and the law's CDF. At each distinct value
     * v with ranks [i, j) the empirical CDF jumps from i/N to j/N and the law's from F(v-) to F(v), where
     * F(v-) = F(v) - atom at v = 0: both one-sided gaps are checked, which handles the atom at 0 exactly.
     * Values within the rounding level of 0 count as 0.
     */
    public static double kolmogorovDistance(final double[] values, final SpectralDistribution law) {
        Check.that(values != null && values.length > 0, "The Kolmogorov distance needs at least one eigenvalue.");
        Check.that(law != null, "The law is missing.");
        final double[] v = values.clone();
        for (double e : v) {
            Check.finite("eigenvalue", e);
        }
        Arrays.sort(v);
        final double tol = zeroTolerance(v);
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) <= tol) {
                v[i] = 0;
            }
        }
        final int total = v.length;
        double d = 0;
        int i = 0;
        while (i < total) {
            int j = i + 1;
            while (j < total && v[j] == v[i]) {
                j++;
            }
            final double f = law.cdf(v[i]);
            final double below = v[i] == 0 ? f - law.atom() : f;
            d = Math.max(d, Math.max(Math.abs(below - i / (double) total), Math.abs(f - j / (double) total)));
            i = j;
        }
        return d;
    }

    /** Histogram of the nonzero eigenvalues over their range, normalised by all eigenvalues; bins <= 0: automatic. */
    public Histogram histogram(final int bins) {
        final double[] nz = nonzero();
        if (nz.length == 0) {
            return Histogram.of(eigenvalues, bins);
        }
        final double lo = nz[0];
        final double hi = nz[nz.length - 1];
        if (hi == lo) {
            return Histogram.of(nz, bins);
        }
        return Histogram.of(eigenvalues, bins, lo, hi);
    }

    /** Histogram over [from, to] of all eigenvalues, normalised by all of them; bins <= 0: automatic. */
    public Histogram histogram(final int bins, final double from, final double to) {
        return Histogram.of(eigenvalues, bins, from, to);
    }

    /**
     * Eigenvalues beyond the bulk of the law (of this side) by more than {@code margin} Tracy–Widom scales
     * ({@link SpectralDistribution#edgeScale(boolean, int)} with this dimension). Zeros are not outliers when
     * the law has an atom, and nothing is below a hard lower edge at 0.
     */
    public Outliers outliers(final SpectralDistribution law, final double margin) {
        Check.that(law != null, "The law is missing.");
        Check.nonNegative("outlier margin", margin);
        final double upper = law.upperEdge() + margin * law.edgeScale(true, dimension());
        final double lower = law.lowerEdge() > 0
            ? law.lowerEdge() - margin * law.edgeScale(false, dimension())
            : Double.NEGATIVE_INFINITY;
        final double[] candidates = law.atom() > 0 ? nonzero() : eigenvalues;
        final double[] below = Arrays.stream(candidates).filter(v -> v < lower).toArray();
        final double[] above = Arrays.stream(candidates).filter(v -> v > upper).toArray();
        return new Outliers(lower, upper, below, above);
    }

    private static double zeroTolerance(final double[] sorted) {
        double max = 0;
        for (double v : sorted) {
            max = Math.max(max, Math.abs(v));
        }
        return 64 * sorted.length * Math.ulp(1.0) * max;
    }
}
