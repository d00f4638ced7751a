package org.rmtlab.core.cli;

import java.io.PrintStream;
import java.util.List;

import org.rmtlab.core.resolvent.LinearRidgeRisk;
import org.rmtlab.core.resolvent.LinearRidgeSimulation;
import org.rmtlab.core.spectrum.PopulationSpectrum;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;

/**
 * {@code rmtlab ridge-risk}: bias, variance and risk of linear ridge(less) regression (Hastie et al. 2022),
 * theory beside simulation, over a grid of ratios c = p/n (p = round(c n), the theory taken at the actual
 * p/n) and of penalties; one row per (c, gamma). Simulation columns are empty with {@code --trials 0}.
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
        return List.of(
            Option.of("n", "200", "training samples"),
            Option.of("ratios", "0.1:10:30", "ratios c = p/n, FROM:TO:COUNT (log-spaced) or one number"),
            Option.of("gamma", "0", "ridge penalty lambda, FROM:TO:COUNT (log-spaced) or one number; 0 = ridgeless"),
            Option.of("signal", "1", "||beta*||^2"),
            Option.of("noise", "0.5", "label-noise standard deviation"),
            Option.of("covariance", "identity", "population covariance: " + PopulationSpectrum.FORMATS),
            Option.of("trials", "10", "simulation trials per ratio (0: theory only)"),
            Option.of("seed", "42", "random seed"),
            Option.of("out", null, "CSV file (default: standard output)"));
    }

    @Override
    public int run(final Args a, final PrintStream stdout) throws Exception {
        final int n = Check.positive("n (training samples)", a.integer("n"));
        final double[] ratios = a.grid("ratios").values();
        final double[] lambdas = a.grid("gamma").values();
        final double signal = a.real("signal");
        final double noise = a.real("noise");
        final PopulationSpectrum covariance = PopulationSpectrum.parse(a.string("covariance"));
        final boolean isotropic = covariance.size() == 1 && covariance.eigenvalue(0) == 1;
        final int trials = a.integer("trials");
        Check.that(trials >= 0, "--trials must be >= 0 (0: theory only), not " + trials + ".");
        final long seed = a.longValue("seed");
        try (CsvWriter csv = CsvWriter.open(a.has("out") ? a.string("out") : null, stdout, "c", "p", "gamma", "bias",
            "variance", "risk", "sim_bias", "sim_bias_se", "sim_variance", "sim_variance_se", "sim_risk",
            "sim_risk_se")) {
            for (double requested : ratios) {
                Check.positive("ratio", requested);
                final int p = Math.max(1, (int) Math.round(requested * n));
                final double c = p / (double) n;
                final LinearRidgeRisk theory = isotropic ? LinearRidgeRisk.isotropic(c, signal, noise)
                    : LinearRidgeRisk.of(covariance, c, signal, noise);
                final List<LinearRidgeSimulation.Point> sim = trials == 0 ? null
                    : new LinearRidgeSimulation(covariance, n, p, signal, noise).run(lambdas, trials, seed, Progress.NONE);
                for (int j = 0; j < lambdas.length; j++) {
                    final LinearRidgeRisk.Risk r = theory.at(lambdas[j]);
                    if (sim == null) {
                        csv.row(c, p, lambdas[j], r.bias(), r.variance(), r.total(), Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN, Double.NaN);
                    } else {
                        final LinearRidgeSimulation.Point s = sim.get(j);
                        csv.row(c, p, lambdas[j], r.bias(), r.variance(), r.total(), s.bias(), s.biasError(),
                            s.variance(), s.varianceError(), s.risk(), s.riskError());
                    }
                }
            }
        }
        return 0;
    }
}
