package org.rmtlab.core.resolvent;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;

/**
 * Linear ridge on a data set: the HMRT theory ({@link LinearRidgeRisk}) at the data's own c = p/n beside ridge
 * actually fitted on the data ({@link RidgeFit}), over a grid of penalties.
 *
 * <p>What is compared: the data are centred by the training means (features and target; the test set by the
 * same means), which is ridge with an unpenalised intercept. The theory is that of the
 * {@link IsotropicLinearModel} with the data's feature variance v and a signal variance tau^2 and noise s that
 * are either given or estimated from the training data (least squares when at least {@value #MIN_RESIDUAL_DOF}
 * residual degrees of freedom remain, Dicker's moments otherwise): test error = R(lambda/v) + s^2, the
 * expected squared error on a new sample, and training error from {@link LinearRidgeRisk#trainError}. The fit
 * gives the actual training and test errors on these data. They agree (up to O(n^{-1/2}) fluctuations) when the
 * features are close to independent with equal variances and the target close to linear in them; for
 * correlated features the theory is the isotropic reference only. The intercept costs one degree of freedom,
 * an O(1/n) effect left out of the theory.
 *
 * <p>Non-isotropic designs (random ReLU features, strongly correlated or unequal columns) are detected from
 * the spectrum of the fit's own eigendecomposition ({@link DesignIsotropy}, no extra cost): there the isotropic
 * theory can be off by orders of magnitude (random ReLU features at N = n = 512: 0.0085 against a fitted test
 * error of 4.0 at lambda = 1e-4, Dicker's moments putting all of the target into signal), so the theory
 * columns switch to generalised cross-validation ({@link Theory#CROSS_VALIDATION}), 3.5 there.
 */
public final class LinearRidgeSweep {

    /**
     * One penalty.
     *
     * @param ratio c = p/n
     * @param p features
     * @param lambda the penalty of the fit (in the units of the data)
     * @param trainTheory training error of the theory
     * @param testTheory test error of the theory, R + s^2
     * @param bias the bias part of R
     * @param variance the variance part of R
     * @param trainFit training error of ridge fitted on the data
     * @param testFit test error of the fit on the test set (NaN without one)
     */
    public record Point(double ratio, int p, double lambda, double trainTheory, double testTheory, double bias,
        double variance, double trainFit, double testFit) {
    }

    /** Where the theory's signal variance and noise come from. */
    public enum Source {
        /** Given by the caller. */
        GIVEN,
        /** Least squares on the training data ({@link IsotropicLinearModel#leastSquares}): enough samples. */
        LEAST_SQUARES,
        /** Dicker's moments ({@link IsotropicLinearModel#moments}): too few samples for least squares. */
        MOMENTS
    }

    /**
     * Least squares estimates the noise when at least this many residual degrees of freedom remain (relative
     * standard deviation of s^2 at most sqrt(2/20) = 0.32); below, the moments, which work for any p/n.
     */
    public static final int MIN_RESIDUAL_DOF = 20;

    /** What the theory columns hold. */
    public enum Theory {
        /** HMRT's isotropic theory: the design passed {@link DesignIsotropy#isotropic()}. */
        ISOTROPIC,
        /**
         * The design is far from isotropic, so the isotropic theory and Dicker's moments do not apply: the test
         * column holds the generalised cross-validation estimate E_train / (1 - df / (n - 1))^2 of the test error
         * (df the trace of the ridge smoother, n - 1 samples after the intercept), consistent for ridge under any
         * feature covariance (Patil, Wei, Rinaldo and Tibshirani 2021, AISTATS, Thm 3; for the ridgeless limit
         * Hastie et al. 2022, Sec. 7); NaN where the fit interpolates (lambda = 0, p &gt;= n - 1), and no training
         * theory (NaN).
         */
        CROSS_VALIDATION
    }

    /**
     * A jackknife standard error of s^2 above this fraction of the estimate (or any error on an estimate
     * clipped to 0) makes the moment estimate of the noise {@link Result#noiseUncertain() uncertain}.
     */
    public static final double MAX_RELATIVE_NOISE_ERROR = 0.5;

    /**
     * @param model the model of the theory (estimated or given signal and noise)
     * @param source where the signal and noise come from
     * @param points one per penalty, in the order given
     * @param isotropy the design's spectrum against Marchenko-Pastur
     * @param theory what the theory columns hold
     * @param noiseStandardError the jackknife standard error of the estimated s^2
     *        ({@link IsotropicLinearModel#momentNoiseStandardError}) with {@link Source#MOMENTS}, else NaN
     */
    public record Result(IsotropicLinearModel model, Source source, List<Point> points, DesignIsotropy isotropy,
        Theory theory, double noiseStandardError) {
        public Result {
            points = List.copyOf(points);
        }

        /**
         * Whether Dicker's moments left the noise variance too uncertain for the theory: near p/n = 1 the
         * ridgeless risk s^2 c / |1 - c| is dominated by it, so an s^2 of 0 +- 0.2 gives a theory that can be
         * off by any factor there.
         */
        public boolean noiseUncertain() {
            final double s2 = model.noise() * model.noise();
            return source == Source.MOMENTS && noiseStandardError > MAX_RELATIVE_NOISE_ERROR * s2;
        }

        /**
         * The penalty of least predicted test error: the isotropic model's optimum (any lambda) or, for
         * cross-validation, the grid's penalty of least estimate; NaN when no estimate exists.
         */
        public double bestPenalty() {
            if (theory == Theory.ISOTROPIC) {
                return model.optimalPenalty(points.get(0).ratio());
            }
            double best = Double.NaN;
            double least = Double.POSITIVE_INFINITY;
            for (Point q : points) {
                if (q.testTheory() < least) {
                    least = q.testTheory();
                    best = q.lambda();
                }
            }
            return best;
        }
    }

