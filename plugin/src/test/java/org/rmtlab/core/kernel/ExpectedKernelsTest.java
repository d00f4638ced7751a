package org.rmtlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.Rng;
import org.rmtlab.core.util.GaussLegendre;

class ExpectedKernelsTest {

    /**
     * (aa, bb, ab) triples: moderate correlations, |r| close to 1 (where series converge slowly and the
     * quadrature fallback is used), unequal norms, r = 1 exactly with unequal norms, orthogonal inputs
     * and a zero input.
     */
    private static final double[][] POINTS = {
        {1, 1, 0.3}, {1, 1, -0.6}, {1, 1, 0.999}, {1, 1, -0.995}, {2, 0.5, 0.7}, {0.3, 2.5, -0.2},
        {2, 2, 2}, {0.5, 2, 1}, {2.5, 1, 0}, {0, 1.5, 0}, {0.2, 0.4, 0.28}};

    /** Activations with a closed-form kernel, with a few parameter values. */
    private static List<Activation> closedForms() {
        final List<Activation> list = new ArrayList<>();
        for (ActivationInfo info : Activations.catalogue()) {
            if (info.closedForm()) {
                list.add(Activations.byId(info.id()));
            }
        }
        list.add(Activations.leakyRelu(0.3));
        list.add(Activations.leakyRelu(-1.5));
        return list;
    }

    private static List<Activation> all() {
        final List<Activation> list = new ArrayList<>();
        for (ActivationInfo info : Activations.catalogue()) {
            list.add(Activations.byId(info.id()));
        }
        list.add(Activations.leakyRelu(0.3));
        list.add(Activations.polynomial(0.5, -1, 0, 0.25));
        return list;
    }

    /** sqrt(K(x, x) K(y, y)) &gt;= |K(x, y)| (Cauchy–Schwarz): the scale errors are measured against. */
    private static double scale(final ExpectedKernel k, final double aa, final double bb) {
        final double s = Math.sqrt(k.value(aa, aa, aa) * k.value(bb, bb, bb));
        return s > 0 ? s : 1;
    }

    /**
     * Every closed form against the Hermite series. The series is truncated when its Cauchy–Schwarz
     * remainder bound is below 1e-12 of the scale, the coefficients are integrated to 1e-13, and entries
     * where the bound cannot be met use nested quadrature to 1e-12: 1e-10 leaves a margin for the
     * rounding of the closed forms near |r| = 1 (arcsin, arccos).
     */
    @Test
    void closedFormsMatchTheHermiteSeries() {
        for (Activation a : closedForms()) {
            final ExpectedKernel closed = ExpectedKernels.forActivation(a);
            final ExpectedKernel series = ExpectedKernels.numerical(a);
            for (double[] x : POINTS) {
                final double expected = closed.value(x[0], x[1], x[2]);
                assertEquals(expected, series.value(x[0], x[1], x[2]), 1e-10 * scale(closed, x[0], x[1]),
                    a.id() + " at " + x[0] + ", " + x[1] + ", " + x[2]);
            }
        }
    }

    /**
     * The kinked and discontinuous closed forms against an independent quadrature that is exact up to
     * rounding: for sigma positively homogeneous of degree d, E[sigma(u) sigma(v)] = E[rho^{2d}]
     * (1/2 pi) int sigma(A(theta)) sigma(B(theta)) d theta in polar coordinates, and between the angles
     * where A or B vanish the integrand is a trigonometric polynomial, integrated by Gauss–Legendre on
     * each piece. Tolerance 1e-13 of the scale (rounding of a few hundred terms).
     */
    @Test
    void kinkedClosedFormsMatchAngularQuadrature() {
        final String[] ids = {"relu", "leaky-relu", "leaky-relu:0.3", "abs", "sign", "step", "linear"};
        final int[] degree = {1, 1, 1, 1, 0, 0, 1};
        for (int m = 0; m < ids.length; m++) {
            final Activation a = Activations.byId(ids[m]);
            final ExpectedKernel closed = ExpectedKernels.forActivation(a);
            for (double[] x : POINTS) {
                if (x[0] == 0) {
                    continue;
                }
                assertEquals(angular(a, degree[m], x[0], x[1], x[2]), closed.value(x[0], x[1], x[2]),
                    1e-13 * scale(closed, x[0], x[1]), ids[m] + " at " + x[0] + ", " + x[1] + ", " + x[2]);
            }
        }
    }

