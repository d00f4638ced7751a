package org.rmtlab.core.kernel;

import java.util.HashMap;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;

/**
 * The expected kernel of any activation by the Mehler formula (Hermite series):
 * K(x, y) = sum_k h_k(aa) h_k(bb) r^k, r = ab / sqrt(aa bb), with h_k(v) the Hermite coefficients of
 * sigma(sqrt(v) .) ({@link HermiteExpansion}).
 *
 * <p>Truncation: the sum stops at the first k with |r|^k tail_a(k-1) tail_b(k-1) &lt;=
 * {@value #ENTRY_TOLERANCE} sqrt(E[sigma(u)^2] E[sigma(v)^2]), a Cauchy–Schwarz bound of everything
 * left (relative to the scale of |K|). Small correlations, the bulk of a kernel matrix in high
 * dimension, need a handful of terms. The diagonal is E[sigma^2] itself. Where the bound cannot be met
 * with the coefficients at hand (an unresolved expansion and |r| near 1), the entry is computed by
 * nested adaptive quadrature instead: K = E_xi1[sigma(sqrt(aa) xi1) E_xi2[sigma(c1 xi1 + c2 xi2)]],
 * c1 = sqrt(bb) r, c2 = sqrt(bb) sqrt(1 - r^2) (written with r so that r = 1 gives c2 = 0 exactly).
 *
 * <p>Kernel matrices ({@link #applyToGram}) compute one expansion per sample, with the order its
 * largest off-diagonal correlation needs, then sum the series per entry: O(n q^2 + n^2 k) for n
 * samples, q quadrature nodes and k terms per entry, instead of O(n^2 q^2) for a 2-D quadrature per entry.
 */
public final class HermiteKernel implements ExpectedKernel {
    /** Truncation tolerance per entry, relative to sqrt(E[sigma(u)^2] E[sigma(v)^2]). */
    public static final double ENTRY_TOLERANCE = 1e-12;

    private final Activation sigma;
    private final int degree;

    /** @param degree the polynomial degree of sigma (its expansion is then finite), or -1 */
    HermiteKernel(final Activation sigma, final int degree) {
        this.sigma = sigma;
        this.degree = degree;
    }

    @Override
    public double value(final double aa, final double bb, final double ab) {
        checkArguments(aa, bb, ab);
        final double r = ExpectedKernels.correlation(aa, bb, ab);
        final HermiteExpansion ea = HermiteExpansion.of(sigma, aa, degree, Math.abs(r), HermiteExpansion.RULES[0]);
        final HermiteExpansion eb = aa == bb ? ea : HermiteExpansion.of(sigma, bb, degree, Math.abs(r), ea.rule());
        return entry(ea, eb, r, ab);
    }

