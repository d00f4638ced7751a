package org.rmtlab.core.resolvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.spectrum.PopulationSpectrum;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

class LinearRidgeRiskTest {
    private static final double SIGNAL = 1;
    private static final double NOISE = 0.5;

    @Test
    void ridgelessLimitsAreTheClosedForms() {
        final double s2 = NOISE * NOISE;
        for (double c : new double[] {0.3, 0.5, 2, 4}) {
            final double bias = c < 1 ? 0 : SIGNAL * (1 - 1 / c);
            final double variance = c < 1 ? s2 * c / (1 - c) : s2 / (c - 1);
            for (LinearRidgeRisk risk : new LinearRidgeRisk[] {LinearRidgeRisk.isotropic(c, SIGNAL, NOISE),
                LinearRidgeRisk.of(PopulationSpectrum.identity(), c, SIGNAL, NOISE)}) {
                final LinearRidgeRisk.Risk r = risk.at(0);
                assertEquals(bias, r.bias(), 1e-13, "ridgeless bias, c = " + c);
                assertEquals(variance, r.variance(), 1e-13, "ridgeless variance, c = " + c);
                // lambda -> 0+ is continuous: B, V move by O(lambda) (O(lambda^2) for the bias at c < 1)
                final LinearRidgeRisk.Risk near = risk.at(1e-9);
                assertEquals(bias, near.bias(), 1e-8, "bias at lambda = 1e-9, c = " + c);
                assertEquals(variance, near.variance(), 1e-8, "variance at lambda = 1e-9, c = " + c);
            }
        }
        assertEquals(Double.POSITIVE_INFINITY, LinearRidgeRisk.isotropic(1, SIGNAL, NOISE).at(0).variance());
        assertEquals(Double.POSITIVE_INFINITY,
            LinearRidgeRisk.of(PopulationSpectrum.identity(), 1, SIGNAL, NOISE).at(0).variance());
    }

    @Test
    void generalCovarianceWithIdentityIsTheIsotropicClosedForm() {
        for (double c : new double[] {0.3, 1, 2.5}) {
            final LinearRidgeRisk iso = LinearRidgeRisk.isotropic(c, SIGNAL, NOISE);
            final LinearRidgeRisk gen = LinearRidgeRisk.of(PopulationSpectrum.identity(), c, SIGNAL, NOISE);
            for (double lambda : new double[] {1e-4, 0.01, 0.3, 1, 10, 1e3}) {
                final LinearRidgeRisk.Risk a = iso.at(lambda);
                final LinearRidgeRisk.Risk b = gen.at(lambda);
                assertEquals(a.bias(), b.bias(), 1e-11 * (1e-3 + a.bias()), "bias, c = " + c + ", lambda = " + lambda);
                assertEquals(a.variance(), b.variance(), 1e-11 * (1e-3 + a.variance()), "variance, c = " + c);
            }
        }
    }

    @Test
    void olsVarianceDoesNotDependOnSigmaAndLargePenaltiesKeepOnlyTheSignal() {
        // HMRT Thm 1: for c < 1 the least-squares risk is s^2 c/(1 - c) whatever Sigma; as lambda -> inf the
        // estimate vanishes and the risk is ||beta*||_Sigma^2 = r^2 tr(Sigma)/p
        final PopulationSpectrum h = PopulationSpectrum.twoPoint(1, 4, 0.3);
        final LinearRidgeRisk under = LinearRidgeRisk.of(h, 0.4, SIGNAL, NOISE);
        assertEquals(0, under.at(0).bias(), 1e-13);
        assertEquals(NOISE * NOISE * 0.4 / 0.6, under.at(0).variance(), 1e-13);
        for (double c : new double[] {0.4, 3}) {
            final LinearRidgeRisk.Risk far = LinearRidgeRisk.of(h, c, SIGNAL, NOISE).at(1e7);
            assertEquals(SIGNAL * h.mean(), far.bias(), 1e-5, "bias at lambda -> inf, c = " + c);
            assertEquals(0, far.variance(), 1e-10, "variance at lambda -> inf, c = " + c);
        }
    }

    @Test
    void riskIsSmallestAtTheBayesPenalty() {
        // Dobriban and Wager (2018): lambda* = s^2 c / r^2 for any Sigma, so dR/dlambda = 0 there
        for (PopulationSpectrum h : new PopulationSpectrum[] {PopulationSpectrum.identity(),
            PopulationSpectrum.twoPoint(1, 4, 0.3)}) {
            for (double c : new double[] {0.5, 2}) {
                final LinearRidgeRisk risk = LinearRidgeRisk.of(h, c, SIGNAL, NOISE);
                final double best = risk.optimalLambda();
                assertEquals(NOISE * NOISE * c / SIGNAL, best, 1e-15);
                final double r0 = risk.at(best).total();
                final double slope = (risk.at(best * 1.001).total() - risk.at(best * 0.999).total()) / (0.002 * best);
                assertEquals(0, slope, 1e-6, "dR/dlambda at lambda*, c = " + c + ", " + h);
                assertTrue(risk.at(best * 1.3).total() > r0 && risk.at(best / 1.3).total() > r0, "minimum at lambda*");
            }
        }
    }

