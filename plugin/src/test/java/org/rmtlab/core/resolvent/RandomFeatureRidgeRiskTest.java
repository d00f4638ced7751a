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
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.ExpectedKernel;
import org.rmtlab.core.kernel.ExpectedKernels;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

/** Limit cases of the risk equivalents against closed forms computed here by dense linear algebra. */
class RandomFeatureRidgeRiskTest {
    private static final Activation RELU = Activations.byId("relu");

    private static GeneratedData teacher(final int n, final int p, final long seed) {
        return DataGenerator.generate(new DataSpec(DataModel.TEACHER, n, n, p, 0, 0.3, Scale.NORMALISED, seed));
    }

    /**
     * gamma -&gt; infinity: Qbar = I / gamma - Psi / gamma^2 + O(gamma^-3) and delta = O(1/gamma), so
     * E_train = ||y||^2 / n - 2 (N/n) y^T K y / (n gamma) + O(gamma^-2) and
     * E_test = ||y_t||^2 / n_t - 2 (N/n) y_t^T K(X_t, X) y / (n_t gamma) + O(gamma^-2).
     * The scaled first-order coefficients must converge at rate O(||Psi|| / gamma): checked at
     * gamma = 1e3 and 1e5 times ||Psi||, to 1e-2 and 1e-4 relative.
     */
    @Test
    void largeRidgeExpansionMatchesClosedForm() {
        final int n = 120;
        final GeneratedData d = teacher(n, 60, 5);
        final RandomFeatureRidgeRisk risk = RandomFeatureRidgeRisk.of(RELU, d.train(), d.test());
        final ExpectedKernel k = ExpectedKernels.forActivation(RELU);
        final DMatrixRMaj kxx = ExpectedKernels.matrix(k, d.train().x());
        final DMatrixRMaj kTx = KernelMatrices.cross(k, d.test().x(), d.train().x());
        final double[] y = d.train().y();
        final double[] yt = d.test().y();
        final double c = 1.5;
        final double trainSlope = 2 * c * quadratic(y, kxx, y) / n;
        final double testSlope = 2 * c * quadratic(yt, kTx, y) / yt.length;
        final double psiNorm = c * risk.equivalent().kernelEigenvalues()[n - 1];
        double previousError = Double.POSITIVE_INFINITY;
        for (double factor : new double[] {1e3, 1e5}) {
            final double gamma = factor * psiNorm;
            final RidgeRisk r = risk.at(c, gamma);
            final double trainCoefficient = (dot(y, y) / n - r.train()) * gamma;
            final double testCoefficient = (dot(yt, yt) / yt.length - r.test()) * gamma;
            final double error = Math.max(Math.abs(trainCoefficient / trainSlope - 1),
                Math.abs(testCoefficient / testSlope - 1));
            assertTrue(error < 10 / factor, "relative error " + error + " at gamma = " + gamma);
            assertTrue(error < previousError);
            previousError = error;
        }
    }

    /**
     * N/n -&gt; infinity with gamma = lambda N/n: Sigma^T Sigma / N -&gt; K, so random-feature ridge becomes
     * kernel ridge regression with ridge lambda: E_train = lambda^2 / n ||(K + lambda I)^{-1} y||^2 and
     * E_test = (1/n_t) ||y_t - K(X_t, X) (K + lambda I)^{-1} y||^2, computed here by a dense solve. The
     * equivalents approach them at rate O(n/N): relative error below 20 n/N at N/n = 1e2, 1e3, 1e4.
     */
    @Test
    void manyFeaturesGiveKernelRidgeRegression() {
        final int n = 120;
        final GeneratedData d = teacher(n, 60, 6);
        final RandomFeatureRidgeRisk risk = RandomFeatureRidgeRisk.of(RELU, d.train(), d.test());
        final double lambda = 0.05;
        final double[] krr = kernelRidge(RELU, d, lambda);
        for (double c : new double[] {1e2, 1e3, 1e4}) {
            final RidgeRisk r = risk.at(c, lambda * c);
            assertEquals(krr[0], r.train(), 20 / c * krr[0], "train at N/n = " + c);
            assertEquals(krr[1], r.test(), 20 / c * krr[1], "test at N/n = " + c);
            assertEquals(0, r.testVariance(), 20 / c * krr[1]);
        }
    }