    /**
     * The smooth closed forms against direct 2-D Gauss–Hermite quadrature with 200 x 200 nodes, which
     * converges spectrally for entire integrands of moderate variance (norms up to 2.5 here): 1e-12.
     */
    @Test
    void smoothClosedFormsMatchGaussHermite() {
        for (String id : new String[] {"linear", "erf", "quadratic", "sin", "cos", "gauss"}) {
            final Activation a = Activations.byId(id);
            final ExpectedKernel closed = ExpectedKernels.forActivation(a);
            final ExpectedKernel direct = ExpectedKernels.quadrature(a, 200);
            for (double[] x : POINTS) {
                assertEquals(closed.value(x[0], x[1], x[2]), direct.value(x[0], x[1], x[2]),
                    1e-12 * scale(closed, x[0], x[1]), id + " at " + x[0] + ", " + x[1] + ", " + x[2]);
            }
        }
    }

    /**
     * A polynomial kernel is exact: 2-D Gauss–Hermite with q nodes per axis integrates polynomials of
     * degree 2q - 1 in each variable exactly, so q = 8 is exact for sigma of degree 3; tolerance is
     * rounding, 1e-13 of the scale. The user-defined cubic (no declared degree) goes through the generic
     * Gauss–Hermite path of the expansion and is exact as well.
     */
    @Test
    void polynomialKernelsAreExact() {
        final Activation poly = Activations.polynomial(0.5, -1, 0, 0.25);
        final Activation custom = new Activation() {
            @Override
            public String id() {
                return "custom-cubic";
            }

            @Override
            public double value(final double t) {
                return 0.5 - t + 0.25 * t * t * t;
            }
        };
        final ExpectedKernel exact = ExpectedKernels.quadrature(poly, 8);
        for (ExpectedKernel k : new ExpectedKernel[] {ExpectedKernels.forActivation(poly),
            ExpectedKernels.forActivation(custom)}) {
            assertInstanceOf(HermiteKernel.class, k);
            for (double[] x : POINTS) {
                assertEquals(exact.value(x[0], x[1], x[2]), k.value(x[0], x[1], x[2]), 1e-13 * scale(exact, x[0], x[1]));
            }
        }
        // the quadratic closed form is the polynomial t^2
        final ExpectedKernel square = ExpectedKernels.numerical(Activations.polynomial(0, 0, 1));
        final ExpectedKernel closed = ExpectedKernels.forActivation(Activations.byId("quadratic"));
        for (double[] x : POINTS) {
            assertEquals(closed.value(x[0], x[1], x[2]), square.value(x[0], x[1], x[2]), 1e-13 * scale(closed, x[0], x[1]));
        }
    }

    /**
     * Every kernel (closed form or numerical) against Monte-Carlo over w ~ N(0, I_4): M = 40000 draws
     * of sigma(w.x) sigma(w.y); the tolerance is 5 standard errors from the sample variance (about 1 in
     * 1.7 million per check to fail by chance for a Gaussian mean; the seed is fixed).
     */
    @Test
    void kernelsMatchMonteCarloOverWeights() {
        final int m = 40_000;
        final double[][] configs = {{1, 1, 0.4}, {2, 0.5, -0.8}, {1.2, 1.2, 1.1}};
        final Rng rng = new Rng(2024);
        for (Activation a : all()) {
            final ExpectedKernel k = ExpectedKernels.forActivation(a);
            for (double[] c : configs) {
                final double[][] xy = vectors(c[0], c[1], c[2]);
                double sum = 0;
                double sum2 = 0;
                final double[] w = new double[4];
                for (int t = 0; t < m; t++) {
                    rng.gaussians(w, 1.0);
                    double u = 0;
                    double v = 0;
                    for (int i = 0; i < 4; i++) {
                        u += w[i] * xy[0][i];
                        v += w[i] * xy[1][i];
                    }
                    final double prod = a.value(u) * a.value(v);
                    sum += prod;
                    sum2 += prod * prod;
                }
                final double mean = sum / m;
                final double se = Math.sqrt(Math.max(0, sum2 / m - mean * mean) / (m - 1));
                assertEquals(mean, k.value(c[0], c[1], c[2]), 5 * se + 1e-12, a.id() + " at " + c[0] + ", " + c[1] + ", " + c[2]);
            }
        }
    }