    private LinearRidgeSweep() {
    }

    /** With the signal variance and noise estimated from the training data. */
    public static Result run(final DMatrixRMaj x, final double[] y, final DMatrixRMaj xTest, final double[] yTest,
        final double[] lambdas, final Progress progress) throws CancelledException {
        return run(x, y, xTest, yTest, lambdas, null, progress);
    }

    /**
     * With a given signal variance tau^2 = Var(x^T beta*) and noise standard deviation s.
     *
     * @param x p x n training data, samples as columns (not modified)
     * @param xTest p x n_test test data, or null for training errors only
     * @param lambdas penalties, each >= 0 (0: minimum-norm least squares)
     */
    public static Result run(final DMatrixRMaj x, final double[] y, final DMatrixRMaj xTest, final double[] yTest,
        final double[] lambdas, final double signal, final double noise, final Progress progress)
        throws CancelledException {
        Check.nonNegative("signal variance tau^2", signal);
        Check.nonNegative("noise standard deviation s", noise);
        return run(x, y, xTest, yTest, lambdas, new double[] {signal, noise}, progress);
    }

    private static Result run(final DMatrixRMaj x, final double[] y, final DMatrixRMaj xTest, final double[] yTest,
        final double[] lambdas, final double[] given, final Progress progress) throws CancelledException {
        RidgeInputs.check(x, y, xTest, yTest);
        Check.that(lambdas != null && lambdas.length > 0, "Give at least one penalty.");
        for (double l : lambdas) {
            Check.nonNegative("lambda (ridge penalty)", l);
        }
        final int p = x.numRows;
        final int n = x.numCols;
        final boolean test = xTest != null && xTest.numCols > 0;
        Memory.require(String.format("centred copies of the data (p = %d, n = %d, n_test = %d)", p, n,
            test ? xTest.numCols : 0), Memory.doubles(p, n + (test ? xTest.numCols : 0), 1));
        final double[] featureMeans = rowMeans(x);
        final double targetMean = Stats.mean(y);
        final DMatrixRMaj xc = centred(x, featureMeans);
        final double[] yc = shifted(y, targetMean);
        final DMatrixRMaj xtc = test ? centred(xTest, featureMeans) : null;
        final double[] ytc = test ? shifted(yTest, targetMean) : null;
        final RidgeFit fitter = new RidgeFit(xc, yc, xtc, ytc, progress.sub(0, 0.95));
        final List<RidgeFit.Errors> fit = fitter.errors(lambdas);
        final Source source;
        final IsotropicLinearModel estimate;
        if (given != null) {
            source = Source.GIVEN;
            estimate = new IsotropicLinearModel(IsotropicLinearModel.featureVariance(xc), given[0], given[1]);
        } else if (n - 1 - fitter.rank() >= MIN_RESIDUAL_DOF) {
            source = Source.LEAST_SQUARES;
            final double rss = n * fitter.errors(new double[] {0}).get(0).train();
            estimate = IsotropicLinearModel.leastSquares(xc, yc, rss, fitter.rank(), true);
        } else {
            source = Source.MOMENTS;
            estimate = IsotropicLinearModel.moments(xc, yc);
        }
        final double ratio = p / (double) n;
        final DesignIsotropy isotropy = DesignIsotropy.of(fitter.eigenvalues(), p, n);
        final LinearRidgeRisk theory = estimate.risk(ratio);
        final double s2 = estimate.noise() * estimate.noise();
        final List<Point> points = new ArrayList<>(lambdas.length);
        for (int k = 0; k < lambdas.length; k++) {
            if (!isotropy.isotropic()) {
                // centred data: n - 1 samples, df over the same n - 1 dimensions
                final double free = 1 - fitter.degreesOfFreedom(lambdas[k]) / (n - 1);
                final double gcv = free <= 1e-12 ? Double.NaN : fit.get(k).train() * n / (n - 1) / (free * free);
                points.add(new Point(ratio, p, lambdas[k], Double.NaN, gcv, Double.NaN, Double.NaN, fit.get(k).train(),
                    fit.get(k).test()));
                continue;
            }
            final double unit = estimate.unitPenalty(lambdas[k]);
            final LinearRidgeRisk.Risk r = theory.at(unit);
            points.add(new Point(ratio, p, lambdas[k], theory.trainError(unit), r.total() + s2, r.bias(), r.variance(),
                fit.get(k).train(), fit.get(k).test()));
        }
        progress.report(1, "done");
        return new Result(estimate, source, points, isotropy,
            isotropy.isotropic() ? Theory.ISOTROPIC : Theory.CROSS_VALIDATION,
            source == Source.MOMENTS ? IsotropicLinearModel.momentNoiseStandardError(xc, yc) : Double.NaN);
    }

    private static double[] rowMeans(final DMatrixRMaj x) {
        final double[] means = new double[x.numRows];
        for (int i = 0; i < x.numRows; i++) {
            double s = 0;
            for (int j = 0; j < x.numCols; j++) {
                s += x.unsafe_get(i, j);
            }
            means[i] = s / x.numCols;
        }
        return means;
    }

    private static DMatrixRMaj centred(final DMatrixRMaj x, final double[] means) {
        final DMatrixRMaj c = new DMatrixRMaj(x.numRows, x.numCols);
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                c.unsafe_set(i, j, x.unsafe_get(i, j) - means[i]);
            }
        }
        return c;
    }

    private static double[] shifted(final double[] v, final double shift) {
        final double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - shift;
        }
        return out;
    }
}
