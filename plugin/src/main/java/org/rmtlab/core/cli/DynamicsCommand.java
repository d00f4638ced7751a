package org.rmtlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rmtlab.core.dynamics.Curve;
import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsFigures;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.core.dynamics.LearningCurves;
import org.rmtlab.core.util.Progress;

/**
 * {@code rmtlab dynamics}: learning curves, theory beside simulation. One row per time of the model's time
 * axis (its {@link LearningCurves#timeName()}: {@code tau} for the linear models, with the step count
 * {@code step} for gradient descent, {@code t} for deep linear networks and random features, {@code eta} for
 * one-step feature learning), then {@code NAME_theory} for every theory curve, {@code NAME_sim} for every simulated curve and
 * {@code NAME_sim_se} for their standard errors, for example
 * {@code t,train_loss_theory,test_risk_theory,...,train_loss_sim,test_risk_sim,...,train_loss_sim_se,...}.
 * A model without a theory for the chosen setting has no {@code _theory} columns. With {@code --summary} the
 * time-independent numbers are written instead, as {@code quantity,value}: the theory's (limits,
 * early-stopping optimum, thresholds), then, with {@code --trials} &gt; 0, the simulation's (means over trials
 * and {@code _se} standard errors, for example the rank-one ratio of one-step feature learning). With
 * {@code --plot FILE.png} the curves are also drawn as the Dynamics Simulator node and {@code rmtlab demo} draw them
 * ({@link DynamicsFigures#figure}).
 *
 * <p>Models plug in through {@link DynamicsModelOptions}: each declares its own options and defaults; an
 * option that the chosen model does not read is an error rather than silently ignored.
 */
final class DynamicsCommand implements Command {

    /** The models of {@code --model}, in the order of the help text. */
    static final List<DynamicsModelOptions> MODELS = List.of(
        new GmmDynamicsOptions(),
        new RidgeDynamicsOptions(),
        new DeepLinearDynamicsOptions(),
        new OneStepDynamicsOptions(),
        new RandomFeatureDynamicsOptions());

    private static final List<Option> COMMON = PlotOutput.with(List.of(
        Option.of("model", MODELS.get(0).id(), "the model: " + models()),
        Option.of("trials", DynamicsDefaults.TRIALS, "Monte-Carlo trials (0: theory only)"),
        Option.of("seed", DynamicsDefaults.SEED, "random seed"),
        Option.flag("summary", "write the time-independent numbers (quantity,value) instead of the curves: the "
            + "theory's, then with --trials > 0 the simulation's"),
        Option.of("out", null, "CSV file (default: standard output)")));

    @Override
    public String name() {
        return "dynamics";
    }

    @Override
    public String summary() {
        return "learning curves, theory beside simulation (" + ids() + "); model options below list which models "
            + "read them and their defaults";
    }

