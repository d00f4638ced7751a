package org.rmtlab.core.resolvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.RandomFeatures;
import org.rmtlab.core.util.Complex;
import org.rmtlab.core.util.Rng;

class NonlinearGramSpectrumTest {
    private static final Activation LINEAR = Activations.byId("linear");

    /** p x n data with orthonormal columns (the first n unit vectors): K = X^T X = I_n for sigma linear. */
    private static DMatrixRMaj orthonormal(final int p, final int n) {
        final DMatrixRMaj x = new DMatrixRMaj(p, n);
        for (int j = 0; j < n; j++) {
            x.set(j, j, 1);
        }
        return x;
    }

    /**
     * sigma linear with orthonormal data: Sigma^T Sigma / n = W^T W / n, the Marchenko–Pastur law with
     * ratio c = N/n: density sqrt((b - x)(x - a)) / (2 pi x) on [a, b] = [(sqrt c - 1)^2, (sqrt c + 1)^2]
     * and an atom 1 - c at 0 when c &lt; 1. The boundary value is taken at Im z = 1e-9 times the scale,
     * which smooths the density by O(sqrt(1e-9)) next to the square-root edges: 1e-4 allowed there,
     * 1e-7 in the interior. The distribution function (from the closed-form log transform, no
     * integration) must match the integral of the closed-form density to 1e-7.
     */
    @Test
    void linearFeaturesOfOrthonormalDataFollowMarchenkoPastur() {
        final int n = 60;
        for (double c : new double[] {0.4, 1.0, 2.5}) {
            final NonlinearGramSpectrum s = NonlinearGramSpectrum.of(LINEAR, orthonormal(80, n), c);
            final double a = (Math.sqrt(c) - 1) * (Math.sqrt(c) - 1);
            final double b = (Math.sqrt(c) + 1) * (Math.sqrt(c) + 1);
            assertEquals(Math.max(0, 1 - c), s.atomAtZero(), 1e-12);
            assertEquals(b, s.upperEdgeBound(), 1e-12);
            final double[] xs = new double[300];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = 1.1 * b * (i + 0.5) / xs.length;
            }
            final SpectrumCurve curve = s.evaluate(xs);
            for (int i = 0; i < xs.length; i++) {
                final double x = xs[i];
                final double exact = x > a && x < b ? Math.sqrt((b - x) * (x - a)) / (2 * Math.PI * x) : 0;
                final double edge = Math.min(Math.abs(x - a), Math.abs(x - b));
                assertEquals(exact, curve.density()[i], edge < 0.05 ? 1e-4 : 1e-7, "density, c = " + c + ", x = " + x);
                assertEquals(marchenkoPasturCdf(c, x), curve.cdf()[i], 1e-7, "cdf, c = " + c + ", x = " + x);
            }
            // the quantile inverts the closed-form distribution function (bisection to 1e-10 of the scale)
            for (double q : new double[] {0.7, 0.9, 0.99}) {
                final double x = s.quantile(q);
                assertEquals(q, marchenkoPasturCdf(c, x), 1e-7, "quantile " + q + ", c = " + c);
            }
        }
    }

    /**
     * The Stieltjes transform at complex z against the closed form: m solves z m^2 - (c - 1 - z) m + 1 = 0
     * (K = I in delta = (1/n) tr K Qbar), on the root with Im m &gt; 0; and on the negative real axis the
     * complex route agrees with the real solver, (1/n) tr Qbar(gamma = -z).
     */
    @Test
    void stieltjesTransformMatchesClosedFormAndRealSolver() {
        final double c = 1.7;
        final NonlinearGramSpectrum s = NonlinearGramSpectrum.ofKernel(CommonOps_DDRM.identity(40), c);
        for (Complex z : new Complex[] {new Complex(0.5, 0.1), new Complex(3, 1e-3), new Complex(-1, 2),
            new Complex(8, 0.5), new Complex(0.01, 1e-6)}) {
            final Complex bz = new Complex(c - 1, 0).minus(z);
            final Complex root = bz.times(bz).minus(z.times(4)).sqrt();
            Complex m = bz.plus(root).divide(z.times(2));
            if (m.im() <= 0) {
                m = bz.minus(root).divide(z.times(2));
            }
            final Complex got = s.stieltjes(z);
            assertEquals(m.re(), got.re(), 1e-10 * m.abs(), "z = " + z);
            assertEquals(m.im(), got.im(), 1e-10 * m.abs(), "z = " + z);
        }
        final GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 70, 0, 50, 4, 0,
            Scale.NORMALISED, 4));
        final NonlinearGramEquivalent eq = NonlinearGramEquivalent.of(Activations.byId("relu"), d.train().x());
        final NonlinearGramSpectrum spectrum = eq.spectrum(0.8);
        for (double gamma : new double[] {1e-3, 0.3, 20}) {
            final double expected = eq.at(0.8, gamma).normalizedTrace();
            assertEquals(expected, spectrum.stieltjes(Complex.real(-gamma)).re(), 1e-12 * expected);
            // just above the axis, the continuation in eta lands on the same value
            assertEquals(expected, spectrum.stieltjes(new Complex(-gamma, 1e-12)).re(), 1e-8 * expected);
        }
    }

    /**
     * Rank-deficient K (sigma linear, iid data with p &lt; n: rank p): the atom at 0 is 1 - min(N, p) / n,
     * and the distribution function just above 0 equals it (to 1e-7: the boundary value at
     * Im z = 1e-9 times the scale smooths the continuous part, whose lower edge is close to 0 here).
     */
    @Test
    void atomAtZeroFollowsTheRankOfTheKernel() {
        final int n = 120;
        final int p = 60;
        final GeneratedData d = DataGenerator.generate(DataSpec.gaussian(n, p, 8));
        // N/n = p/n = 0.5 is left out: there the continuous part reaches down to 0 (a hard edge)
        for (double c : new double[] {0.25, 0.75, 1, 3}) {
            final NonlinearGramSpectrum s = NonlinearGramSpectrum.of(LINEAR, d.train().x(), c);
            final double expected = 1 - Math.min(c, p / (double) n);
            assertEquals(expected, s.atomAtZero(), 1e-12);
            assertEquals(expected, s.cdf(1e-4 * s.upperEdgeBound()), 1e-7, "c = " + c);
            assertEquals(1, s.cdf(s.upperEdgeBound()), 1e-9);
        }
    }

    /**
     * The density is the derivative of the distribution function: central differences with step
     * h = 1e-6 times the scale have error O(h^2) times F''' (negligible inside the bulk) plus the
     * rounding of F over 2h; compared where the density is at least 5% of its maximum, to 1e-3 of it.
     */
    @Test
    void densityIsTheDerivativeOfTheDistributionFunction() {
        final GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 100, 0, 80, 4, 0,
            Scale.NORMALISED, 5));
        final NonlinearGramSpectrum s = NonlinearGramSpectrum.of(Activations.byId("relu"), d.train().x(), 1.5);
        final double h = 1e-6 * s.upperEdgeBound();
        final double top = 0.05 * s.upperEdgeBound();
        final double[] xs = new double[600];
        for (int i = 0; i < 200; i++) {
            final double x = top * (i + 1) / 201;
            xs[3 * i] = x - h;
            xs[3 * i + 1] = x;
            xs[3 * i + 2] = x + h;
        }
        final SpectrumCurve curve = s.evaluate(xs);
        double max = 0;
        for (double v : curve.density()) {
            max = Math.max(max, v);
        }
        assertTrue(max > 0);
        int compared = 0;
        for (int i = 0; i < 200; i++) {
            final double density = curve.density()[3 * i + 1];
            if (density > 0.05 * max) {
                final double slope = (curve.cdf()[3 * i + 2] - curve.cdf()[3 * i]) / (2 * h);
                assertEquals(density, slope, 1e-3 * max, "x = " + xs[3 * i + 1]);
                compared++;
            }
        }
        assertTrue(compared > 30, "compared " + compared + " points");
    }

    /**
     * Against simulation: the eigenvalues of Sigma^T Sigma / n from 2 draws of W (n = 300) against the
     * theory's distribution function. The Kolmogorov distance of an empirical spectral distribution
     * from its deterministic equivalent is O(1/n) in the bulk and O(n^{-2/3}) at the edges (measured
     * 0.0065 at n = 400); allowed 0.03. Covers a nonlinear case, linear features of iid data (a product
     * of two Wishart matrices, not Marchenko–Pastur); erf is checked separately once it is available.
     */
    @Test
    void distributionFunctionMatchesSimulatedEigenvalues() {
        checkAgainstEigenvalues(Activations.byId("relu"), DataModel.MIXTURE, 1.5);
        checkAgainstEigenvalues(LINEAR, DataModel.GAUSSIAN, 0.6);
    }

    @Test
    void erfSpectrumMatchesSimulatedEigenvalues() {
        Assumptions.assumeTrue(Activations.ids().contains("erf"), "erf is not among the activations yet");
        checkAgainstEigenvalues(Activations.byId("erf"), DataModel.TEACHER, 0.7);
    }

    private static void checkAgainstEigenvalues(final Activation sigma, final DataModel model, final double c) {
        final int n = 300;
        final int p = 200;
        final int bigN = (int) Math.round(c * n);
        final GeneratedData d = DataGenerator.generate(new DataSpec(model, n, 0, p, 4, 0.1, Scale.NORMALISED, 6));
        final NonlinearGramSpectrum s = NonlinearGramSpectrum.of(sigma, d.train().x(), bigN / (double) n);
        final Rng rng = new Rng(12);
        final int draws = 2;
        final double[] eigenvalues = new double[draws * n];
        for (int t = 0; t < draws; t++) {
            final DMatrixRMaj f = RandomFeatures.map(sigma, RandomFeatures.weights(bigN, p, rng), d.train().x());
            final DMatrixRMaj g = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransA(1.0 / n, f, f, g);
            final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
            assertTrue(eig.decompose(g));
            for (int i = 0; i < n; i++) {
                eigenvalues[t * n + i] = eig.getEigenvalue(i).real;
            }
        }
        final int count = eigenvalues.length;
        final double gap = 1e-9 * s.upperEdgeBound();
        for (int i = 0; i < count; i++) {
            // the null space of a rank-deficient Gram matrix comes out as rounding noise around 0
            eigenvalues[i] = Math.abs(eigenvalues[i]) < gap ? 0 : eigenvalues[i];
        }
        Arrays.sort(eigenvalues);
        // the empirical distribution function jumps at each eigenvalue: compare just below and just above
        final double[] probe = new double[2 * count];
        for (int i = 0; i < count; i++) {
            probe[2 * i] = eigenvalues[i] - gap;
            probe[2 * i + 1] = eigenvalues[i] + gap;
        }
        final SpectrumCurve curve = s.evaluate(probe);
        double ks = 0;
        int lower = 0;
        for (int i = 0; i < count; i++) {
            while (lower < count && eigenvalues[lower] < eigenvalues[i]) {
                lower++;
            }
            int upper = lower;
            while (upper < count && eigenvalues[upper] <= eigenvalues[i]) {
                upper++;
            }
            ks = Math.max(ks, Math.abs(curve.cdf()[2 * i] - lower / (double) count));
            ks = Math.max(ks, Math.abs(curve.cdf()[2 * i + 1] - upper / (double) count));
        }
        assertTrue(ks < 0.03, sigma.id() + " on " + model.id() + ": Kolmogorov distance " + ks);
    }

    /** F(x) of the Marchenko–Pastur law by Simpson's rule after x = a + (b - a)(1 - cos theta) / 2, which removes the edge singularities. */
    private static double marchenkoPasturCdf(final double c, final double x) {
        final double a = (Math.sqrt(c) - 1) * (Math.sqrt(c) - 1);
        final double b = (Math.sqrt(c) + 1) * (Math.sqrt(c) + 1);
        final double atom = Math.max(0, 1 - c);
        if (x <= a) {
            return x < 0 ? 0 : atom;
        }
        final double top = x >= b ? Math.PI : Math.acos(1 - 2 * (x - a) / (b - a));
        final int steps = 4000;
        final double h = top / steps;
        final double r = (b - a) / 2;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            final double theta = i * h;
            final double xt = a + r * (1 - Math.cos(theta));
            final double sin = Math.sin(theta);
            // sin^2 / x stays finite at theta = 0 when a = 0 (c = 1): the limit is 2 / r there
            final double f = xt == 0 ? r * r * 2 / r / (2 * Math.PI) : r * r * sin * sin / (2 * Math.PI * xt);
            sum += (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return atom + sum * h / 3;
    }
}
