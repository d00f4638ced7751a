package org.rmtlab.core.data;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * Draws the synthetic data sets of {@link DataModel}.
 *
 * <p>Conventions (issue "Solver core I"; Louart, Liao, Couillet 2018, Sec. 2; Liao, Couillet 2018,
 * Sec. 2): before scaling, the noise of a sample is Sigma^{1/2} z with z ~ N(0, I_p) and Sigma the
 * population covariance of {@link CovarianceSpec} (I_p unless asked otherwise);
 * gaussian: x = Sigma^{1/2} z;
 * mixture, K = 2: x = y mu + Sigma^{1/2} z with y = +-1 equiprobable and mu = sqrt(rho) u, u a uniform
 * random unit vector;
 * mixture, K &gt; 2: class k uniform on 0..K-1, x = mu_k + Sigma^{1/2} z, with class means at the vertices
 * of a regular simplex centred at 0 in a uniformly random orientation: mu_k = sqrt(rho K / (K - 1)) (u_k - ubar)
 * for orthonormal random u_1..u_K and their average ubar, so ||mu_k||^2 = rho, mu_k . mu_l = -rho / (K - 1)
 * and sum_k mu_k = 0 (for K = 2 this is exactly the two-class law: means +-mu);
 * teacher: x = Sigma^{1/2} z, y = sigma(x^T beta* / sqrt(p)) + noise eps with beta* ~ N(0, I_p),
 * eps ~ N(0, 1) and sigma the chosen activation (linear: sigma(t) = t, the original linear teacher; the
 * argument has variance beta*^T Sigma beta* / p, about tr(Sigma)/p = 1 for white or power-law noise).
 * With {@link Scale#NORMALISED} the sample (not y) is divided by sqrt(p) (noise covariance Sigma/p,
 * ||x|| about 1).
 *
 * <p>Determinism: the seed feeds four independent streams split in a fixed order (law parameters,
 * training set, test set, covariance directions), so the test set does not change when n changes and the
 * original laws give the same numbers as before the covariance was added. Per sample the draws are: z,
 * then the class (mixture) or the label noise (teacher).
 */
public final class DataGenerator {
    private DataGenerator() {
    }

    /** The hidden parameters of one drawn law, as the sampling loop uses them. */
    private record Law(double[][] means, double[] beta, PopulationCovariance covariance, Activation activation) {
    }

    public static GeneratedData generate(final DataSpec spec) {
        try {
            return generate(spec, Progress.NONE);
        } catch (CancelledException e) {
            throw new IllegalStateException("Progress.NONE never cancels", e);
        }
    }

    public static GeneratedData generate(final DataSpec spec, final Progress progress) throws CancelledException {
        spec.checkMemory();
        final Rng root = new Rng(spec.seed());
        final Rng lawRng = root.split();
        final Rng trainRng = root.split();
        final Rng testRng = root.split();
        final Rng covarianceRng = root.split();
        final int p = spec.p();
        double[] mu = null;
        double[][] means = null;
        double[] beta = null;
        if (spec.model() == DataModel.MIXTURE) {
            means = classMeans(spec, lawRng);
            mu = spec.classes() == 2 ? means[1] : null;
        } else if (spec.model() == DataModel.TEACHER) {
            beta = new double[p];
            lawRng.gaussians(beta, 1.0);
        }
        final Law law = new Law(means, beta, spec.covariance().draw(p, covarianceRng), Activations.byId(spec.activation()));
        final double total = spec.n() + (double) spec.nTest();
        final Dataset train = draw(spec, spec.n(), law, trainRng, progress.sub(0, spec.n() / total));
        final Dataset test = draw(spec, spec.nTest(), law, testRng, progress.sub(spec.n() / total, spec.nTest() / total));
        return new GeneratedData(spec, train, test, mu == null ? null : mu.clone(), beta, columns(means, p),
            law.covariance());
    }

    /**
     * Class means, {@code means[k]} for class index k. K = 2: one uniform unit vector u (the first
     * draw of the law stream, as in the original two-class law), means -sqrt(rho) u and +sqrt(rho) u.
     * K &gt; 2: the centred regular simplex described in the class comment.
     */
    private static double[][] classMeans(final DataSpec spec, final Rng rng) {
        final int p = spec.p();
        final int k = spec.classes();
        if (k == 2) {
            final double[] plus = RandomFrames.orthonormal(p, 1, rng)[0];
            final double norm = Math.sqrt(spec.rho());
            final double[] minus = new double[p];
            for (int i = 0; i < p; i++) {
                plus[i] *= norm;
                minus[i] = -plus[i];
            }
            return new double[][] {minus, plus};
        }
        final double[][] u = RandomFrames.orthonormal(p, k, rng);
        final double[] mean = new double[p];
        for (double[] v : u) {
            for (int i = 0; i < p; i++) {
                mean[i] += v[i] / k;
            }
        }
        final double norm = Math.sqrt(spec.rho() * k / (k - 1.0));
        for (double[] v : u) {
            for (int i = 0; i < p; i++) {
                v[i] = norm * (v[i] - mean[i]);
            }
        }
        return u;
    }

    private static Dataset draw(final DataSpec spec, final int n, final Law law, final Rng rng, final Progress progress)
        throws CancelledException {
        final int p = spec.p();
        final int classes = spec.classes();
        final double s = spec.scale() == Scale.NORMALISED ? 1 / Math.sqrt(p) : 1;
        final DMatrixRMaj x = new DMatrixRMaj(p, n);
        final double[] y = new double[n];
        final int[] label = new int[n];
        final double[] z = new double[p];
        final int every = Math.max(1, n / 100);
        for (int j = 0; j < n; j++) {
            if (j % every == 0) {
                progress.checkCancelled();
                progress.report(j / (double) n, "sample " + (j + 1) + " of " + n);
            }
            rng.gaussians(z, 1.0);
            law.covariance().applySquareRoot(z);
            switch (spec.model()) {
                case MIXTURE -> {
                    final int k;
                    if (classes == 2) {
                        label[j] = rng.sign();
                        k = (label[j] + 1) / 2;
                    } else {
                        k = rng.nextInt(classes);
                        label[j] = k;
                    }
                    y[j] = label[j];
                    final double[] m = law.means()[k];
                    for (int i = 0; i < p; i++) {
                        z[i] += m[i];
                    }
                }
                case TEACHER -> {
                    double dot = 0;
                    for (int i = 0; i < p; i++) {
                        dot += z[i] * law.beta()[i];
                    }
                    y[j] = law.activation().value(dot / Math.sqrt(p)) + spec.noise() * rng.gaussian();
                }
                case GAUSSIAN -> {
                    // no target: y and label stay 0
                }
            }
            for (int i = 0; i < p; i++) {
                x.unsafe_set(i, j, s * z[i]);
            }
        }
        progress.report(1, "done");
        return new Dataset(x, y, label);
    }

    /** The vectors as the columns of a p x K matrix, or {@code null}. */
    private static DMatrixRMaj columns(final double[][] vectors, final int p) {
        if (vectors == null) {
            return null;
        }
        final DMatrixRMaj m = new DMatrixRMaj(p, vectors.length);
        for (int k = 0; k < vectors.length; k++) {
            for (int i = 0; i < p; i++) {
                m.unsafe_set(i, k, vectors[k][i]);
            }
        }
        return m;
    }
}