    /**
     * The same limit by simulation: random-feature ridge at N/n = 4 and 64 (12 trials each) agrees with
     * the equivalent within 4 standard errors; towards N/n = 64 the simulated test error approaches kernel
     * ridge regression, within 4 standard errors plus 3% (the equivalent's O(n/N) variance term is about
     * 1.6 n/N of the error here).
     */
    @Test
    void simulationWithManyFeaturesApproachesKernelRidge() throws CancelledException {
        final int n = 100;
        final GeneratedData d = teacher(n, 50, 7);
        final double lambda = 0.05;
        final double[] krr = kernelRidge(RELU, d, lambda);
        final RandomFeatureRidgeRisk risk = RandomFeatureRidgeRisk.of(RELU, d.train(), d.test());
        final double[] distance = new double[2];
        final double[] ratios = {4, 64};
        for (int i = 0; i < 2; i++) {
            final double c = ratios[i];
            final RidgeRisk r = risk.at(c, lambda * c);
            final RidgeSimulationResult sim = new RandomFeatureRidgeSimulation(RELU, d.train(), d.test())
                .run(new int[] {(int) (c * n)}, new double[] {lambda * c}, 12, 3, 0, Progress.NONE);
            final double testSe = sim.testStandardError(0, 0);
            assertEquals(r.test(), sim.testMean(0, 0), 4 * testSe, "N/n = " + c);
            assertEquals(r.train(), sim.trainMean(0, 0), 4 * sim.trainStandardError(0, 0), "N/n = " + c);
            distance[i] = Math.abs(sim.testMean(0, 0) - krr[1]);
            if (i == 1) {
                assertEquals(krr[1], sim.testMean(0, 0), 4 * testSe + 0.03 * krr[1]);
            }
        }
        assertTrue(distance[1] < distance[0], "the simulated test error should approach kernel ridge");
    }

    /** The mean prediction on the test set equals the one through dual coefficients and the kernel of new data. */
    @Test
    void predictionsAgree() {
        final GeneratedData d = teacher(80, 40, 8);
        final RandomFeatureRidgeRisk risk = RandomFeatureRidgeRisk.of(RELU, d.train(), d.test());
        final double[] a = risk.predictTest(2, 0.01);
        final double[] b = risk.predict(2, 0.01, d.test().x());
        for (int j = 0; j < a.length; j++) {
            assertEquals(a[j], b[j], 1e-9 * (1 + Math.abs(a[j])));
        }
        double bias = 0;
        for (int j = 0; j < a.length; j++) {
            bias += (d.test().y()[j] - a[j]) * (d.test().y()[j] - a[j]);
        }
        assertEquals(bias / a.length, risk.at(2, 0.01).testBias(), 1e-9 * bias / a.length);
    }

    @Test
    void withoutTestSetOnlyTrainingErrorIsGiven() {
        final GeneratedData d = teacher(40, 20, 9);
        final RidgeRisk r = RandomFeatureRidgeRisk.of(RELU, d.train()).at(1, 0.1);
        assertTrue(Double.isNaN(r.test()));
        assertTrue(r.train() > 0 && Double.isFinite(r.train()));
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        final GeneratedData d = teacher(20, 10, 10);
        final DMatrixRMaj x = d.train().x().copy();
        x.set(0, 0, Double.NaN);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> RandomFeatureRidgeRisk.of(RELU, x, d.train().y(), null, null, Progress.NONE));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> RandomFeatureRidgeRisk.of(RELU, d.train().x(), new double[3], null, null, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> RandomFeatureRidgeRisk.of(RELU, d.train().x(),
            d.train().y(), new DMatrixRMaj(11, 4), new double[4], Progress.NONE));
        final RandomFeatureRidgeRisk risk = RandomFeatureRidgeRisk.of(RELU, d.train(), d.test());
        assertThrows(IllegalArgumentException.class, () -> risk.at(1, -1));
        assertThrows(IllegalArgumentException.class, () -> risk.at(-1, 1));
    }

    /** {train, test} of kernel ridge regression with ridge lambda, by dense solves. */
    static double[] kernelRidge(final Activation sigma, final GeneratedData d, final double lambda) {
        final ExpectedKernel k = ExpectedKernels.forActivation(sigma);
        final DMatrixRMaj kxx = ExpectedKernels.matrix(k, d.train().x());
        final int n = kxx.numRows;
        for (int i = 0; i < n; i++) {
            kxx.add(i, i, lambda);
        }
        final DMatrixRMaj alpha = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.solve(kxx, DMatrixRMaj.wrap(n, 1, d.train().y().clone()), alpha);
        double train = lambda * lambda * dot(alpha.data, alpha.data) / n;
        final DMatrixRMaj kTx = KernelMatrices.cross(k, d.test().x(), d.train().x());
        final DMatrixRMaj pred = new DMatrixRMaj(kTx.numRows, 1);
        CommonOps_DDRM.mult(kTx, alpha, pred);
        double test = 0;
        for (int j = 0; j < pred.numRows; j++) {
            final double r = d.test().y()[j] - pred.data[j];
            test += r * r;
        }
        return new double[] {train, test / pred.numRows};
    }

    private static double quadratic(final double[] a, final DMatrixRMaj m, final double[] b) {
        double s = 0;
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                s += a[i] * m.get(i, j) * b[j];
            }
        }
        return s;
    }

    private static double dot(final double[] a, final double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
