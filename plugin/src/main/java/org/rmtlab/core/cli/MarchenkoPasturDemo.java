package org.rmtlab.core.cli;

import java.util.ArrayList;
import java.util.List;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.MarchenkoPastur;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.spectrum.SpectrumFigures;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;

/**
 * {@code mp-spectrum}: the eigenvalues of the sample covariance (1/n) X X^T of Gaussian data against the
 * Marchenko-Pastur law (Marchenko and Pastur 1967; Bai and Silverstein 2010, Thm 3.6), at the defaults of
 * {@code rmtlab spectrum --scale raw}: p = 500, n = 1000 (c = 1/2, the default ratio of {@code rmtlab mp}), X with
 * iid N(0, 1) entries (variance 1, the default of {@code rmtlab mp}; the normalised scale only divides every
 * eigenvalue by p). Trial t draws its data with seed 42 + t, so the first trial is exactly the spectrum of
 * {@code rmtlab spectrum --scale raw}. Support [(1 - sqrt c)^2, (1 + sqrt c)^2] = [0.086, 2.914].
 *
 * <p>Scored as in {@link SpectrumDemo}: the mean count over 40 trials in each of the 26 inner of 30 bins against
 * p (F(right) - F(left)). Measured with 400 trials on 20 bins across the bulk: a bin's count varies by 0.7 to 1.1
 * eigenvalues between trials (a binomial law would say 1.8 to 7.2); the inner bins deviate from the law by at most
 * 0.10 eigenvalues, within the noise of 400 trials and below 0.7 standard errors at 40; the top bin of the bulk
 * holds 0.18 more eigenvalues than the law (5 standard errors at 400 trials, 1.7 at 40) and the lowest 0.10 more,
 * the 1/p correction at the edges of a real Gaussian matrix, which is why the edge bins are not scored. Measured
 * max z (tolerance 3.89): 2.23 with the demo's seed 42; 3.16, 2.57 and 2.46 with seeds 1000, 2000 and 3000 (trial
 * t draws with seed + t, so these share no trial). Quick: 20 trials (max z 2.47, tolerance 4.30; 2.97 with seed
 * 1000).
 */
final class MarchenkoPasturDemo extends SpectrumDemo {
    private final List<String> overrides;
    private final int trials;
    private final int quickTrials;

    MarchenkoPasturDemo() {
        this(List.of(), 40, 20);
    }

    /**
     * With options of {@code rmtlab spectrum} on top of {@code --scale raw} (for example {@code --seed 1000}; trial
     * t draws with seed + t) and other trial counts, for checks.
     */
    MarchenkoPasturDemo(final List<String> overrides, final int trials, final int quickTrials) {
        super("mp-spectrum");
        this.overrides = List.copyOf(overrides);
        this.trials = trials;
        this.quickTrials = quickTrials;
    }

    @Override
    public String description() {
        return "Eigenvalue histogram of the sample covariance of Gaussian data (p = 500, n = 1000) on the "
            + "Marchenko-Pastur density (Marchenko and Pastur 1967).";
    }

    @Override
    int trials(final boolean quick) {
        return quick ? quickTrials : trials;
    }

    @Override
    Experiment prepare(final Progress progress) {
        final List<String> words = new ArrayList<>(List.of("--scale", "raw"));
        words.addAll(overrides);
        final Args a = Args.parse(new SpectrumCommand().options(), words.toArray(new String[0]));
        Check.that(DataModel.fromId(a.string("data")) == DataModel.GAUSSIAN, "The Marchenko-Pastur case needs the "
            + "gaussian data of rmtlab spectrum.");
        final int n = a.integer("n");
        final int p = a.integer("p");
        final long seed = a.longValue("seed");
        final Scale scale = Scale.fromId(a.string("scale"));
        Check.that(scale == Scale.RAW, "The Marchenko-Pastur case draws entries of variance 1 (--scale raw).");
        final MarchenkoPastur law = MarchenkoPastur.of(p / (double) n, 1);
        return new Experiment() {
            @Override
            String size() {
                return "p=" + p + " n=" + n;
            }

            @Override
            String setting() {
                return "sample covariance (1/n) X X\u1D40 of X: p = " + p + " x n = " + n + " (c = "
                    + Grid.text(law.ratio()) + "), iid N(0, 1) entries";
            }

            @Override
            int dimension() {
                return p;
            }

            @Override
            double lower() {
                return law.lowerEdge();
            }

            @Override
            double upper() {
                return law.upperEdge();
            }

            @Override
            double[] cdf(final double[] x) {
                final double[] f = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    f[i] = law.cdf(x[i]);
                }
                return f;
            }

            @Override
            Figure figure(final org.rmtlab.core.chart.Histogram bars, final double from, final double to) {
                return SpectrumFigures.figure(bars, law, null, false, false, setting());
            }

            @Override
            double[] trial(final int t) {
                final DataSpec spec = new DataSpec(DataModel.GAUSSIAN, n, 0, p, 0, 0, scale, seed + t);
                return EmpiricalSpectrum.of(DataGenerator.generate(spec).train().x(), SampleMatrix.COVARIANCE)
                    .eigenvalues();
            }
        };
    }

    @Override
    Figure figure(final Figure base, final Experiment e, final double[][] eigenvalues) {
        return base.toBuilder().title("Marchenko\u2013Pastur law of the sample covariance (Marchenko & Pastur 1967)")
            .build();
    }
}