    /**
     * The command's options, then every model option once: its description (per model where they differ) and
     * the default of each model that reads it. No default is set here: the chosen model fills in its own.
     */
    @Override
    public List<Option> options() {
        final List<Option> all = new ArrayList<>(COMMON);
        final Map<String, Map<String, List<String>>> descriptions = new LinkedHashMap<>();
        final Map<String, Map<String, List<String>>> defaults = new LinkedHashMap<>();
        final Map<String, Boolean> flags = new LinkedHashMap<>();
        for (DynamicsModelOptions m : MODELS) {
            for (Option o : m.options()) {
                flags.putIfAbsent(o.name(), o.flag());
                descriptions.computeIfAbsent(o.name(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(o.description(), k -> new ArrayList<>()).add(m.id());
                if (!o.flag()) {
                    defaults.computeIfAbsent(o.name(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(String.valueOf(o.defaultValue()), k -> new ArrayList<>()).add(m.id());
                }
            }
        }
        for (Map.Entry<String, Map<String, List<String>>> e : descriptions.entrySet()) {
            final Map<String, List<String>> byText = e.getValue();
            final String text = byText.size() == 1 ? byText.keySet().iterator().next() : grouped(byText, " | ");
            if (flags.get(e.getKey())) {
                final List<String> ids = new ArrayList<>();
                byText.values().forEach(ids::addAll);
                all.add(Option.flag(e.getKey(), text + " [" + String.join(", ", ids) + "]"));
            } else {
                all.add(Option.of(e.getKey(), null, text + " (default " + grouped(defaults.get(e.getKey()), "; ") + ")"));
            }
        }
        return all;
    }

    /** "a, b: x; c: y" from {x: [a, b], y: [c]}, the models before the value they share. */
    private static String grouped(final Map<String, List<String>> byValue, final String separator) {
        final List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : byValue.entrySet()) {
            parts.add(String.join(", ", g.getValue()) + ": " + g.getKey());
        }
        return String.join(separator, parts);
    }

    @Override
    public int run(final Args given, final PrintStream stdout) throws Exception {
        final DynamicsModelOptions entry = find(given.string("model"));
        final Args a = forModel(given, entry);
        final PlotOutput plot = PlotOutput.from(a);
        if (plot.requested() && a.flag("summary")) {
            throw new IllegalArgumentException("--plot draws the learning curves, which --summary does not compute: "
                + "leave out --summary, or run the command twice.");
        }
        final DynamicsModel model = entry.create(a);
        final double[] times = a.grid("times").values();
        final int trials = a.integer("trials");
        if (trials < 0) {
            throw new IllegalArgumentException("--trials must be >= 0 (0: theory only), not " + trials + ".");
        }
        final long seed = a.longValue("seed");
        final LearningCurves theory = model.theory(times);
        if (theory.missingTheory() != null) {
            System.err.println("warning: " + theory.missingTheory());
        }
        final String out = a.has("out") ? a.string("out") : null;
        if (a.flag("summary")) {
            // scalars do not depend on time: one time is enough for the simulation's
            final LearningCurves sim = trials == 0 ? null
                : model.simulate(new double[] {times[0]}, trials, seed, Progress.NONE);
            try (CsvWriter csv = CsvWriter.open(out, stdout, "quantity", "value")) {
                for (Map.Entry<String, Double> e : theory.scalars().entrySet()) {
                    csv.row(e.getKey(), e.getValue());
                }
                if (sim != null) {
                    for (Map.Entry<String, Double> e : sim.scalars().entrySet()) {
                        csv.row(e.getKey(), e.getValue());
                    }
                }
            }
            return 0;
        }
        final LearningCurves sim = trials == 0 ? null : model.simulate(times, trials, seed, Progress.NONE);
        write(out, stdout, a, theory, sim);
        plot.write(() -> DynamicsFigures.figure(model.id(), DynamicsFigures.describe(model), theory, sim, trials));
        return 0;
    }

    /**
     * Writes the curves as described in the class comment; also used by {@code rmtlab demo}.
     *
     * @param out CSV file, or {@code null} for {@code stdout}
     * @param a the model's options (a {@code step} column follows the time for gradient descent)
     * @param sim the simulation, or {@code null} for theory only
     */
    static void write(final String out, final PrintStream stdout, final Args a, final LearningCurves theory,
        final LearningCurves sim) throws IOException {
        final GradientMethod method = a.has(GradientDynamicsOptions.METHOD) ? GradientDynamicsOptions.method(a) : null;
        final GradientMethod.Descent descent = method instanceof GradientMethod.Descent d ? d : null;
        final List<String> header = new ArrayList<>();
        header.add(theory.timeName());
        if (descent != null) {
            header.add("step");
        }
        for (Curve c : theory.curves()) {
            header.add(c.name() + "_theory");
        }
        final List<Curve> simulated = sim == null ? List.of() : sim.curves();
        for (Curve c : simulated) {
            header.add(c.name() + "_sim");
        }
        for (Curve c : simulated) {
            header.add(c.name() + "_sim_se");
        }
        try (CsvWriter csv = CsvWriter.open(out, stdout, header.toArray(new String[0]))) {
            final Object[] row = new Object[header.size()];
            for (int i = 0; i < theory.size(); i++) {
                int j = 0;
                row[j++] = theory.time(i);
                if (descent != null) {
                    row[j++] = (long) descent.steps(theory.time(i));
                }
                for (Curve c : theory.curves()) {
                    row[j++] = c.value(i);
                }
                for (Curve c : simulated) {
                    row[j++] = c.value(i);
                }
                for (Curve c : simulated) {
                    row[j++] = c.stderr(i);
                }
                csv.row(row);
            }
        }
    }

    /** @throws IllegalArgumentException listing the models when there is none with this id */
    static DynamicsModelOptions find(final String id) {
        for (DynamicsModelOptions m : MODELS) {
            if (m.id().equalsIgnoreCase(id.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown model '" + id + "'. Choose one of: " + ids() + ".");
    }

    /** Re-reads the given options against the common ones plus the chosen model's, which supplies its defaults. */
    private Args forModel(final Args given, final DynamicsModelOptions entry) {
        final List<Option> allowed = new ArrayList<>(COMMON);
        allowed.addAll(entry.options());
        final List<String> argv = new ArrayList<>();
        for (Option o : options()) {
            if (!given.has(o.name()) || o.flag() && !given.flag(o.name())) {
                continue;
            }
            if (allowed.stream().noneMatch(x -> x.name().equals(o.name()))) {
                final List<String> own = new ArrayList<>();
                entry.options().forEach(x -> own.add("--" + x.name()));
                throw new IllegalArgumentException("--" + o.name() + " does not apply to --model " + entry.id()
                    + " (its own options: " + String.join(", ", own) + ").");
            }
            argv.add("--" + o.name());
            if (!o.flag()) {
                argv.add(given.string(o.name()));
            }
        }
        return Args.parse(allowed, argv.toArray(new String[0]));
    }

    private static String ids() {
        final List<String> ids = new ArrayList<>();
        for (DynamicsModelOptions m : MODELS) {
            ids.add(m.id());
        }
        return String.join(", ", ids);
    }

    /** "id (summary); ..." for the help of --model. */
    private static String models() {
        final List<String> parts = new ArrayList<>();
        for (DynamicsModelOptions m : MODELS) {
            parts.add(m.id() + " (" + m.summary() + ")");
        }
        return String.join("; ", parts);
    }
}