    /**
     * Kernel matrices are symmetric and positive semi-definite: the smallest eigenvalue may be negative
     * only by the evaluation error, at most n x 1e-10 of the largest entry (Weyl), so -1e-8 lambda_max.
     * The data include columns of different norms, a zero column and an exact duplicate (r = 1 off the
     * diagonal). The batched matrix agrees with entry-wise {@link ExpectedKernel#value} to 1e-11 of the scale.
     */
    @Test
    void kernelMatricesAreSymmetricPositiveSemiDefinite() {
        final int p = 12;
        final int n = 60;
        final DMatrixRMaj x = data(p, n, 5, 0.5, 1.5);
        for (Activation a : all()) {
            final ExpectedKernel k = ExpectedKernels.forActivation(a);
            final DMatrixRMaj km = ExpectedKernels.matrix(k, x);
            final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
            assertTrue(eig.decompose(km.copy()));
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, eig.getEigenvalue(i).getReal());
                max = Math.max(max, eig.getEigenvalue(i).getReal());
            }
            assertTrue(min >= -1e-8 * max, a.id() + ": smallest eigenvalue " + min + ", largest " + max);
            for (int i = 0; i < n; i += 7) {
                for (int j = 0; j < n; j += 5) {
                    assertEquals(km.get(j, i), km.get(i, j), 0.0);
                    assertEquals(k.value(norm2(x, i), norm2(x, j), dot(x, i, j)), km.get(i, j),
                        1e-11 * Math.sqrt(Math.max(km.get(i, i) * km.get(j, j), 1e-300)) + 1e-300, a.id() + " " + i + "," + j);
                }
            }
        }
    }

    /** K(x_i, y_j) between two sets equals the corresponding block of the joint kernel matrix. */
    @Test
    void crossMatrixIsABlockOfTheJointMatrix() {
        final DMatrixRMaj xy = data(8, 30, 9, 0.7, 1.3);
        final DMatrixRMaj x = new DMatrixRMaj(8, 20);
        final DMatrixRMaj y = new DMatrixRMaj(8, 10);
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 30; j++) {
                if (j < 20) {
                    x.set(i, j, xy.get(i, j));
                } else {
                    y.set(i, j - 20, xy.get(i, j));
                }
            }
        }
        for (String id : new String[] {"relu", "tanh", "poly:1,1,1"}) {
            final ExpectedKernel k = ExpectedKernels.forActivation(Activations.byId(id));
            final DMatrixRMaj joint = ExpectedKernels.matrix(k, xy);
            final DMatrixRMaj cross = ExpectedKernels.matrix(k, x, y);
            assertEquals(20, cross.numRows);
            assertEquals(10, cross.numCols);
            for (int i = 0; i < 20; i++) {
                for (int j = 0; j < 10; j++) {
                    assertEquals(joint.get(i, 20 + j), cross.get(i, j), 1e-11 * Math.sqrt(joint.get(i, i) * joint.get(20 + j, 20 + j)));
                }
            }
        }
    }

    /**
     * Large input variances (raw-scale data, ||x||^2 ~ 40) make erf nearly a sign function: its Hermite
     * expansion is unresolved, the coefficients come from adaptive quadrature and the near-duplicate
     * pairs from nested quadrature. The numerical kernel still matches the closed form to 1e-10 of the
     * scale, entry-wise and as a matrix; so do sin and cos at ||x||^2 ~ 500.
     */
    @Test
    void unresolvedExpansionsStayAccurate() {
        final Activation erf = Activations.byId("erf");
        final ExpectedKernel closed = ExpectedKernels.forActivation(erf);
        final HermiteKernel series = ExpectedKernels.numerical(erf);
        assertTrue(!HermiteExpansion.of(erf, 40).resolved());
        for (double[] x : new double[][] {{40, 40, 39.9}, {40, 35, 5}, {40, 50, -44}}) {
            assertEquals(closed.value(x[0], x[1], x[2]), series.value(x[0], x[1], x[2]), 1e-10 * scale(closed, x[0], x[1]));
        }
        sameMatrices(erf, data(40, 30, 13, 5, 7));
        // sin(sqrt(v) t) at v ~ 500 oscillates faster than the Gauss–Hermite rules resolve; sampled near
        // its zeros it once looked "resolved" with a tiny, wrong E[sigma^2]
        sameMatrices(Activations.byId("sin"), data(40, 30, 17, 20, 24));
        sameMatrices(Activations.byId("cos"), data(40, 30, 17, 20, 24));
    }

    /** Closed form and Hermite series give the same kernel matrix to 1e-10 (all kernels here are at most 1). */
    private static void sameMatrices(final Activation a, final DMatrixRMaj x) {
        final DMatrixRMaj closed = ExpectedKernels.matrix(ExpectedKernels.forActivation(a), x);
        final DMatrixRMaj series = ExpectedKernels.matrix(ExpectedKernels.numerical(a), x);
        for (int i = 0; i < closed.getNumElements(); i++) {
            assertEquals(closed.data[i], series.data[i], 1e-10, a.id() + " entry " + i);
        }
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        final ExpectedKernel k = ExpectedKernels.forActivation(Activations.byId("relu"));
        final DMatrixRMaj x = data(3, 4, 1, 1, 1);
        x.set(1, 2, Double.NaN);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExpectedKernels.matrix(k, x)).getMessage()
            .contains("NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> ExpectedKernels.matrix(k, data(3, 4, 1, 1, 1), data(4, 2, 1, 1, 1))).getMessage().contains("dimension"));
        assertThrows(IllegalArgumentException.class, () -> ExpectedKernels.matrix(k, new DMatrixRMaj(0, 3)));
        assertThrows(IllegalArgumentException.class, () -> ExpectedKernels.numerical(Activations.byId("tanh")).value(-1, 1, 0));
        final Activation blowUp = new Activation() {
            @Override
            public String id() {
                return "exp-of-square";
            }

            @Override
            public double value(final double t) {
                return Math.exp(t * t);
            }
        };
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExpectedKernels.forActivation(blowUp).value(1, 1, 0.5))
            .getMessage().contains("exp-of-square"));
    }

    /** x, y in R^4 with ||x||^2 = aa, ||y||^2 = bb, x.y = ab, with every coordinate in play. */
    private static double[][] vectors(final double aa, final double bb, final double ab) {
        final double c1 = ab / Math.sqrt(aa);
        final double c2 = Math.sqrt(Math.max(0, bb - c1 * c1));
        final double[] e1 = {0.5, 0.5, 0.5, 0.5};
        final double[] e2 = {0.5, -0.5, 0.5, -0.5};
        final double[] x = new double[4];
        final double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = Math.sqrt(aa) * e1[i];
            y[i] = c1 * e1[i] + c2 * e2[i];
        }
        return new double[][] {x, y};
    }

    /**
     * p x n Gaussian data with column norms about uniform in [lo, hi], column 1 a duplicate of column 0
     * and column 2 zero.
     */
    private static DMatrixRMaj data(final int p, final int n, final long seed, final double lo, final double hi) {
        final Rng rng = new Rng(seed);
        final DMatrixRMaj x = new DMatrixRMaj(p, n);
        for (int j = 0; j < n; j++) {
            final double s = (lo + (hi - lo) * rng.uniform()) / Math.sqrt(p);
            for (int i = 0; i < p; i++) {
                x.set(i, j, s * rng.gaussian());
            }
        }
        if (n >= 3) {
            for (int i = 0; i < p; i++) {
                x.set(i, 1, x.get(i, 0));
                x.set(i, 2, 0);
            }
        }
        return x;
    }

    private static double dot(final DMatrixRMaj x, final int i, final int j) {
        double s = 0;
        for (int k = 0; k < x.numRows; k++) {
            s += x.get(k, i) * x.get(k, j);
        }
        return s;
    }

    private static double norm2(final DMatrixRMaj x, final int i) {
        return dot(x, i, i);
    }

    /**
     * E[sigma(u) sigma(v)] for sigma positively homogeneous of degree d, (u, v) = rho (A(theta), B(theta)),
     * A = sqrt(aa) cos theta, B = c1 cos theta + c2 sin theta: E[rho^{2d}] = 2^d d! (rho^2 ~ chi^2_2) times the
     * angular mean, integrated piecewise between the zeros of A and B with 24-point Gauss–Legendre.
     */
    private static double angular(final Activation a, final int d, final double aa, final double bb, final double ab) {
        final double sa = Math.sqrt(aa);
        final double r = ExpectedKernels.correlation(aa, bb, ab);
        final double c1 = Math.sqrt(bb) * r;
        final double c2 = Math.sqrt(bb) * Math.sqrt((1 - r) * (1 + r));
        final List<Double> cuts = new ArrayList<>(List.of(0.0, 2 * Math.PI, Math.PI / 2, 3 * Math.PI / 2));
        final double zero = Math.atan2(-c1, c2);
        for (double z : new double[] {zero, zero + Math.PI, zero + 2 * Math.PI, zero - Math.PI}) {
            if (z > 0 && z < 2 * Math.PI) {
                cuts.add(z);
            }
        }
        cuts.sort(null);
        final GaussLegendre rule = new GaussLegendre(24);
        double sum = 0;
        for (int c = 0; c + 1 < cuts.size(); c++) {
            final double lo = cuts.get(c);
            final double hi = cuts.get(c + 1);
            for (int i = 0; i < rule.order(); i++) {
                final double t = rule.node(i, lo, hi);
                sum += rule.weight(i, lo, hi) * a.value(sa * Math.cos(t)) * a.value(c1 * Math.cos(t) + c2 * Math.sin(t));
            }
        }
        return (d == 0 ? 1 : 2) * sum / (2 * Math.PI);
    }
}
