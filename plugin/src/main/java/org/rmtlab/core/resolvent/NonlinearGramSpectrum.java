package org.rmtlab.core.resolvent;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.ExpectedKernels;
import org.rmtlab.core.kernel.GaussianEquivalents;
import org.rmtlab.core.spectrum.MarchenkoPastur;
import org.rmtlab.core.spectrum.PopulationSpectrum;
import org.rmtlab.core.spectrum.SampleCovarianceLaw;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.spectrum.SilversteinEquation;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Complex;
import org.rmtlab.core.util.Progress;

/**
 * The deterministic equivalent of the eigenvalue distribution mu of Sigma^T Sigma / n (n x n), from the
 * nonlinear Gram resolvent of Louart, Liao, Couillet 2018 (Theorem 1) continued to complex z: with
 * c = N/n and the conventions of {@link NonlinearGramEquivalent},
 *
 * <pre>
 *   Qbar(z) = (c K / (1 + delta(z)) - z I_n)^{-1},  delta(z) = (1/n) tr K Qbar(z),
 *   m(z) = integral dmu(t) / (t - z) = (1/n) tr Qbar(z)  (Stieltjes transform),
 *   density(x) = (1/pi) Im m(x + i0),   F(x) = -(1/pi) Im L(x + i0),  L(z) = integral log(t - z) dmu(t),
 * </pre>
 *
 * where L has the closed form given in {@code DeltaEquation#logTransformImaginary}, so the distribution
 * function needs no numerical integration. For sigma linear and K = I_n (orthonormal data), this is the
 * Marchenko–Pastur law of W^T W / n with ratio N/n.
 *
 * <p>Numerics: the boundary value at x + i0 is taken at x + i eta with eta = 1e-9 times the spectral
 * scale. Along an ascending grid, each point starts Newton's method from the previous solution
 * (continuation in x); a start that fails, or lands on a root of the wrong branch (Im delta &lt; 0, or
 * a real root with g' &lt;= 0, where the Stieltjes branch has g' &gt; 0), is replaced by a continuation
 * in eta from far above the real axis, where the equation is a contraction.
 */
public final class NonlinearGramSpectrum {
    /** Relative height above the real axis at which boundary values are taken. */
    private static final double ETA = 1e-9;
    private static final int NEWTON_ITERATIONS = 60;

    private final KernelEigen eigen;
    private final double c;
    private final DeltaEquation equation;
    private final double scale;

    NonlinearGramSpectrum(final KernelEigen eigen, final double featureRatio) {
        Check.positive("N/n (features per sample)", featureRatio);
        this.eigen = eigen;
        this.c = featureRatio;
        this.equation = new DeltaEquation(eigen.values(), featureRatio);
        final double bound = upperEdgeBound();
        this.scale = bound > 0 ? bound : 1;
    }

    /** From the n x n expected-kernel matrix (only its eigenvalues are computed). */
    public static NonlinearGramSpectrum ofKernel(final DMatrixRMaj kernel, final double featureRatio) {
        return new NonlinearGramSpectrum(KernelEigen.of(kernel, false), featureRatio);
    }

    /** From the data (p x n, samples as columns) and the activation's closed-form kernel. */
    public static NonlinearGramSpectrum of(final Activation sigma, final DMatrixRMaj x, final double featureRatio) {
        Check.that(sigma != null, "The activation is missing.");
        return ofKernel(ExpectedKernels.matrix(ExpectedKernels.forActivation(sigma), x), featureRatio);
    }

