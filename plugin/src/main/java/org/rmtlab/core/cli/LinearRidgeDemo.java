package org.rmtlab.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.demo.DemoCase;
import org.rmtlab.core.demo.DemoResult;
import org.rmtlab.core.demo.Discrepancy;
import org.rmtlab.core.resolvent.LinearRidgeRisk;
import org.rmtlab.core.resolvent.LinearRidgeSimulation;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;

/**
 * {@code linear-ridge}: the risk of ridgeless (minimum-norm) least squares over c = p/n, Hastie, Montanari, Rosset
 * and Tibshirani 2022 (Theorems 1 and 2), at the defaults of {@code rmtlab ridge-risk}: n = 200, 30 ratios from 0.1
 * to 10 (p = round(c n)), lambda = 0, ||beta*||^2 = 1, noise s = 0.5, isotropic Gaussian x. The risk is the variance
 * s^2 c / (1 - c) below the interpolation threshold c = 1, where it diverges, and r^2 (1 - 1/c) + s^2 / (c - 1)
 * beyond it, with a minimum near c = 2 and the null risk r^2 as c grows. The theory is drawn on 300 ratios (none at
 * c = 1), the simulation at the 30 of the grid: the figure of {@code rmtlab ridge-risk --plot}
 * ({@link LinearRidgeFigure}).
 *
 * <p>Scored: the risk at all 30 ratios, 40 trials, against the limit plus its exact finite-n correction. The
 * variance part is a linear spectral statistic, s^2 tr((X X^T)^{-1}) (c &lt; 1) or s^2 tr((X^T X)^{-1})
 * (c &gt; 1), whose trial-to-trial spread and finite-n correction are both O(1/n) at any n: the Wishart means
 * s^2 p / (n - p - 1) and s^2 n / (p - n - 1) exceed the limits s^2 p / (n - p) and s^2 n / (p - n) by
 * {@link LinearRidgeRisk#ridgelessVarianceCorrection}, 1.2 to 4.2 standard errors here (the raw discrepancy against the limit alone reaches 5.3 at
 * c = 1.085), so the limit alone could not be scored honestly at any size. The bias part, r^2 (1 - n/p) in
 * expectation for c &gt; 1 and 0 below, has no correction. The CSV has the correction as a column. Not scored: the
 * bias alone below c = 1, 0 in theory and rounding noise (1e-30) in the simulation; and any ratio with
 * |p - n| &lt; {@value #MIN_GAP}, where the simulated variance has no finite mean or no finite spread (none on the
 * default grid).
 * Measured max z (tolerance 3.93): 2.90 with the demo's seed 42; 2.37, 1.77 and 3.14 with seeds 1 to 3. Quick: 16
 * ratios, 10 trials (max z 1.79, tolerance 5.12; 2.42 with seed 1).
 */
final class LinearRidgeDemo implements DemoCase {
    /**
     * Scored only when |p - n| is at least this: the mean of tr(W^{-1}) for a d x d Wishart matrix with m degrees of
     * freedom is finite for m - d &gt;= 2, its variance, which the standard error estimates, for m - d &gt;= 4.
     */
    static final int MIN_GAP = 4;

    private final List<String> overrides;

    LinearRidgeDemo() {
        this(List.of());
    }

    /** With options on top of the defaults (for example {@code --seed 1}), for checks. */
    LinearRidgeDemo(final List<String> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    @Override
    public String name() {
        return "linear-ridge";
    }

    @Override
    public String description() {
        return "Risk of ridgeless least squares over p/n: it diverges at the interpolation threshold p = n and "
            + "descends again beyond it (Hastie, Montanari, Rosset and Tibshirani 2022).";
    }

    @Override
    public DemoResult run(final boolean quick, final Path dir, final Progress progress) throws Exception {
        final List<String> words = new ArrayList<>(quick ? List.of("--trials", "10", "--ratios", "0.1:10:16")
            : List.of("--trials", "40"));
        words.addAll(overrides);
        final Args a = Args.parse(new RidgeRiskCommand().options(), words.toArray(new String[0]));
        Check.that(a.real("gamma") == 0 && a.string("covariance").equals("identity"), "The linear-ridge case "
            + "scores the ridgeless isotropic risk, whose finite-n correction it knows.");
        final int n = a.integer("n");
        final double noise = a.real("noise");
        final double signal = a.real("signal");
        final int trials = a.integer("trials");
        final List<RidgeRiskCommand.Row> rows = RidgeRiskCommand.sweep(a, progress);
        final Path csv = dir.resolve(name() + ".csv");
        final Discrepancy.Accumulator acc = new Discrepancy.Accumulator();
        double largestShare = 0;
        final int k = rows.size();
        try (CsvWriter out = CsvWriter.open(csv.toString(), null, "c", "p", "gamma", "bias", "variance", "risk",
            "finite_n_correction", "sim_bias", "sim_bias_se", "sim_variance", "sim_variance_se", "sim_risk",
            "sim_risk_se", "scored")) {
            for (int i = 0; i < k; i++) {
                final RidgeRiskCommand.Row row = rows.get(i);
                final LinearRidgeRisk.Risk r = row.theory();
                final LinearRidgeSimulation.Point s = row.sim();
                final double correction = LinearRidgeRisk.ridgelessVarianceCorrection(n, row.p(), noise);
                final boolean scored = Math.abs(row.p() - n) >= MIN_GAP;
                if (scored) {
                    largestShare = Math.max(largestShare, correction / r.total());
                    acc.add(String.format(Locale.ROOT, "risk at c = %.3g (p = %d; limit %.4g + finite-n correction "
                        + "%.2g)", row.c(), row.p(), r.total(), correction), r.total() + correction, s.risk(),
                        s.riskError());
                }
                out.row(row.c(), row.p(), r.lambda(), r.bias(), r.variance(), r.total(), correction, s.bias(),
                    s.biasError(), s.variance(), s.varianceError(), s.risk(), s.riskError(), scored ? 1 : 0);
            }
        }

        final Figure figure = LinearRidgeFigure.of(a, rows).toBuilder()
            .note(String.format(Locale.ROOT, "scored: the risk against the limit plus its exact finite-n correction (the "
                + "Wishart mean; at most %.0f%% of the risk, near c = 1)", 100 * largestShare))
            .build();
        return new DemoResult("n=" + n + " p=" + rows.get(0).p() + ".." + rows.get(k - 1).p(), acc.result(trials),
            figure, List.of(csv));
    }
}
