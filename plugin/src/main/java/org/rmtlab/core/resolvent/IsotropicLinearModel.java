package org.rmtlab.core.resolvent;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.linalg.MatrixVector;
import org.rmtlab.core.util.Check;

/**
 * The isotropic linear model behind {@link LinearRidgeRisk#isotropic}, in the units of a data set: samples
 * x ~ N(0, v I_p) and y = x^T beta* + eps with eps ~ N(0, s^2). Ridge with penalty lambda on such data has the
 * risk of the unit-variance model (Sigma = I) at penalty lambda / v with signal
 * ||sqrt(v) beta*||^2 = v ||beta*||^2 = tau^2: rescaling x = sqrt(v) z turns beta_lambda into
 * beta_{lambda/v}(z) / sqrt(v) and leaves every prediction unchanged. So the model is described by the feature variance v, the signal variance tau^2 = Var(x^T beta*)
 * and the noise standard deviation s, all in the units of the data.
 *
 * @param featureVariance v, the variance of each feature (&gt; 0)
 * @param signal tau^2 = Var(x^T beta*), the variance of the noiseless target (&gt;= 0)
 * @param noise s, the standard deviation of the label noise (&gt;= 0)
 */
public record IsotropicLinearModel(double featureVariance, double signal, double noise) {

    public IsotropicLinearModel {
        Check.positive("feature variance v", featureVariance);
        Check.nonNegative("signal variance tau^2", signal);
        Check.nonNegative("noise standard deviation s", noise);
    }

    /**
     * The feature variance of centred data: v = ||X||_F^2 / (n p), the mean of the diagonal of S = (1/n) X X^T.
     *
     * @param x p x n centred data, samples as columns
     */
    public static double featureVariance(final DMatrixRMaj x) {
        Check.that(x != null && x.getNumElements() > 0, "The training data are empty.");
        double sum = 0;
        for (int i = 0; i < x.getNumElements(); i++) {
            sum += x.data[i] * x.data[i];
        }
        final double v = sum / x.getNumElements();
        Check.that(v > 0, "The feature columns do not vary (every value is equal to the column mean): the ridge "
            + "theory needs features with some variance.");
        return v;
    }

    /**
     * Method-of-moments estimates of tau^2 and s^2 for an isotropic Gaussian design, valid for any p/n (Dicker
     * 2014, "Variance estimation in high-dimensional linear models", Biometrika 101(2), Sec. 2). With the
     * standardised design Z = X / sqrt(v), a = ||y||^2 / n and b = ||Z y||^2 / n^2, one has E a = tau^2 + s^2 and
     * E b = ((n + p + 1)/n) tau^2 + (p/n) s^2 (Gaussian fourth moments: E[||z||^2 (z^T beta)^2] = (p + 2)
     * ||beta||^2), so tau^2 = (n/(n + 1)) (b - (p/n) a) and s^2 = a - tau^2 are unbiased for mean-zero data
     * (centred data: O(1/n) off). Sampling noise can push tau^2 outside [0, a]; it is clipped there. Use it when
     * least squares has too few residual degrees of freedom ({@link #leastSquares}); it relies on isotropy.
     *
     * @param x p x n data, samples as columns, mean zero or centred
     * @param y n targets, mean zero or centred
     */
    public static IsotropicLinearModel moments(final DMatrixRMaj x, final double[] y) {
        RidgeInputs.check(x, y, null, null);
        final int n = x.numCols;
        final double v = featureVariance(x);
        final double a = squaredNorm(y) / n;
        final double b = squaredNorm(MatrixVector.times(x, y)) / (v * n * (double) n);
        final double signal = Math.max(0, Math.min(a, momentSignal(x.numRows, n, a, b)));
        return new IsotropicLinearModel(v, signal, Math.sqrt(Math.max(0, a - signal)));
    }