    @Override
    public void applyToGram(final double[] aa, final double[] bb, final DMatrixRMaj g, final boolean symmetric,
        final Progress progress) throws CancelledException {
        final int rows = g.numRows;
        final int cols = g.numCols;
        final double[] d = g.data;
        final double[] rowMax = new double[rows];
        final double[] colMax = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = symmetric ? i + 1 : 0; j < cols; j++) {
                final double r = Math.abs(ExpectedKernels.correlation(aa[i], bb[j], d[i * cols + j]));
                rowMax[i] = Math.max(rowMax[i], r);
                colMax[j] = Math.max(colMax[j], r);
            }
        }
        if (symmetric) {
            for (int i = 0; i < rows; i++) {
                rowMax[i] = Math.max(rowMax[i], colMax[i]);
            }
        }
        final Progress setUp = progress.sub(0, 0.2);
        final HermiteExpansion[] ea = expansions(aa, rowMax, setUp.sub(0, symmetric ? 1 : 0.5));
        final HermiteExpansion[] eb = symmetric ? ea : expansions(bb, colMax, setUp.sub(0.5, 0.5));
        final Progress sums = progress.sub(0.2, 0.8);
        for (int i = 0; i < rows; i++) {
            ExpectedKernels.rowDone(sums, i, rows, symmetric);
            if (symmetric) {
                d[i * cols + i] = ea[i].secondMoment();
            }
            for (int j = symmetric ? i + 1 : 0; j < cols; j++) {
                final double ab = d[i * cols + j];
                d[i * cols + j] = entry(ea[i], eb[j], ExpectedKernels.correlation(aa[i], bb[j], ab), ab);
            }
        }
    }

    /**
     * One expansion per sample; samples with the same variance share it when its order suffices, and
     * each sample starts near where its predecessor succeeded (one Gauss–Hermite rule below, or
     * adaptive quadrature): samples of one data set have similar norms. Either path meets the same accuracy.
     */
    private HermiteExpansion[] expansions(final double[] variances, final double[] maxCorrelation, final Progress progress)
        throws CancelledException {
        final HermiteExpansion[] e = new HermiteExpansion[variances.length];
        final Map<Double, HermiteExpansion> shared = new HashMap<>();
        int rule = HermiteExpansion.RULES[0];
        for (int i = 0; i < e.length; i++) {
            ExpectedKernels.rowDone(progress, i, e.length, false);
            checkArguments(variances[i], variances[i], 0);
            final HermiteExpansion known = shared.get(variances[i]);
            if (known != null && (known.rule() > 0 || known.order() >= HermiteExpansion.orderFor(maxCorrelation[i]))) {
                e[i] = known;
                continue;
            }
            e[i] = HermiteExpansion.of(sigma, variances[i], degree, maxCorrelation[i], rule);
            // the next sample (similar norm) starts one rule below this one's, or goes straight to
            // adaptive quadrature after an unresolved sample
            rule = e[i].rule() > 0 ? e[i].rule() / 2 : Integer.MAX_VALUE;
            shared.put(variances[i], e[i]);
        }
        return e;
    }

    /** The series for one entry with its Cauchy–Schwarz stopping rule, or quadrature when the bound fails. */
    private double entry(final HermiteExpansion ea, final HermiteExpansion eb, final double r, final double ab) {
        if (ea == eb && r == 1) {
            return ea.secondMoment();
        }
        final double tol = ENTRY_TOLERANCE * Math.sqrt(ea.secondMoment() * eb.secondMoment());
        final double[] ha = ea.coefficients();
        final double[] hb = eb.coefficients();
        final double[] ta = ea.tails();
        final double[] tb = eb.tails();
        final int last = Math.min(ha.length, hb.length) - 1;
        double sum = ha[0] * hb[0];
        double rk = 1;
        for (int k = 1; k <= last; k++) {
            rk *= r;
            if (Math.abs(rk) * ta[k - 1] * tb[k - 1] <= tol) {
                return sum;
            }
            sum += ha[k] * hb[k] * rk;
        }
        if (Math.abs(rk * r) * ta[last] * tb[last] <= tol) {
            return sum;
        }
        return direct(ea.variance(), eb.variance(), ab, Math.max(tol, Double.MIN_NORMAL), Math.sqrt(ea.secondMoment()));
    }

    /**
     * Nested adaptive quadrature; the inner tolerance is scaled so that E|sigma(u)| times it fits the
     * budget. Activations are assumed smooth except at t = 0 (true of every built-in one), so the
     * inner integral gets a breakpoint where c1 x + c2 y = 0.
     */
    private double direct(final double aa, final double bb, final double ab, final double tol, final double normA) {
        final double sa = Math.sqrt(aa);
        final double r = ExpectedKernels.correlation(aa, bb, ab);
        final double c1 = Math.sqrt(bb) * r;
        final double c2 = Math.sqrt(bb) * Math.sqrt((1 - r) * (1 + r));
        if (c2 == 0) {
            return NormalExpectation.absolute(x -> sigma.value(sa * x) * sigma.value(c1 * x), tol);
        }
        final double inner = 0.5 * tol / Math.max(normA, Double.MIN_NORMAL);
        return NormalExpectation.absolute(x -> {
            final double s = sigma.value(sa * x);
            return s == 0 ? 0 : s * NormalExpectation.absolute(y -> sigma.value(c1 * x + c2 * y), inner, -c1 * x / c2);
        }, 0.5 * tol);
    }

    private static void checkArguments(final double aa, final double bb, final double ab) {
        Check.nonNegative("||x||^2", aa);
        Check.nonNegative("||y||^2", bb);
        Check.finite("x.y", ab);
    }
}