    /**
     * Theory vs simulation. Tolerance: 4 standard errors of the mean over trials plus the finite-size
     * correction of the deterministic equivalents, O(1/n) relative; e.g. the exact ridgeless variances
     * s^2 p/(n - p - 1) (c < 1) and s^2 n/(p - n - 1) (c > 1) differ from the limits by 1/(n |1 - c|) relative,
     * 2/n at c = 1/2 and 1/n at c = 2; we allow 3/n.
     */
    private static void assertMatches(final LinearRidgeRisk theory, final List<LinearRidgeSimulation.Point> sim,
        final int n, final String where) {
        for (LinearRidgeSimulation.Point s : sim) {
            final LinearRidgeRisk.Risk r = theory.at(s.lambda());
            final String at = where + ", lambda = " + s.lambda();
            assertEquals(r.bias(), s.bias(), 4 * s.biasError() + 3.0 / n * r.bias() + 1e-12, "bias, " + at);
            assertEquals(r.variance(), s.variance(), 4 * s.varianceError() + 3.0 / n * r.variance(), "variance, " + at);
            assertEquals(r.total(), s.risk(), 4 * s.riskError() + 3.0 / n * r.total(), "risk, " + at);
        }
    }

    @Test
    void theoryMatchesSimulationInBothRegimes() throws CancelledException {
        final double[] lambdas = {0, 0.05, 0.5, 2};
        final int n = 200;
        final int trials = 10;
        final PopulationSpectrum iso = PopulationSpectrum.identity();
        assertMatches(LinearRidgeRisk.isotropic(0.5, SIGNAL, NOISE),
            new LinearRidgeSimulation(iso, n, 100, SIGNAL, NOISE).run(lambdas, trials, 1, Progress.NONE), n, "c = 0.5");
        assertMatches(LinearRidgeRisk.isotropic(2, SIGNAL, NOISE),
            new LinearRidgeSimulation(iso, n, 400, SIGNAL, NOISE).run(lambdas, trials, 2, Progress.NONE), n, "c = 2");
        final PopulationSpectrum h = PopulationSpectrum.twoPoint(1, 4, 0.5);
        assertMatches(LinearRidgeRisk.of(h, 2, SIGNAL, NOISE),
            new LinearRidgeSimulation(h, n, 400, SIGNAL, NOISE).run(lambdas, trials, 3, Progress.NONE), n,
            "two-point, c = 2");
        assertMatches(LinearRidgeRisk.of(h, 0.5, SIGNAL, NOISE),
            new LinearRidgeSimulation(h, n, 100, SIGNAL, NOISE).run(lambdas, trials, 4, Progress.NONE), n,
            "two-point, c = 0.5");
    }

    @Test
    void simulationIsReproducibleAndItsRiskIsTheSum() throws CancelledException {
        final LinearRidgeSimulation sim = new LinearRidgeSimulation(PopulationSpectrum.identity(), 40, 60, SIGNAL, NOISE);
        final List<LinearRidgeSimulation.Point> a = sim.run(new double[] {0, 1}, 3, 9, Progress.NONE);
        final List<LinearRidgeSimulation.Point> b = sim.run(new double[] {0, 1}, 3, 9, Progress.NONE);
        assertEquals(a, b, "same seed, same result");
        for (LinearRidgeSimulation.Point p : a) {
            assertEquals(p.bias() + p.variance(), p.risk(), 1e-14);
        }
    }

