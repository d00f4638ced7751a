package org.rmtlab.core.resolvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.ExpectedKernels;
import org.rmtlab.core.kernel.RandomFeatures;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.Outliers;
import org.rmtlab.core.spectrum.SampleCovarianceLaw;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * {@link NonlinearGramSpectrum#law} and {@link NonlinearGramSpectrum#ofFeatureBulk}: the same law by two solvers,
 * the two sides, the centred kernel, and against the eigenvalues of simulated random features.
 */
class NonlinearGramLawTest {
    private static final Activation RELU = Activations.byId("relu");

    private static DMatrixRMaj data(final DataModel model, final int p, final int n, final long seed) {
        return DataGenerator.generate(new DataSpec(model, n, 0, p, 4, 0.1, Scale.NORMALISED, seed)).train().x();
    }

    /**
     * The law through the Silverstein equation (population eig(c K), ratio n/N) equals the law of the class's
     * own solver of delta(z) for a ReLU kernel: distribution function to 1e-6 at points across the support (the
     * class's solver takes boundary values at Im z = 1e-9 of the scale: O(1e-9) in F; the quadrature of the
     * Silverstein law is accurate to 1e-13), for N below and above n. The Gram side has the class's atom.
     */
    @Test
    void silversteinFormIsTheNonlinearGramLaw() throws Exception {
        final DMatrixRMaj x = data(DataModel.GAUSSIAN, 40, 60, 3);
        for (double c : new double[] {0.5, 2.0}) {
            final NonlinearGramSpectrum s = NonlinearGramSpectrum.of(RELU, x, c);
            final SampleCovarianceLaw law = s.law(SampleMatrix.GRAM, Progress.NONE);
            assertEquals(s.atomAtZero(), law.atom(), 1e-15);
            final double top = law.upperEdge();
            for (int i = 1; i <= 40; i++) {
                final double at = 1.05 * top * i / 40;
                assertEquals(s.cdf(at), law.cdf(at), 1e-6, "c = " + c + ", x = " + at);
            }
        }
    }

    /**
     * The N x N side (1/n) Sigma Sigma^T has the n nonzero eigenvalues of the n x n side and N - n more zeros:
     * N F_cov(x) - N = n F_gram(x) - n for x >= 0, so F_cov = 1 - (n/N)(1 - F_gram), the atom (1 - n/N)^+,
     * and the densities relate by f_cov = (n/N) f_gram. Checked for N = 2n and N = n/2.
     */
    @Test
    void covarianceSideHasTheSameNonzeroEigenvalues() throws Exception {
        final DMatrixRMaj x = data(DataModel.GAUSSIAN, 30, 50, 4);
        for (double c : new double[] {2.0, 0.5}) {
            final NonlinearGramSpectrum s = NonlinearGramSpectrum.of(RELU, x, c);
            final SampleCovarianceLaw gram = s.law(SampleMatrix.GRAM, Progress.NONE);
            final SampleCovarianceLaw cov = s.law(SampleMatrix.COVARIANCE, Progress.NONE);
            assertEquals(Math.max(0, 1 - 1 / c), cov.atom(), 1e-15);
            assertEquals(gram.upperEdge(), cov.upperEdge(), 1e-12 * gram.upperEdge());
            for (int i = 1; i <= 20; i++) {
                final double at = gram.upperEdge() * i / 21;
                assertEquals(1 - (1 - gram.cdf(at)) / c, cov.cdf(at), 1e-10, "c = " + c + ", x = " + at);
                assertEquals(gram.density(at) / c, cov.density(at), 1e-9 * (1 + gram.density(at)));
            }
        }
    }

    /**
     * H^T K H with the Householder basis H of the complement of the ones: its eigenvalues are those of the
     * doubly centred (I - 11^T/n) K (I - 11^T/n) without the zero along 1 (the two share their spectrum), checked
     * through the trace and the trace of the square to 1e-10.
     */
    @Test
    void complementOfOnesIsTheDoublyCentredKernel() {
        final int n = 25;
        final DMatrixRMaj k = ExpectedKernels.matrix(ExpectedKernels.forActivation(RELU), data(DataModel.MIXTURE, 10,
            n, 5));
        final DMatrixRMaj h = NonlinearGramSpectrum.complementOfOnes(k);
        assertEquals(n - 1, h.numRows);
        final DMatrixRMaj centring = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.add(centring, -1.0 / n, ones(n), centring);
        final DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        final DMatrixRMaj centred = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(centring, k, tmp);
        CommonOps_DDRM.mult(tmp, centring, centred);
        assertEquals(CommonOps_DDRM.trace(centred), CommonOps_DDRM.trace(h), 1e-10);
        assertEquals(CommonOps_DDRM.elementSum(square(centred)), CommonOps_DDRM.elementSum(square(h)), 1e-10);
    }

    private static DMatrixRMaj ones(final int n) {
        final DMatrixRMaj o = new DMatrixRMaj(n, n);
        CommonOps_DDRM.fill(o, 1);
        return o;
    }

    private static DMatrixRMaj square(final DMatrixRMaj a) {
        final DMatrixRMaj out = a.copy();
        CommonOps_DDRM.elementMult(out, a);
        return out;
    }

    /**
     * Against simulation at p = 128, n = 256, N = 256 (one draw of W), ReLU features of Gaussian data (Gram side)
     * and of two-class mixture data (covariance side; with N = n both sides hold the same eigenvalues), centred
     * or not: the Kolmogorov distance to the bulk law is O(1/n) in the bulk plus O(n^{-2/3}) at the edges plus at
     * most 2/n from the rank-one mean (measured 0.016 and 0.010, centred 0.016 and 0.012); allowed 0.03. The mean
     * of the ReLU features creates one eigenvalue near N mu0^2 = 256/(2 pi) = 41 (measured 40.5 and 42.3), far
     * beyond the bulk's upper edge (2.5 and 3.5): exactly one outlier above the bulk at the default margin of 4
     * Tracy–Widom scales, within 10% of N mu0^2 (the bulk's push adds O(1)). Centring each feature over the
     * samples removes it: no outlier.
     */
    @Test
    void reluFeaturesFollowTheBulkLawWithTheMeanAsOutlier() throws Exception {
        final int p = 128;
        final int n = 256;
        final int bigN = 256;
        for (DataModel model : new DataModel[] {DataModel.GAUSSIAN, DataModel.MIXTURE}) {
            final DMatrixRMaj x = data(model, p, n, 8);
            final DMatrixRMaj f = RandomFeatures.map(RELU, RandomFeatures.weights(bigN, p, new Rng(9)), x);
            final SampleMatrix side = model == DataModel.GAUSSIAN ? SampleMatrix.GRAM : SampleMatrix.COVARIANCE;
            final EmpiricalSpectrum e = EmpiricalSpectrum.of(f, side, Progress.NONE);
            final SampleCovarianceLaw law =
                NonlinearGramSpectrum.ofFeatureBulk(RELU, x, bigN, false, Progress.NONE).law(side, Progress.NONE);
            final String what = model.id() + ", " + side.id();
            assertTrue(e.kolmogorovDistance(law) < 0.03, what + ": KS " + e.kolmogorovDistance(law));
            final Outliers o = e.outliers(law, EmpiricalSpectrum.DEFAULT_EDGE_MARGIN);
            assertEquals(1, o.above().length, what + ": outliers above " + java.util.Arrays.toString(o.above()));
            assertEquals(bigN / (2 * Math.PI), o.above()[0], 0.1 * bigN / (2 * Math.PI), what);
            assertTrue(law.upperEdge() < 5, what + ": bulk edge " + law.upperEdge());
            // centred features (the node's "subtract means"): spectrum of a N x (n - 1) matrix, 1/(n - 1)
            final EmpiricalSpectrum c = EmpiricalSpectrum.of(centredGramEigenvalues(f), bigN, n - 1, SampleMatrix.GRAM);
            final SampleCovarianceLaw centred = NonlinearGramSpectrum.ofFeatureBulk(RELU, x, bigN, true, Progress.NONE)
                .law(SampleMatrix.GRAM, Progress.NONE);
            assertTrue(c.kolmogorovDistance(centred) < 0.03, model.id() + " centred: KS " + c.kolmogorovDistance(centred));
            assertEquals(0, c.outliers(centred, EmpiricalSpectrum.DEFAULT_EDGE_MARGIN).above().length, model.id());
        }
    }

    /** Eigenvalues of F_c^T F_c/(n - 1) for the row-centred F, without the zero along the ones. */
    private static double[] centredGramEigenvalues(final DMatrixRMaj f) throws Exception {
        final int n = f.numCols;
        final DMatrixRMaj c = f.copy();
        for (int i = 0; i < f.numRows; i++) {
            double mean = 0;
            for (int j = 0; j < n; j++) {
                mean += f.get(i, j) / n;
            }
            for (int j = 0; j < n; j++) {
                c.set(i, j, (f.get(i, j) - mean) * Math.sqrt(n / (n - 1.0)));
            }
        }
        final double[] all = EmpiricalSpectrum.eigenvalues(c, SampleMatrix.GRAM, Progress.NONE);
        java.util.Arrays.sort(all);
        return java.util.Arrays.copyOfRange(all, 1, all.length);
    }

    /** Linear features of data with fewer dimensions than samples: K is singular, refused with the way out. */
    @Test
    void singularKernelIsRefused() {
        final NonlinearGramSpectrum s = NonlinearGramSpectrum.of(Activations.byId("linear"),
            data(DataModel.GAUSSIAN, 10, 30, 1), 1.0);
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> s.law(SampleMatrix.GRAM, Progress.NONE));
        assertTrue(e.getMessage().contains("Marchenko-Pastur"), e.getMessage());
    }
}
