package org.rmtlab.core.resolvent;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rmtlab.core.spectrum.PopulationSpectrum;
import org.rmtlab.core.spectrum.SymmetricEigen;
import org.rmtlab.core.spectrum.SymmetricProducts;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * Monte-Carlo counterpart of {@link LinearRidgeRisk}: fresh data per trial, the exact conditional bias and
 * variance of each draw (averaged over the noise in closed form, as in HMRT's definitions), then mean and
 * standard error over trials.
 *
 * <p>Draw: Sigma = diag(tau) with tau = {@link PopulationSpectrum#diagonal(int)} (no loss of generality: the
 * law of X and of beta*'s direction is rotation invariant), X = Sigma^{1/2} Z with Z iid N(0, 1) (p x n),
 * beta* = r g/||g||, g ~ N(0, I_p).
 *
 * <p>Solving: one symmetric eigen-decomposition per trial on the smaller side (S = (1/n) X X^T when p <= n,
 * else (1/n) X^T X = U D U^T with the eigenvectors of S in the column space v_i = X u_i / sqrt(n d_i)), then
 * the whole penalty grid: with b_i = v_i^T beta*, a_i = v_i^T Sigma v_i and w_i = d_i / (d_i + lambda),
 * bias = ||beta* - sum_i w_i b_i v_i||_Sigma^2 and variance = (s^2/n) sum_i a_i d_i / (d_i + lambda)^2,
 * O(p min(p, n)) per penalty. Zero eigenvalues (the null space when p > n) drop out, which is the
 * minimum-norm limit at lambda = 0.
 */
public final class LinearRidgeSimulation {
    private final PopulationSpectrum covariance;
    private final int n;
    private final int p;
    private final double signal;
    private final double noise;

    /** Mean and standard error over trials of the bias, variance and risk at one penalty. */
    public record Point(double lambda, double bias, double biasError, double variance, double varianceError,
        double risk, double riskError) {
    }

    public LinearRidgeSimulation(final PopulationSpectrum covariance, final int n, final int p, final double signal,
        final double noise) {
        Check.that(covariance != null, "The population covariance is missing.");
        this.covariance = covariance;
        this.n = Check.positive("n (training samples)", n);
        this.p = Check.positive("p (dimension)", p);
        this.signal = Check.nonNegative("signal ||beta*||^2", signal);
        this.noise = Check.nonNegative("noise (standard deviation)", noise);
        final int m = Math.min(p, n);
        Memory.require(String.format("the ridge simulation (X: %d x %d, eigenvectors: %d x %d)", p, n, p, m),
            Memory.doubles(p, n, 2) + Memory.doubles(p, m, 2) + Memory.doubles(m, m, 3));
    }

    /**
     * Runs the trials for every penalty of the grid.
     *
     * @param lambdas penalties >= 0
     * @param trials independent draws (>= 2 for a standard error; 1 gives NaN errors)
     * @param seed the same seed gives the same result
     */
    public List<Point> run(final double[] lambdas, final int trials, final long seed, final Progress progress)
        throws CancelledException {
        Check.that(lambdas != null && lambdas.length > 0, "The penalty grid is empty.");
        for (double l : lambdas) {
            Check.nonNegative("lambda (ridge penalty)", l);
        }
        Check.positive("trials", trials);
        final int k = lambdas.length;
        final double[][] bias = new double[trials][];
        final double[][] variance = new double[trials][];
        final double[] tau = covariance.diagonal(p);
        final Rng root = new Rng(seed);
        for (int t = 0; t < trials; t++) {
            progress.checkCancelled();
            progress.report(t / (double) trials, "trial " + (t + 1) + " of " + trials);
            final Rng rng = root.split();
            final DMatrixRMaj x = new DMatrixRMaj(p, n);
            for (int i = 0; i < p; i++) {
                final double scale = Math.sqrt(tau[i]);
                for (int j = 0; j < n; j++) {
                    x.unsafe_set(i, j, scale * rng.gaussian());
                }
            }
            final double[] beta = new double[p];
            rng.gaussians(beta, 1);
            double norm = 0;
            for (double b : beta) {
                norm += b * b;
            }
            final double f = Math.sqrt(signal / norm);
            for (int i = 0; i < p; i++) {
                beta[i] *= f;
            }
            final double[][] r = conditionalRisk(x, beta, tau, noise, lambdas);
            bias[t] = r[0];
            variance[t] = r[1];
        }
        progress.report(1, "done");
        final List<Point> out = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            final double[] b = new double[trials];
            final double[] v = new double[trials];
            final double[] sum = new double[trials];
            for (int t = 0; t < trials; t++) {
                b[t] = bias[t][j];
                v[t] = variance[t][j];
                sum[t] = b[t] + v[t];
            }
            out.add(new Point(lambdas[j], mean(b), standardError(b), mean(v), standardError(v), mean(sum),
                standardError(sum)));
        }
        return out;
    }

    /**
     * Bias and variance, conditional on the design, of ridge at each penalty for one draw: X (p x n, columns
     * are samples), beta*, the diagonal of Sigma and the noise standard deviation.
     *
     * @return {bias[], variance[]} over the penalties
     */
    public static double[][] conditionalRisk(final DMatrixRMaj x, final double[] beta, final double[] sigmaDiagonal,
        final double noise, final double[] lambdas) {
        final int p = x.numRows;
        final int n = x.numCols;
        Check.that(beta.length == p && sigmaDiagonal.length == p, "beta* and the diagonal of Sigma need length p = "
            + p + ".");
        final int m = Math.min(p, n);
        final DMatrixRMaj s = p <= n ? SymmetricProducts.outer(x, 1.0 / n) : SymmetricProducts.inner(x, 1.0 / n);
        final EigenDecomposition_F64<DMatrixRMaj> eig = SymmetricEigen.decomposition(m, true);
        if (!eig.decompose(s)) {
            throw new IllegalStateException("The symmetric eigen-decomposition did not converge.");
        }
        final double[] d = new double[m];
        double dmax = 0;
        for (int i = 0; i < m; i++) {
            d[i] = eig.getEigenvalue(i).real;
            dmax = Math.max(dmax, d[i]);
        }
        final double zero = 64 * m * Math.ulp(1.0) * dmax;
        final DMatrixRMaj vectors = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            final DMatrixRMaj e = eig.getEigenVector(i);
            for (int r = 0; r < m; r++) {
                vectors.unsafe_set(r, i, e.get(r, 0));
            }
        }
        final DMatrixRMaj v;
        if (p <= n) {
            v = vectors;
        } else {
            v = new DMatrixRMaj(p, m);
            CommonOps_DDRM.mult(x, vectors, v);
            for (int i = 0; i < m; i++) {
                final double f = d[i] > zero ? 1 / Math.sqrt(n * d[i]) : 0;
                for (int r = 0; r < p; r++) {
                    v.unsafe_set(r, i, v.unsafe_get(r, i) * f);
                }
            }
        }
        final double[] b = new double[m];
        final double[] a = new double[m];
        for (int r = 0; r < p; r++) {
            for (int i = 0; i < m; i++) {
                final double vri = v.unsafe_get(r, i);
                b[i] += vri * beta[r];
                a[i] += sigmaDiagonal[r] * vri * vri;
            }
        }
        final double s2 = noise * noise;
        final double[] bias = new double[lambdas.length];
        final double[] variance = new double[lambdas.length];
        final double[] wb = new double[m];
        for (int l = 0; l < lambdas.length; l++) {
            final double lambda = lambdas[l];
            double var = 0;
            for (int i = 0; i < m; i++) {
                if (d[i] > zero) {
                    wb[i] = d[i] / (d[i] + lambda) * b[i];
                    var += a[i] * d[i] / ((d[i] + lambda) * (d[i] + lambda));
                } else {
                    wb[i] = 0;
                }
            }
            double sum = 0;
            for (int r = 0; r < p; r++) {
                double u = beta[r];
                for (int i = 0; i < m; i++) {
                    u -= v.unsafe_get(r, i) * wb[i];
                }
                sum += sigmaDiagonal[r] * u * u;
            }
            bias[l] = sum;
            variance[l] = s2 * var / n;
        }
        return new double[][] {bias, variance};
    }

    private static double mean(final double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double standardError(final double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        final double mu = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - mu) * (x - mu);
        }
        return Math.sqrt(s / (v.length - 1) / v.length);
    }
}