    /**
     * The bulk law of the features sigma(W X) of the data {@code x} (p x n): the law of this class for the
     * expected kernel of the features with their mean over w removed, K - m m^T with
     * m_i = E_w[sigma(w.x_i)] (the covariance of sigma(w^T X) over w; m_i is mu0 of
     * {@link GaussianEquivalents} at the input variance ||x_i||^2).
     *
     * <p>Why: Sigma = 1_N m^T + Sigma~ with Sigma~ having iid mean-free rows of second moment K - m m^T. The
     * rank-one mean moves at most two eigenvalues of Sigma^T Sigma / n (interlacing), so the bulk and the
     * Kolmogorov distance are those of Sigma~, but when mu0 != 0 (ReLU: mu0 = ||x||/sqrt(2 pi)) it creates
     * one isolated eigenvalue of about (N/n) ||m||^2, about N mu0^2 for normalised data, far beyond the bulk
     * and an outlier of this law. With the full K that eigenvalue would sit in a small isolated interval of
     * the law (mass 1/n) and could not be told apart from the bulk.
     *
     * <p>{@code centreSamples}: the matrix is that of the features with each feature's mean over the n samples
     * removed, scaled by 1/(n - 1): Sigma_c = Sigma (I - 1 1^T/n) = (Sigma H) H^T with H (n x (n - 1)) an
     * orthonormal basis of the complement of the all-ones vector, so the n - 1 nonzero eigenvalues are those
     * of (Sigma H)^T (Sigma H)/(n - 1), whose rows have second moment H^T (K - m m^T) H: the law is taken for
     * that kernel with n - 1 samples (c = N/(n - 1)).
     *
     * @param features N, the number of random features
     */
    public static NonlinearGramSpectrum ofFeatureBulk(final Activation sigma, final DMatrixRMaj x, final int features,
        final boolean centreSamples, final Progress progress) throws CancelledException {
        Check.that(sigma != null, "The activation is missing.");
        Check.positive("The number of random features N", features);
        Check.that(!centreSamples || x.numCols >= 2, "Centring the samples needs at least 2 samples, but there is "
            + x.numCols + ".");
        final DMatrixRMaj k = ExpectedKernels.matrix(ExpectedKernels.forActivation(sigma), x, progress.sub(0, 0.5));
        final int n = x.numCols;
        final double[] m = new double[n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = 0; i < x.numRows; i++) {
                norm += x.unsafe_get(i, j) * x.unsafe_get(i, j);
            }
            m[j] = GaussianEquivalents.of(sigma, norm).mu0();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k.data[i * n + j] -= m[i] * m[j];
            }
        }
        progress.checkCancelled();
        final DMatrixRMaj bulk = centreSamples ? complementOfOnes(k) : k;
        return new NonlinearGramSpectrum(KernelEigen.of(bulk, false), features / (double) bulk.numRows);
    }

    /**
     * H^T K H for the orthonormal basis H of the complement of 1_n made of the first n - 1 columns of the
     * Householder reflector P = I - 2 v v^T/(v^T v), v = 1/sqrt(n) - e_n (P is symmetric, orthogonal and maps
     * e_n to 1/sqrt(n), so its other columns are orthogonal to 1). P K P = K - b v u^T - b u v^T
     * + b^2 (v.u) v v^T with u = K v, b = 2/(v^T v): O(n^2).
     */
    static DMatrixRMaj complementOfOnes(final DMatrixRMaj k) {
        final int n = k.numRows;
        final double[] v = new double[n];
        java.util.Arrays.fill(v, 1 / Math.sqrt(n));
        v[n - 1] -= 1;
        double vv = 0;
        for (double e : v) {
            vv += e * e;
        }
        final double b = 2 / vv;
        final double[] u = new double[n];
        double vu = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += k.data[i * n + j] * v[j];
            }
            u[i] = s;
            vu += v[i] * s;
        }
        final DMatrixRMaj out = new DMatrixRMaj(n - 1, n - 1);
        for (int i = 0; i < n - 1; i++) {
            for (int j = 0; j < n - 1; j++) {
                out.data[i * (n - 1) + j] =
                    k.data[i * n + j] - b * (v[i] * u[j] + u[i] * v[j]) + b * b * vu * v[i] * v[j];
            }
        }
        return out;
    }

    /**
     * This law as a {@link SampleCovarianceLaw}, with its exact support intervals, edges and edge amplitudes
     * (for outliers and Tracy–Widom margins), on either sample matrix of Sigma (N x n):
     * {@link SampleMatrix#GRAM} is (1/n) Sigma^T Sigma (n x n, the matrix of this class, atom
     * {@link #atomAtZero()}), {@link SampleMatrix#COVARIANCE} is (1/n) Sigma Sigma^T (N x N: the same nonzero
     * eigenvalues and N - n more zeros when N &gt; n, so the atom is (1 - n/N)^+).
     *
     * <p>Why it is the same law: with Y = Z (c K)^{1/2}, Z of size N x n with iid N(0, 1) entries,
     * (1/N) Y^T Y = (1/n) K^{1/2} Z^T Z K^{1/2} has the deterministic equivalent
     * (c K/(1 + delta') - z)^{-1} with delta' = (1/N) tr(c K Qbar) = (1/n) tr(K Qbar) = delta, the equation
     * above. (1/N) Y^T Y is the sample covariance of N samples in dimension n with population covariance c K,
     * the {@link SilversteinEquation} with population eig(c K) and ratio n/N; its covariance side is this
     * class's n x n matrix and its Gram side the N x N one. Above {@link SilversteinEquation#MAX_EIGENVALUES}
     * samples the population is {@link PopulationSpectrum#quantized quantized} (mean kept).
     *
     * @throws IllegalArgumentException when K is singular (for example linear features of data with fewer
     *         dimensions than samples): the law then has an atom this form cannot hold
     */
    public SampleCovarianceLaw law(final SampleMatrix side, final Progress progress) throws CancelledException {
        Check.that(side != null, "The sample matrix (covariance or gram) is missing.");
        final int n = eigen.n();
        Check.that(eigen.rank() == n, "The expected kernel of these features has rank " + eigen.rank() + " < n = "
            + n + " (for example a linear activation with fewer dimensions than samples), which the nonlinear Gram "
            + "law does not cover: use the Marchenko-Pastur or population-covariance law instead.");
        final double[] tau = new double[n];
        final double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            tau[i] = c * eigen.values()[i];
            weight[i] = 1;
        }
        final PopulationSpectrum population =
            PopulationSpectrum.weighted(tau, weight).quantized(SilversteinEquation.MAX_EIGENVALUES);
        return SampleCovarianceLaw.of(new SilversteinEquation(population, 1 / c), side.companion(), progress);
    }

    public double featureRatio() {
        return c;
    }

    /**
     * Mass of the atom at 0: 1 - min(N, rank K) / n. (For z -&gt; 0 the equation gives the atom
     * 1 - c when c is below rank(K)/n, else the share of K's null space.)
     */
    public double atomAtZero() {
        return Math.max(0, 1 - Math.min(c, eigen.rank() / (double) eigen.n()));
    }

    /**
     * An upper bound of the support, lambda_max(K) (1 + sqrt(N/n))^2: Sigma^T Sigma / n behaves like
     * K^{1/2} Z^T Z K^{1/2} / n with Z of size N x n, whose norm is at most ||K|| ||Z^T Z / n||. The bound
     * is attained for K proportional to I (Marchenko–Pastur).
     */
    public double upperEdgeBound() {
        return eigen.largest() * MarchenkoPastur.of(c, 1).upperEdge();
    }

    /** delta(z) on the Stieltjes branch; z off the non-negative real axis (real z &lt; 0 is allowed). */
    public Complex delta(final Complex z) {
        return t(z).minus(1);
    }

    /** m(z) = (1/n) tr Qbar(z); for real z &gt;= 0 the boundary value m(z + i0) is returned. */
    public Complex stieltjes(final Complex z) {
        final boolean lower = z.im() < 0;
        final Complex zz = lower ? z.conjugate() : z;
        final Complex t = t(zz);
        final double[] m = equation.stieltjes(zz.re(), effectiveIm(zz), t.re(), t.im());
        final Complex out = new Complex(m[0], m[1]);
        return lower ? out.conjugate() : out;
    }

    /** Density of the absolutely continuous part at x (0 for x &lt;= 0; the atom is {@link #atomAtZero()}). */
    public double density(final double x) {
        return evaluate(new double[] {x}).density()[0];
    }

    /** F(x) = mu((-infinity, x]), including the atom at 0. */
    public double cdf(final double x) {
        return evaluate(new double[] {x}).cdf()[0];
    }

    /**
     * The smallest x with F(x) &gt;= probability, by bisection on [0, upperEdgeBound()] to 1e-10 of the
     * scale (about 35 evaluations of F). Useful to choose a plotting range that leaves out isolated
     * outliers, for example [0, quantile(1 - 2/n)].
     */
    public double quantile(final double probability) {
        Check.that(probability > 0 && probability < 1, "The probability must lie strictly between 0 and 1, but is "
            + probability + ".");
        if (atomAtZero() >= probability) {
            return 0;
        }
        double lo = 0;
        double hi = scale;
        while (hi - lo > 1e-10 * scale) {
            final double mid = 0.5 * (lo + hi);
            if (cdf(mid) >= probability) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** Density and distribution function on {@code points} equally spaced x in (0, upperEdgeBound()]. */
    public SpectrumCurve evaluate(final int points) {
        Check.positive("points", points);
        final double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = scale * (i + 1) / points;
        }
        return evaluate(x);
    }

    /**
     * Density and distribution function at the given points (any order; solved in ascending order with
     * continuation, O(n) per Newton iteration, a few iterations per point).
     */
    public SpectrumCurve evaluate(final double[] xs) {
        final int count = xs.length;
        final Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            Check.finite("x", xs[i]);
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
        final double[] density = new double[count];
        final double[] cdf = new double[count];
        final double eta = ETA * scale;
        final double atom = atomAtZero();
        double[] previous = null;
        for (Integer idx : order) {
            final double x = xs[idx];
            if (x < 0) {
                cdf[idx] = 0;
                continue;
            }
            if (x == 0) {
                cdf[idx] = atom;
                continue;
            }
            double[] t = null;
            if (previous != null) {
                final double[] guess = previous.clone();
                if (equation.newton(x, eta, guess, NEWTON_ITERATIONS) && onBranch(x, eta, guess)) {
                    t = guess;
                }
            }
            if (t == null) {
                t = homotopy(x, eta);
            }
            previous = t;
            // The atom at 0 is known exactly; remove its smoothing by eta (a Cauchy bump of width eta),
            // which would otherwise leak into the density and distribution function near 0.
            final double[] m = equation.stieltjes(x, eta, t[0], t[1]);
            density[idx] = Math.max(0, m[1] / Math.PI - atom * eta / (Math.PI * (x * x + eta * eta)));
            final double f = -equation.logTransformImaginary(x, eta, t[0], t[1]) / Math.PI
                + atom * Math.atan2(eta, x) / Math.PI;
            cdf[idx] = Math.min(1, Math.max(0, f));
        }
        return new SpectrumCurve(xs.clone(), density, cdf);
    }

    /** t = 1 + delta at z (Im z &gt;= 0), by the real solver on the negative axis, else by continuation in eta. */
    private Complex t(final Complex z) {
        Check.that(z.isFinite(), "z must be finite.");
        if (z.im() == 0 && z.re() < 0) {
            return Complex.real(1 + equation.solve(-z.re()).delta());
        }
        Check.that(z.im() >= 0, "Use Im z >= 0 (the conjugate symmetry gives the rest).");
        final double[] t = homotopy(z.re(), effectiveIm(z));
        return new Complex(t[0], t[1]);
    }

    /** Im z, or the small offset for boundary values on the non-negative real axis. */
    private double effectiveIm(final Complex z) {
        return z.im() > 0 || z.re() < 0 ? z.im() : ETA * scale;
    }

    /**
     * Solves at x + i eta starting far above the axis (eta0 = scale + |x|, where fixed-point iteration
     * contracts) and lowering eta geometrically, halving the step whenever Newton fails.
     */
    private double[] homotopy(final double x, final double eta) {
        double h = scale + Math.abs(x);
        final double[] t = {1, 0};
        fixedPoint(x, h, t);
        if (!equation.newton(x, h, t, NEWTON_ITERATIONS)) {
            throw new IllegalStateException("delta(z) did not converge at z = " + x + " + " + h + "i.");
        }
        double factor = 0.25;
        while (h > eta) {
            final double next = Math.max(eta, h * factor);
            final double[] guess = t.clone();
            if (equation.newton(x, next, guess, NEWTON_ITERATIONS) && (next > eta || onBranch(x, next, guess))) {
                t[0] = guess[0];
                t[1] = guess[1];
                h = next;
                factor = Math.max(factor * factor, 1e-3);
            } else {
                factor = Math.sqrt(factor);
                if (factor > 0.999) {
                    throw new IllegalStateException("delta(z) lost track of its branch near z = " + x + ".");
                }
            }
        }
        return t;
    }

    /** Plain iteration t &lt;- 1 + (1/n) sum lambda t / (c lambda - z t), a contraction far from the real axis. */
    private void fixedPoint(final double zr, final double zi, final double[] t) {
        for (int it = 0; it < 500; it++) {
            final double[] g = equation.evaluate(zr, zi, t[0], t[1]);
            // g = t - 1 - f(t): the iteration is t <- t - g
            t[0] -= g[0];
            t[1] -= g[1];
            if (Math.hypot(g[0], g[1]) <= 1e-10 * Math.hypot(t[0], t[1])) {
                return;
            }
        }
    }

    /**
     * The Stieltjes branch: Im t &gt;= 0, and where t is (numerically) real, g'(t) &gt; 0 as on the
     * intervals outside the support connected to infinity.
     */
    private boolean onBranch(final double x, final double eta, final double[] t) {
        if (t[1] > 1e-7 * Math.hypot(t[0], t[1])) {
            return true;
        }
        final double[] g = equation.evaluate(x, eta, t[0], t[1]);
        return g[2] > 0;
    }
}
