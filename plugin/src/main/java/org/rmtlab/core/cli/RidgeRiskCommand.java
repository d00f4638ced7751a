package org.rmtlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.rmtlab.core.resolvent.LinearRidgeRisk;
import org.rmtlab.core.resolvent.LinearRidgeSimulation;
import org.rmtlab.core.spectrum.PopulationSpectrum;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

/**
 * {@code rmtlab ridge-risk}: bias, variance and risk of linear ridge(less) regression (Hastie et al. 2022),
 * theory beside simulation, over a grid of ratios c = p/n (p = round(c n), the theory taken at the actual
 * p/n) and of penalties; one row per (c, gamma). Simulation columns are empty with {@code --trials 0}.
 * {@code --plot FILE.png} draws the risk over c as the demo's {@code linear-ridge} case does
 * ({@link LinearRidgeFigure}).
 */
final class RidgeRiskCommand implements Command {

    @Override
    public String name() {
        return "ridge-risk";
    }

    @Override
    public String summary() {
        return "linear ridge / ridgeless regression risk (bias, variance), theory and simulation";
    }

    @Override
    public List<Option> options() {
        return PlotOutput.with(List.of(
            Option.of("n", "200", "training samples"),
            Option.of("ratios", "0.1:10:30", "ratios c = p/n, FROM:TO:COUNT (log-spaced) or one number"),
            Option.of("gamma", "0", "ridge penalty lambda, FROM:TO:COUNT (log-spaced) or one number; 0 = ridgeless"),
            Option.of("signal", "1", "||beta*||^2"),
            Option.of("noise", "0.5", "label-noise standard deviation"),
            Option.of("covariance", "identity", "population covariance: " + PopulationSpectrum.FORMATS),
            Option.of("trials", "10", "simulation trials per ratio (0: theory only)"),
            Option.of("seed", "42", "random seed"),
            Option.of("out", null, "CSV file (default: standard output)")));
    }

    @Override
    public int run(final Args a, final PrintStream stdout) throws Exception {
        final PlotOutput plot = PlotOutput.from(a);
        if (plot.requested()) {
            Check.that(a.grid("ratios").count() > 1, "--plot draws the risk over c = p/n: give --ratios a range "
                + "FROM:TO:COUNT with COUNT >= 2, or leave out --plot.");
        }
        final List<Row> rows = sweep(a, Progress.NONE);
        write(a.has("out") ? a.string("out") : null, stdout, rows);
        plot.write(() -> LinearRidgeFigure.of(a, rows));
        return 0;
    }

    /**
     * One row of the table: theory and, unless {@code --trials 0}, simulation at one (c, gamma).
     *
     * @param c the ratio p/n actually simulated, p = round(requested c times n)
     * @param p the dimension
     * @param theory the limit of {@link LinearRidgeRisk} at c
     * @param sim the simulation, or {@code null} with {@code --trials 0}
     */
    record Row(double c, int p, LinearRidgeRisk.Risk theory, LinearRidgeSimulation.Point sim) {
    }

    /** The table the options describe, ordered by ratio, then penalty. */
    static List<Row> sweep(final Args a, final Progress progress) throws CancelledException {
        final int n = Check.positive("n (training samples)", a.integer("n"));
        final double[] ratios = a.grid("ratios").values();
        final double[] lambdas = a.grid("gamma").values();
        final double signal = a.real("signal");
        final double noise = a.real("noise");
        final PopulationSpectrum covariance = PopulationSpectrum.parse(a.string("covariance"));
        final int trials = a.integer("trials");
        Check.that(trials >= 0, "--trials must be >= 0 (0: theory only), not " + trials + ".");
        final long seed = a.longValue("seed");
        final List<Row> rows = new ArrayList<>(ratios.length * lambdas.length);
        for (int k = 0; k < ratios.length; k++) {
            final double requested = Check.positive("ratio", ratios[k]);
            final int p = Math.max(1, (int) Math.round(requested * n));
            final double c = p / (double) n;
            final LinearRidgeRisk theory = theory(a, c);
            final List<LinearRidgeSimulation.Point> sim = trials == 0 ? null
                : new LinearRidgeSimulation(covariance, n, p, signal, noise).run(lambdas, trials, seed,
                    progress.sub(k / (double) ratios.length, 1.0 / ratios.length));
            for (int j = 0; j < lambdas.length; j++) {
                rows.add(new Row(c, p, theory.at(lambdas[j]), sim == null ? null : sim.get(j)));
            }
        }
        progress.report(1, "done");
        return rows;
    }

    /** The limit of the risk at ratio c for the covariance, signal and noise of the options. */
    static LinearRidgeRisk theory(final Args a, final double c) {
        final PopulationSpectrum covariance = PopulationSpectrum.parse(a.string("covariance"));
        final double signal = a.real("signal");
        final double noise = a.real("noise");
        final boolean isotropic = covariance.size() == 1 && covariance.eigenvalue(0) == 1;
        return isotropic ? LinearRidgeRisk.isotropic(c, signal, noise) : LinearRidgeRisk.of(covariance, c, signal,
            noise);
    }

    /** The rows as CSV (empty simulation cells without simulation), to {@code file} or else {@code stdout}. */
    static void write(final String file, final PrintStream stdout, final List<Row> rows) throws IOException {
        try (CsvWriter csv = CsvWriter.open(file, stdout, "c", "p", "gamma", "bias", "variance", "risk", "sim_bias",
            "sim_bias_se", "sim_variance", "sim_variance_se", "sim_risk", "sim_risk_se")) {
            for (Row row : rows) {
                final LinearRidgeRisk.Risk r = row.theory();
                final LinearRidgeSimulation.Point s = row.sim();
                if (s == null) {
                    csv.row(row.c(), row.p(), r.lambda(), r.bias(), r.variance(), r.total(), Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                } else {
                    csv.row(row.c(), row.p(), r.lambda(), r.bias(), r.variance(), r.total(), s.bias(), s.biasError(),
                        s.variance(), s.varianceError(), s.risk(), s.riskError());
                }
            }
        }
    }
}