    /**
     * The delete-one jackknife standard error of the noise variance s^2 = a - tau^2 of {@link #moments} (before
     * clipping): with u = X y, leaving out sample i changes ||y||^2 by y_i^2 and ||u||^2 by
     * y_i^2 ||x_i||^2 - 2 y_i x_i . u, so all n estimates cost O(n p) together (the feature variance v is kept
     * at its full-sample value; its fluctuation is O(1/sqrt(n p)), negligible beside that of s^2). Dicker's
     * estimates have standard deviations of order (tau^2 + s^2) sqrt((1 + p/n) / n), so at p ~ n a small
     * noise cannot be told from zero: this says when. The tests compare it with the spread of s^2 over draws.
     *
     * @param x p x n data, samples as columns, mean zero or centred
     * @param y n targets, mean zero or centred
     */
    public static double momentNoiseStandardError(final DMatrixRMaj x, final double[] y) {
        RidgeInputs.check(x, y, null, null);
        final int p = x.numRows;
        final int n = x.numCols;
        Check.that(n >= 3, "The jackknife needs at least 3 samples, not " + n + ".");
        final double v = featureVariance(x);
        final double[] u = MatrixVector.times(x, y);
        final double yy = squaredNorm(y);
        final double uu = squaredNorm(u);
        final double[] xu = new double[n];
        final double[] xx = new double[n];
        for (int i = 0; i < p; i++) {
            final int row = i * n;
            for (int j = 0; j < n; j++) {
                final double t = x.data[row + j];
                xu[j] += t * u[i];
                xx[j] += t * t;
            }
        }
        final int m = n - 1;
        final double[] s2 = new double[n];
        double mean = 0;
        for (int j = 0; j < n; j++) {
            final double a = (yy - y[j] * y[j]) / m;
            final double b = (uu - 2 * y[j] * xu[j] + y[j] * y[j] * xx[j]) / (v * m * (double) m);
            s2[j] = a - momentSignal(p, m, a, b);
            mean += s2[j] / n;
        }
        double ss = 0;
        for (double t : s2) {
            ss += (t - mean) * (t - mean);
        }
        return Math.sqrt(ss * m / n);
    }

    /**
     * Dicker's unbiased tau^2 from a = ||y||^2 / n and b = ||X y||^2 / (v n^2): E b = ((n + p + 1)/n) tau^2
     * + (p/n) s^2 and E a = tau^2 + s^2 give tau^2 = (n/(n + 1)) (b - (p/n) a).
     */
    private static double momentSignal(final int p, final int n, final double a, final double b) {
        return n / (n + 1.0) * (b - p / (double) n * a);
    }

    /**
     * Estimates from a least-squares fit: s^2 = RSS / dof with dof = n - rank (minus one more for centred data, whose
     * mean was fitted too), unbiased for any design when y is linear in x with independent noise (no isotropy
     * needed, unlike {@link #moments}); tau^2 = ||y||^2 / (n or n - 1) - s^2, the unbiased variance of the target
     * minus the noise (clipped at 0).
     *
     * @param x p x n data, samples as columns, mean zero or centred
     * @param y n targets, mean zero or centred like x
     * @param residualSumOfSquares ||y - X^T beta_ls||^2 of the least-squares fit
     * @param rank rank of X (p when its rows are independent)
     * @param centred whether x and y were centred by their means
     */
    public static IsotropicLinearModel leastSquares(final DMatrixRMaj x, final double[] y,
        final double residualSumOfSquares, final int rank, final boolean centred) {
        RidgeInputs.check(x, y, null, null);
        Check.nonNegative("residual sum of squares", residualSumOfSquares);
        final int samples = x.numCols - (centred ? 1 : 0);
        final int dof = samples - rank;
        Check.that(rank >= 0 && dof > 0, "Least squares needs more samples than features to estimate the noise: "
            + "n = " + x.numCols + ", rank " + rank + (centred ? ", plus the mean" : "") + ".");
        final double s2 = residualSumOfSquares / dof;
        return new IsotropicLinearModel(featureVariance(x), Math.max(0, squaredNorm(y) / samples - s2),
            Math.sqrt(s2));
    }

    private static double squaredNorm(final double[] v) {
        double s = 0;
        for (double t : v) {
            s += t * t;
        }
        return s;
    }

    /** The HMRT risk of this model at c = p/n, in unit-variance penalties: evaluate it at {@link #unitPenalty}. */
    public LinearRidgeRisk risk(final double ratio) {
        return LinearRidgeRisk.isotropic(ratio, signal, noise);
    }

    /**
     * The penalty that minimises the test error at c = p/n, in the units of the data: v times
     * {@link LinearRidgeRisk#optimalLambda()}, that is s^2 c v / tau^2 (infinite without signal).
     */
    public double optimalPenalty(final double ratio) {
        return risk(ratio).optimalLambda() * featureVariance;
    }

    /** lambda / v: the penalty of the unit-variance model that has the risk of penalty lambda on this data. */
    public double unitPenalty(final double lambda) {
        return lambda / featureVariance;
    }
}