    @Test
    void spectralShortcutEqualsTheDirectFormulas() {
        // bias = lambda^2 b^T Q Sigma Q b, variance = (s^2/n) tr(Sigma Q S Q) with explicit inverses; at
        // lambda = 0 the minimum-norm solution X (X^T X)^{-1} y when p > n, (X X^T)^{-1} X y when p < n
        final Rng rng = new Rng(5);
        for (int[] size : new int[][] {{12, 20}, {20, 12}}) {
            final int p = size[0];
            final int n = size[1];
            final double[] tau = new double[p];
            final double[] beta = new double[p];
            final DMatrixRMaj x = new DMatrixRMaj(p, n);
            for (int i = 0; i < p; i++) {
                tau[i] = 0.5 + i % 3;
                beta[i] = rng.gaussian();
                for (int j = 0; j < n; j++) {
                    x.set(i, j, Math.sqrt(tau[i]) * rng.gaussian());
                }
            }
            final double[] lambdas = {0, 0.3};
            final double[][] fast = LinearRidgeSimulation.conditionalRisk(x, beta, tau, NOISE, lambdas);
            for (int l = 0; l < lambdas.length; l++) {
                // A maps y to the estimate: beta_hat = A y, so bias = ||(A X^T - I) beta||_Sigma^2 and
                // variance = s^2 tr(A^T Sigma A)
                final DMatrixRMaj a;
                if (lambdas[l] > 0) {
                    final DMatrixRMaj s = new DMatrixRMaj(p, p);
                    CommonOps_DDRM.multTransB(1.0 / n, x, x, s);
                    for (int i = 0; i < p; i++) {
                        s.add(i, i, lambdas[l]);
                    }
                    CommonOps_DDRM.invert(s);
                    a = new DMatrixRMaj(p, n);
                    CommonOps_DDRM.mult(1.0 / n, s, x, a);
                } else {
                    a = new DMatrixRMaj(p, n);
                    CommonOps_DDRM.pinv(CommonOps_DDRM.transpose(x, null), a);
                }
                final DMatrixRMaj ax = new DMatrixRMaj(p, p);
                CommonOps_DDRM.multTransB(a, x, ax);
                double bias = 0;
                for (int i = 0; i < p; i++) {
                    double u = -beta[i];
                    for (int k = 0; k < p; k++) {
                        u += ax.get(i, k) * beta[k];
                    }
                    bias += tau[i] * u * u;
                }
                double variance = 0;
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < n; j++) {
                        variance += tau[i] * a.get(i, j) * a.get(i, j);
                    }
                }
                variance *= NOISE * NOISE;
                final String at = p + " x " + n + ", lambda = " + lambdas[l];
                assertEquals(bias, fast[0][l], 1e-10 * (1 + bias), "bias, " + at);
                assertEquals(variance, fast[1][l], 1e-10 * (1 + variance), "variance, " + at);
            }
        }
    }

    /**
     * Limits of the training error (R + s^2)(1 - d)^2: s^2 (1 - c) for least squares below the threshold (the
     * residual keeps n - p of n noise dimensions), 0 for the interpolator at c >= 1, r^2 tr(Sigma)/p + s^2 (the
     * variance of y) as lambda -> inf; the general-Sigma route equals the isotropic closed form for Sigma = I.
     */
    @Test
    void trainErrorLimitsAndBothRoutesAgree() {
        final double s2 = NOISE * NOISE;
        for (double c : new double[] {0.3, 0.8, 1, 1.5, 4}) {
            final LinearRidgeRisk iso = LinearRidgeRisk.isotropic(c, SIGNAL, NOISE);
            final LinearRidgeRisk gen = LinearRidgeRisk.of(PopulationSpectrum.identity(), c, SIGNAL, NOISE);
            assertEquals(c < 1 ? s2 * (1 - c) : 0, iso.trainError(0), 1e-14, "ridgeless, c = " + c);
            assertEquals(c < 1 ? s2 * (1 - c) : 0, gen.trainError(0), 1e-14, "ridgeless (general), c = " + c);
            assertEquals(SIGNAL + s2, iso.trainError(1e8), 1e-6, "lambda -> inf, c = " + c);
            for (double lambda : new double[] {1e-6, 1e-3, 0.1, 1, 30}) {
                assertEquals(iso.degreesOfFreedom(lambda), gen.degreesOfFreedom(lambda), 1e-10,
                    "d, c = " + c + ", lambda = " + lambda);
                assertEquals(iso.trainError(lambda), gen.trainError(lambda), 1e-9 * (1 + iso.trainError(lambda)),
                    "train, c = " + c + ", lambda = " + lambda);
            }
            // continuity at lambda = 0 (away from c = 1, where d -> 1 like sqrt(lambda))
            if (c != 1) {
                assertEquals(iso.trainError(0), iso.trainError(1e-9), 1e-6, "lambda -> 0+, c = " + c);
            }
        }
        final PopulationSpectrum h = PopulationSpectrum.twoPoint(1, 4, 0.3);
        assertEquals(SIGNAL * h.mean() + s2, LinearRidgeRisk.of(h, 0.5, SIGNAL, NOISE).trainError(1e8), 1e-5);
    }

    /**
     * Training error of ridge fitted on data with the two-point covariance (variances 1 and 4), against the
     * equivalent: 8 draws at n = 200. Tolerance: 4 standard errors of the mean over draws plus 3/n relative
     * (finite-size corrections as in {@link #assertMatches}).
     */
    @Test
    void trainErrorMatchesFittedRidge() throws CancelledException {
        final PopulationSpectrum h = PopulationSpectrum.twoPoint(1, 4, 0.5);
        final double[] lambdas = {0, 0.05, 0.5, 2};
        final int n = 200;
        final int trials = 8;
        final Rng rng = new Rng(12);
        for (int p : new int[] {100, 400}) {
            final double[] tau = h.diagonal(p);
            final double[][] train = new double[lambdas.length][trials];
            for (int t = 0; t < trials; t++) {
                final double[] beta = new double[p];
                rng.gaussians(beta, 1);
                double norm = 0;
                for (double b : beta) {
                    norm += b * b;
                }
                final DMatrixRMaj x = new DMatrixRMaj(p, n);
                final double[] y = new double[n];
                for (int j = 0; j < n; j++) {
                    double f = 0;
                    for (int i = 0; i < p; i++) {
                        final double v = Math.sqrt(tau[i]) * rng.gaussian();
                        x.set(i, j, v);
                        f += v * beta[i] * Math.sqrt(SIGNAL / norm);
                    }
                    y[j] = f + NOISE * rng.gaussian();
                }
                final List<RidgeFit.Errors> e = new RidgeFit(x, y, null, null, Progress.NONE).errors(lambdas);
                for (int l = 0; l < lambdas.length; l++) {
                    train[l][t] = e.get(l).train();
                }
            }
            final LinearRidgeRisk theory = LinearRidgeRisk.of(h, p / (double) n, SIGNAL, NOISE);
            for (int l = 0; l < lambdas.length; l++) {
                final double expected = theory.trainError(lambdas[l]);
                assertEquals(expected, Stats.mean(train[l]),
                    4 * Stats.standardError(train[l]) + 3.0 / n * expected + 1e-12,
                    "train error, p = " + p + ", lambda = " + lambdas[l]);
            }
        }
    }

    /**
     * Closed form: limit + correction is the inverse-Wishart mean s^2 p / (n - p - 1) below the threshold and
     * s^2 n / (p - n - 1) above, with the limit from the Marchenko-Pastur transform (rounding only, 1e-12);
     * no finite mean within one of p = n.
     */
    @Test
    void ridgelessVarianceCorrectionCompletesTheLimitToTheWishartMean() {
        final int n = 20;
        for (int p : new int[] {1, 5, 17, 23, 60, 400}) {
            final double limit = LinearRidgeRisk.isotropic(p / (double) n, SIGNAL, NOISE).at(0).variance();
            final double wishart = NOISE * NOISE * (p < n ? p / (n - p - 1.0) : n / (p - n - 1.0));
            assertEquals(wishart, limit + LinearRidgeRisk.ridgelessVarianceCorrection(n, p, NOISE), 1e-12 * wishart,
                "p = " + p);
        }
        assertEquals(NOISE * NOISE * 5 / (15.0 * 14), LinearRidgeRisk.ridgelessVarianceCorrection(n, 5, NOISE), 1e-15);
        for (int p = n - 1; p <= n + 1; p++) {
            assertTrue(Double.isNaN(LinearRidgeRisk.ridgelessVarianceCorrection(n, p, NOISE)), "p = " + p);
        }
        assertThrows(IllegalArgumentException.class, () -> LinearRidgeRisk.ridgelessVarianceCorrection(0, 5, 1));
        assertThrows(IllegalArgumentException.class,
            () -> LinearRidgeRisk.ridgelessVarianceCorrection(20, 5, Double.NaN));
    }

    /**
     * Simulation: the exact finite-n mean, limit + correction, against 4000 simulated designs at n = 20 with p = 5
     * and p = 60: the mean lies within 4 standard errors of it (a Student-t false alarm well below 1e-3), and at
     * least 5 standard errors from the limit alone, so the correction is needed at this precision.
     */
    @Test
    void ridgelessVarianceCorrectionMatchesSimulatedVariance() throws CancelledException {
        final int n = 20;
        for (int p : new int[] {5, 60}) {
            final double limit = LinearRidgeRisk.isotropic(p / (double) n, 1, NOISE).at(0).variance();
            final LinearRidgeSimulation.Point s = new LinearRidgeSimulation(PopulationSpectrum.parse("identity"), n, p,
                1, NOISE).run(new double[] {0}, 4000, 7, Progress.NONE).get(0);
            final double exact = limit + LinearRidgeRisk.ridgelessVarianceCorrection(n, p, NOISE);
            assertEquals(exact, s.variance(), 4 * s.varianceError(), "p = " + p);
            assertTrue(Math.abs(s.variance() - limit) > 5 * s.varianceError(), "p = " + p);
        }
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LinearRidgeRisk.isotropic(0.5, 1, 1).at(-1));
        assertThrows(IllegalArgumentException.class, () -> LinearRidgeRisk.isotropic(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> LinearRidgeRisk.isotropic(0.5, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinearRidgeSimulation(PopulationSpectrum.identity(), 0,
            10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinearRidgeSimulation(PopulationSpectrum.identity(), 10,
            10, 1, 1).run(new double[] {-1}, 2, 1, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.parse("two-point:1:x:0.5"));
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.of(1, -2));
    }
}
