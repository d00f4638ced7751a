package org.rmtlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.resolvent.DoubleDescentFigure;
import org.rmtlab.core.resolvent.DoubleDescent;
import org.rmtlab.core.resolvent.DoubleDescentPoint;
import org.rmtlab.core.resolvent.DoubleDescentSpec;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

/**
 * {@code rmtlab double-descent}: train and test MSE of random-feature ridge regression over N/n and
 * gamma, deterministic equivalent (Louart, Liao, Couillet 2018) beside Monte-Carlo simulation.
 * One CSV row per (gamma, N/n) with the columns of {@link DoubleDescentPoint#COLUMNS}.
 */
final class DoubleDescentCommand implements Command {
    @Override
    public String name() {
        return "double-descent";
    }

    @Override
    public String summary() {
        return "random-feature ridge regression: train/test MSE over N/n and gamma, theory beside simulation";
    }

    @Override
    public List<Option> options() {
        return PlotOutput.with(List.of(
            Option.of("data", "mixture", "law: " + DataModel.ids()),
            Option.of("n", "512", "training samples"),
            Option.of("p", "256", "dimension"),
            Option.of("n-test", "512", "test samples (0: no test error)"),
            Option.of("rho", "4", "mixture signal strength ||mu||^2"),
            Option.of("noise", "0.1", "teacher label-noise standard deviation"),
            Option.of("scale", "normalised", "normalised (x / sqrt(p), ||x|| about 1, as in the theory) or raw"),
            Option.of("activation", "relu", "activation: " + String.join(", ", Activations.ids())),
            Option.of("ratios", "0.1:4:30", "N/n grid FROM:TO:COUNT (log-spaced) or a single value"),
            Option.of("gamma", "0.001", "ridge: a value, a comma list (0.001,0.1) or a grid FROM:TO:COUNT (log-spaced)"),
            Option.of("trials", "10", "Monte-Carlo trials (fresh W each); 0 for theory only"),
            Option.of("ensemble", "1", "ensemble size K: also report bias and variance over W and the test error of "
                + "the average of K fits with independent W (theory: bias + variance / K; simulation: floor(trials/K) "
                + "groups of K trials, at least 2 groups); 1: a single fit"),
            Option.of("seed", "42", "random seed of the data and the simulation"),
            Option.of("threads", "0", "simulation threads (0: one per processor); results do not depend on it"),
            Option.of("out", null, "CSV file (default: standard output)")));
    }

    @Override
    public int run(final Args a, final PrintStream stdout) throws Exception {
        final PlotOutput plot = PlotOutput.from(a);
        final DoubleDescentSpec spec = spec(a);
        final List<DoubleDescentPoint> rows = sweep(a, spec, Progress.NONE);
        write(a.has("out") ? a.string("out") : null, stdout, rows);
        plot.write(() -> DoubleDescentFigure.of(rows, spec, a.integer("n-test") > 0).toBuilder()
            .subtitle(DoubleDescentFigure.subtitle(a.integer("n"), a.integer("p"), a.integer("n-test"), rows, spec))
            .build());
        return 0;
    }

    /** The data the options describe (training and, unless {@code --n-test 0}, test set). */
    static DataSpec data(final Args a) {
        return new DataSpec(DataModel.fromId(a.string("data")), a.integer("n"), a.integer("n-test"), a.integer("p"),
            a.real("rho"), a.real("noise"), Scale.fromId(a.string("scale")), a.longValue("seed"));
    }

    /** The sweep the options describe, theory beside simulation, as this command computes it. */
    static List<DoubleDescentPoint> sweep(final Args a, final Progress progress) throws CancelledException {
        return sweep(a, spec(a), progress);
    }

    /** The sweep settings the options describe. */
    static DoubleDescentSpec spec(final Args a) {
        final double[] gammas = a.string("gamma").contains(":") ? a.grid("gamma").values() : a.reals("gamma");
        return new DoubleDescentSpec(Activations.byId(a.string("activation")), a.grid("ratios").values(), gammas,
            a.integer("trials"), a.longValue("seed"), a.integer("threads"),
            a.integer("ensemble"));
    }

    private static List<DoubleDescentPoint> sweep(final Args a, final DoubleDescentSpec spec, final Progress progress)
        throws CancelledException {
        final DataSpec data = data(a);
        final GeneratedData d = DataGenerator.generate(data);
        return DoubleDescent.run(spec, d.train(), data.nTest() > 0 ? d.test() : null, progress);
    }

    /** The rows as CSV with the columns of {@link DoubleDescentPoint#COLUMNS}, to {@code file} or else {@code stdout}. */
    static void write(final String file, final PrintStream stdout, final List<DoubleDescentPoint> rows)
        throws IOException {
        try (CsvWriter csv = CsvWriter.open(file, stdout, DoubleDescentPoint.COLUMNS)) {
            for (DoubleDescentPoint row : rows) {
                csv.row(row.values());
            }
        }
    }
}
