package org.rmtlab.core.resolvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * Linear ridge on data: Dicker's moment estimates, the training-error equivalent and the sweep, against
 * simulation of the isotropic model x ~ N(0, v I), y = x^T beta* + s eps.
 */
class LinearRidgeSweepTest {
    private static final double V = 0.01;
    private static final double TAU2 = 1.5;
    private static final double S = 0.5;

    /** One draw of the model: {X (p x n), y} with Var(x^T beta*) = TAU2 exactly (beta* scaled to the norm). */
    private static Object[] draw(final int p, final int n, final double[] beta, final Rng rng) {
        return draw(p, n, beta, S, rng);
    }

    /** As {@link #draw(int, int, double[], Rng)} with noise standard deviation {@code noise}. */
    private static Object[] draw(final int p, final int n, final double[] beta, final double noise, final Rng rng) {
        final DMatrixRMaj x = new DMatrixRMaj(p, n);
        final double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            double signal = 0;
            for (int i = 0; i < p; i++) {
                final double v = Math.sqrt(V) * rng.gaussian();
                x.set(i, j, v);
                signal += v * beta[i];
            }
            y[j] = signal + noise * rng.gaussian();
        }
        return new Object[] {x, y};
    }

    private static double[] beta(final int p, final Rng rng) {
        final double[] b = new double[p];
        rng.gaussians(b, 1);
        double norm = 0;
        for (double t : b) {
            norm += t * t;
        }
        final double f = Math.sqrt(TAU2 / (V * norm));
        for (int i = 0; i < p; i++) {
            b[i] *= f;
        }
        return b;
    }

    /**
     * Dicker's estimates are unbiased for Gaussian designs: the mean of 40 draws at n = 100 lies within 4
     * standard errors of the truth, for c = 0.5 and c = 2 (tau^2 unclipped: its standard deviation, about 0.3 at
     * c = 2, keeps it well inside [0, a]).
     */
    @Test
    void momentEstimatesAreUnbiased() {
        final Rng rng = new Rng(11);
        for (int p : new int[] {50, 200}) {
            final int trials = 40;
            final double[] tau2 = new double[trials];
            final double[] s2 = new double[trials];
            final double[] v = new double[trials];
            for (int t = 0; t < trials; t++) {
                final Object[] d = draw(p, 100, beta(p, rng), rng);
                final IsotropicLinearModel m = IsotropicLinearModel.moments((DMatrixRMaj) d[0], (double[]) d[1]);
                tau2[t] = m.signal();
                s2[t] = m.noise() * m.noise();
                v[t] = m.featureVariance();
            }
            assertEquals(TAU2, Stats.mean(tau2), 4 * Stats.standardError(tau2), "tau^2, p = " + p);
            assertEquals(S * S, Stats.mean(s2), 4 * Stats.standardError(s2), "s^2, p = " + p);
            assertEquals(V, Stats.mean(v), 4 * Stats.standardError(v), "v, p = " + p);
        }
    }

    /**
     * The jackknife standard error of Dicker's s^2 matches the spread of s^2 over draws: 100 draws at
     * p = n = 300, where least squares has no degrees of freedom left, with s = 1 so that s^2 (about 1 +- 0.3)
     * is never clipped. The standard deviation over 100 draws is itself uncertain by 1/sqrt(2 * 99) = 7%, the mean
     * jackknife error by about 2%, and the jackknife is conservative by O(1/n): 25% is about 3.5 standard errors.
     */
    @Test
    void momentNoiseStandardErrorMatchesTheSpreadOverDraws() {
        final Rng rng = new Rng(17);
        final int p = 300;
        final int draws = 100;
        final double[] s2 = new double[draws];
        final double[] se = new double[draws];
        for (int t = 0; t < draws; t++) {
            final Object[] d = draw(p, p, beta(p, rng), 1.0, rng);
            final DMatrixRMaj x = (DMatrixRMaj) d[0];
            final double[] y = (double[]) d[1];
            final double s = IsotropicLinearModel.moments(x, y).noise();
            s2[t] = s * s;
            se[t] = IsotropicLinearModel.momentNoiseStandardError(x, y);
        }
        final double spread = Stats.standardError(s2) * Math.sqrt(draws);
        assertEquals(1.0, Stats.mean(s2), 4 * Stats.standardError(s2), "s^2 unbiased");
        assertEquals(spread, Stats.mean(se), 0.25 * spread, "jackknife against the spread over draws");
        assertTrue(Stats.mean(se) > 0.15, "at p = n the error is of order (tau^2 + s^2) sqrt(2 / n) * 2: " + spread);
    }

    /**
     * The sweep flags an uncertain noise estimate: at p = n = 100 with s = 0.1 (s^2 = 0.01 against a standard
     * error of about 0.2) the moments cannot tell the noise from 0, while at p = 50, n = 100 least squares
     * estimates it; the best penalty is the isotropic optimum, or the grid's least cross-validation estimate.
     */
    @Test
    void sweepFlagsAnUncertainNoiseEstimate() throws CancelledException {
        final Rng rng = new Rng(19);
        final double[] lambdas = {1e-4, 1e-3, 1e-2, 1e-1};
        final Object[] square = draw(100, 100, beta(100, rng), 0.1, rng);
        final LinearRidgeSweep.Result r = LinearRidgeSweep.run((DMatrixRMaj) square[0], (double[]) square[1], null,
            null, lambdas, Progress.NONE);
        assertEquals(LinearRidgeSweep.Source.MOMENTS, r.source());
        assertTrue(r.noiseUncertain() && r.noiseStandardError() > 0.05, "se " + r.noiseStandardError());
        assertEquals(r.model().optimalPenalty(1.0), r.bestPenalty(), 0.0);
        final Object[] tall = draw(50, 100, beta(50, rng), 0.1, rng);
        final LinearRidgeSweep.Result ls = LinearRidgeSweep.run((DMatrixRMaj) tall[0], (double[]) tall[1], null, null,
            lambdas, Progress.NONE);
        assertEquals(LinearRidgeSweep.Source.LEAST_SQUARES, ls.source());
        assertTrue(Double.isNaN(ls.noiseStandardError()) && !ls.noiseUncertain());
    }

    /**
     * Least squares needs no isotropy: with feature variances V and 4 V alternating (beta* scaled so that
     * Var(x^T beta*) = TAU2), the mean of s^2 and tau^2 over 40 draws at p = 50, n = 100 lies within 4 standard
     * errors of the truth; the sweep picks least squares there (49 residual degrees of freedom) and the moments
     * at p = 90 (9 left).
     */
    @Test
    void leastSquaresEstimatesNeedNoIsotropy() throws CancelledException {
        final Rng rng = new Rng(13);
        final int p = 50;
        final int n = 100;
        final int trials = 40;
        final double[] tau2 = new double[trials];
        final double[] s2 = new double[trials];
        for (int t = 0; t < trials; t++) {
            final double[] beta = new double[p];
            rng.gaussians(beta, 1);
            double signal = 0;
            for (int i = 0; i < p; i++) {
                signal += (i % 2 == 0 ? 1 : 4) * V * beta[i] * beta[i];
            }
            final DMatrixRMaj x = new DMatrixRMaj(p, n);
            final double[] y = new double[n];
            for (int j = 0; j < n; j++) {
                double f = 0;
                for (int i = 0; i < p; i++) {
                    final double v = Math.sqrt((i % 2 == 0 ? 1 : 4) * V) * rng.gaussian();
                    x.set(i, j, v);
                    f += v * beta[i] * Math.sqrt(TAU2 / signal);
                }
                y[j] = f + S * rng.gaussian();
            }
            final RidgeFit fit = new RidgeFit(x, y, null, null, Progress.NONE);
            assertEquals(p, fit.rank());
            final IsotropicLinearModel m = IsotropicLinearModel.leastSquares(x, y,
                n * fit.errors(new double[] {0}).get(0).train(), fit.rank(), false);
            tau2[t] = m.signal();
            s2[t] = m.noise() * m.noise();
        }
        assertEquals(S * S, Stats.mean(s2), 4 * Stats.standardError(s2), "s^2");
        assertEquals(TAU2, Stats.mean(tau2), 4 * Stats.standardError(tau2), "tau^2");
        final Object[] d = draw(90, 100, beta(90, rng), rng);
        assertEquals(LinearRidgeSweep.Source.MOMENTS, LinearRidgeSweep.run((DMatrixRMaj) d[0], (double[]) d[1], null,
            null, new double[] {1}, Progress.NONE).source());
        final Object[] e = draw(50, 100, beta(50, rng), rng);
        assertEquals(LinearRidgeSweep.Source.LEAST_SQUARES, LinearRidgeSweep.run((DMatrixRMaj) e[0], (double[]) e[1],
            null, null, new double[] {1}, Progress.NONE).source());
    }

    /** Exact: rescaling X by k leaves tau^2 and s unchanged and v times k^2; rescaling y by k scales both. */
    @Test
    void estimatesFollowTheUnitsOfTheData() {
        final Rng rng = new Rng(4);
        final Object[] d = draw(30, 60, beta(30, rng), rng);
        final DMatrixRMaj x = (DMatrixRMaj) d[0];
        final double[] y = (double[]) d[1];
        final IsotropicLinearModel m = IsotropicLinearModel.moments(x, y);
        final DMatrixRMaj x3 = x.copy();
        for (int i = 0; i < x3.getNumElements(); i++) {
            x3.data[i] *= 3;
        }
        final IsotropicLinearModel scaledX = IsotropicLinearModel.moments(x3, y);
        assertEquals(9 * m.featureVariance(), scaledX.featureVariance(), 1e-12 * m.featureVariance());
        assertEquals(m.signal(), scaledX.signal(), 1e-12 * m.signal());
        assertEquals(m.noise(), scaledX.noise(), 1e-12 * m.noise());
        final double[] y2 = y.clone();
        for (int j = 0; j < y2.length; j++) {
            y2[j] *= 2;
        }
        final IsotropicLinearModel scaledY = IsotropicLinearModel.moments(x, y2);
        assertEquals(4 * m.signal(), scaledY.signal(), 1e-12 * m.signal());
        assertEquals(2 * m.noise(), scaledY.noise(), 1e-12 * m.noise());
    }

    /**
     * The sweep's theory against ridge fitted on fresh data, averaged over 10 draws at n = 200 (p = 100 and
     * 300), with the true tau^2 and s given. Tolerance: 4 standard errors of the mean over draws (test errors
     * on 400 test samples) plus 5% for the O(1/n) finite-size and intercept corrections (1/n = 0.5%, inflated
     * near the interpolation threshold by 1/|1 - c|).
     */
    @Test
    void theoryMatchesFittedRidgeInBothRegimes() throws CancelledException {
        final double[] lambdas = {0, 1e-3, 1e-2, 0.1};
        final Rng rng = new Rng(7);
        for (int p : new int[] {100, 300}) {
            final int trials = 10;
            final double[][] train = new double[lambdas.length][trials];
            final double[][] test = new double[lambdas.length][trials];
            List<LinearRidgeSweep.Point> theory = null;
            for (int t = 0; t < trials; t++) {
                final double[] beta = beta(p, rng);
                final Object[] d = draw(p, 200, beta, rng);
                final Object[] e = draw(p, 400, beta, rng);
                final LinearRidgeSweep.Result r = LinearRidgeSweep.run((DMatrixRMaj) d[0], (double[]) d[1],
                    (DMatrixRMaj) e[0], (double[]) e[1], lambdas, TAU2, S, Progress.NONE);
                assertEquals(LinearRidgeSweep.Source.GIVEN, r.source());
                theory = r.points();
                for (int l = 0; l < lambdas.length; l++) {
                    train[l][t] = r.points().get(l).trainFit();
                    test[l][t] = r.points().get(l).testFit();
                }
            }
            for (int l = 0; l < lambdas.length; l++) {
                final LinearRidgeSweep.Point pt = theory.get(l);
                final String at = "p = " + p + ", lambda = " + lambdas[l];
                assertEquals(pt.trainTheory(), Stats.mean(train[l]),
                    4 * Stats.standardError(train[l]) + 0.05 * pt.trainTheory() + 1e-12, "train, " + at);
                assertEquals(pt.testTheory(), Stats.mean(test[l]),
                    4 * Stats.standardError(test[l]) + 0.05 * pt.testTheory(), "test, " + at);
                assertEquals(pt.bias() + pt.variance() + S * S, pt.testTheory(), 1e-12);
                assertEquals(p / 200.0, pt.ratio(), 0);
            }
        }
    }

    /** Exact: shifting a feature column or the target by a constant changes nothing (the intercept absorbs it). */
    @Test
    void interceptAbsorbsShifts() throws CancelledException {
        final Rng rng = new Rng(2);
        final double[] beta = beta(20, rng);
        final Object[] d = draw(20, 50, beta, rng);
        final Object[] e = draw(20, 30, beta, rng);
        final DMatrixRMaj x = (DMatrixRMaj) d[0];
        final DMatrixRMaj xt = (DMatrixRMaj) e[0];
        final double[] lambdas = {0, 0.05};
        final LinearRidgeSweep.Result a = LinearRidgeSweep.run(x, (double[]) d[1], xt, (double[]) e[1], lambdas,
            Progress.NONE);
        final DMatrixRMaj xs = x.copy();
        final DMatrixRMaj xts = xt.copy();
        for (int j = 0; j < 50; j++) {
            xs.add(3, j, 7);
        }
        for (int j = 0; j < 30; j++) {
            xts.add(3, j, 7);
        }
        final double[] ys = ((double[]) d[1]).clone();
        final double[] yts = ((double[]) e[1]).clone();
        for (int j = 0; j < ys.length; j++) {
            ys[j] += 5;
        }
        for (int j = 0; j < yts.length; j++) {
            yts[j] += 5;
        }
        final LinearRidgeSweep.Result b = LinearRidgeSweep.run(xs, ys, xts, yts, lambdas, Progress.NONE);
        assertEquals(LinearRidgeSweep.Source.LEAST_SQUARES, a.source());
        assertEquals(a.model().signal(), b.model().signal(), 1e-10);
        assertEquals(a.model().noise(), b.model().noise(), 1e-10);
        for (int l = 0; l < lambdas.length; l++) {
            assertEquals(a.points().get(l).trainFit(), b.points().get(l).trainFit(), 1e-9);
            assertEquals(a.points().get(l).testFit(), b.points().get(l).testFit(), 1e-9);
            assertEquals(a.points().get(l).testTheory(), b.points().get(l).testTheory(), 1e-10);
        }
    }

    /**
     * The optimal penalty in data units is s^2 c v / tau^2, and it is where the sweep's theoretical test error is
     * smallest (a local check of the minimum on a +-20% grid around it).
     */
    @Test
    void optimalPenaltyIsInDataUnits() throws CancelledException {
        final IsotropicLinearModel m = new IsotropicLinearModel(V, TAU2, S);
        assertEquals(S * S * 2 * V / TAU2, m.optimalPenalty(2), 1e-15);
        final Rng rng = new Rng(5);
        final Object[] d = draw(60, 30, beta(60, rng), rng);
        final DMatrixRMaj x = (DMatrixRMaj) d[0];
        final double best = new IsotropicLinearModel(IsotropicLinearModel.featureVariance(x), TAU2, S).optimalPenalty(
            2);
        final List<LinearRidgeSweep.Point> pts = LinearRidgeSweep.run(x, (double[]) d[1], null, null,
            new double[] {best / 1.2, best, best * 1.2}, TAU2, S, Progress.NONE).points();
        assertTrue(pts.get(1).testTheory() < pts.get(0).testTheory() && pts.get(1).testTheory() < pts.get(2)
            .testTheory(), "minimum at the optimal penalty");
        assertTrue(Double.isNaN(pts.get(1).testFit()), "no test set, no fitted test error");
    }

    @Test
    void constantFeaturesAreRefused() {
        final DMatrixRMaj x = new DMatrixRMaj(3, 10);
        x.fill(2);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> LinearRidgeSweep.run(x, new double[10], null, null, new double[] {1}, Progress.NONE));
        assertTrue(e.getMessage().contains("do not vary"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> LinearRidgeSweep.run(new DMatrixRMaj(3, 10), new double[10], null, null, new double[] {-1},
                Progress.NONE));
    }
}
