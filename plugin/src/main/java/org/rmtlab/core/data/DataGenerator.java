package org.rmtlab.core.data;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * Draws the synthetic data sets of {@link DataModel}.
 *
 * <p>Conventions (issue "Solver core I"; Louart, Liao, Couillet 2018, Sec. 2; Liao, Couillet 2018,
 * Sec. 2): before scaling, z ~ N(0, I_p);
 * gaussian: x = z; mixture: x = y mu + z with y = +-1 equiprobable and mu = sqrt(rho) u, u a uniform
 * random unit vector; teacher: x = z, y = z^T beta* / sqrt(p) + noise eps with beta* ~ N(0, I_p) and
 * eps ~ N(0, 1), so the signal has variance about 1 whatever the scale. With
 * {@link Scale#NORMALISED} the sample is divided by sqrt(p) (noise variance 1/p per coordinate,
 * ||x|| about 1).
 *
 * <p>Determinism: the seed feeds three independent streams split in a fixed order (law parameters,
 * training set, test set), so the test set does not change when n changes.
 */
public final class DataGenerator {
    private DataGenerator() {
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
        final int p = spec.p();
        double[] mu = null;
        double[] beta = null;
        if (spec.model() == DataModel.MIXTURE) {
            mu = randomDirection(p, lawRng);
            final double norm = Math.sqrt(spec.rho());
            for (int i = 0; i < p; i++) {
                mu[i] *= norm;
            }
        } else if (spec.model() == DataModel.TEACHER) {
            beta = new double[p];
            lawRng.gaussians(beta, 1.0);
        }
        final double total = spec.n() + (double) spec.nTest();
        final Dataset train = draw(spec, spec.n(), mu, beta, trainRng, progress.sub(0, spec.n() / total));
        final Dataset test = draw(spec, spec.nTest(), mu, beta, testRng, progress.sub(spec.n() / total, spec.nTest() / total));
        return new GeneratedData(spec, train, test, mu, beta);
    }

    private static Dataset draw(final DataSpec spec, final int n, final double[] mu, final double[] beta, final Rng rng,
        final Progress progress) throws CancelledException {
        final int p = spec.p();
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
            switch (spec.model()) {
                case MIXTURE -> {
                    final int c = rng.sign();
                    label[j] = c;
                    y[j] = c;
                    for (int i = 0; i < p; i++) {
                        z[i] += c * mu[i];
                    }
                }
                case TEACHER -> {
                    double dot = 0;
                    for (int i = 0; i < p; i++) {
                        dot += z[i] * beta[i];
                    }
                    y[j] = dot / Math.sqrt(p) + spec.noise() * rng.gaussian();
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

    private static double[] randomDirection(final int p, final Rng rng) {
        final double[] u = new double[p];
        double norm;
        do {
            rng.gaussians(u, 1.0);
            norm = 0;
            for (double v : u) {
                norm += v * v;
            }
        } while (norm == 0);
        norm = Math.sqrt(norm);
        for (int i = 0; i < p; i++) {
            u[i] /= norm;
        }
        return u;
    }
}
