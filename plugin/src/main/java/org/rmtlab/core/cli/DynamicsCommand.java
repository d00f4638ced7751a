package org.rmtlab.core.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rmtlab.core.dynamics.Curve;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.core.dynamics.LearningCurves;
import org.rmtlab.core.util.Progress;

/**
 * {@code rmtlab dynamics}: learning curves over time, theory beside simulation. One row per time: the time
 * tau = alpha t (and the step t for gradient descent), every theory curve, then every simulated curve as
 * {@code NAME_sim} and its standard error {@code NAME_se}. With {@code --summary} the time-independent
 * numbers of the theory (limits, early-stopping optimum) are written instead, as {@code quantity,value}.
 *
 * <p>Models plug in through {@link DynamicsModelOptions}: each declares its own options; an option that the
 * chosen model does not read is an error rather than silently ignored.
 */
final class DynamicsCommand implements Command {

    /** The models of {@code --model}, in the order of the help text. */
    static final List<DynamicsModelOptions> MODELS = List.of(
        new GmmDynamicsOptions(),
        new RidgeDynamicsOptions());

    private static final List<Option> COMMON = List.of(
        Option.of("model", MODELS.get(0).id(), "the model: " + ids()),
        Option.of("p", "256", "dimension (simulation size; the theory uses c = p/n)"),
        Option.of("n", "512", "training samples"),
        Option.of("times", "0.01:1000:100", "time grid FROM:TO:COUNT, log-spaced, tau = alpha t"),
        Option.of("method", "flow", "flow (gradient flow) or descent (gradient descent, (1 - alpha x)^t exactly)"),
        Option.of("alpha", "0.1", "gradient-descent step; t = tau/alpha steps (ignored by flow)"),
        Option.of("trials", "5", "Monte-Carlo trials (0: theory only)"),
        Option.of("seed", "42", "random seed"),
        Option.flag("summary", "write the limits and the early-stopping optimum instead of the curves"),
        Option.of("out", null, "CSV file (default: standard output)"));

    @Override
    public String name() {
        return "dynamics";
    }

    @Override
    public String summary() {
        return "learning curves of gradient flow/descent over time, theory and simulation (" + ids() + ")";
    }

    @Override
    public List<Option> options() {
        final List<Option> all = new ArrayList<>(COMMON);
        final Map<String, StringBuilder> defaults = new LinkedHashMap<>();
        final Map<String, String> descriptions = new LinkedHashMap<>();
        for (DynamicsModelOptions m : MODELS) {
            for (Option o : m.options()) {
                descriptions.putIfAbsent(o.name(), o.description());
                final StringBuilder b = defaults.computeIfAbsent(o.name(), k -> new StringBuilder());
                b.append(b.length() == 0 ? "" : "; ").append(m.id()).append(": ").append(o.defaultValue());
            }
        }
        // no default here: the chosen model fills in its own, and an option it does not read is an error
        for (Map.Entry<String, String> e : descriptions.entrySet()) {
            all.add(Option.of(e.getKey(), null, e.getValue() + " [" + defaults.get(e.getKey()) + "]"));
        }
        return all;
    }

    @Override
    public int run(final Args given, final PrintStream stdout) throws Exception {
        final DynamicsModelOptions entry = find(given.string("model"));
        final Args a = forModel(given, entry);
        final GradientMethod method = method(a);
        final DynamicsModel model = entry.create(a, method);
        final double[] times = a.grid("times").values();
        final int trials = a.integer("trials");
        if (trials < 0) {
            throw new IllegalArgumentException("--trials must be >= 0 (0: theory only), not " + trials + ".");
        }
        final LearningCurves theory = model.theory(times);
        final String out = a.has("out") ? a.string("out") : null;
        if (a.flag("summary")) {
            try (CsvWriter csv = CsvWriter.open(out, stdout, "quantity", "value")) {
                for (Map.Entry<String, Double> e : theory.scalars().entrySet()) {
                    csv.row(e.getKey(), e.getValue());
                }
            }
            return 0;
        }
        final LearningCurves sim = trials == 0 ? null : model.simulate(times, trials, a.longValue("seed"), Progress.NONE);
        write(out, stdout, theory, sim, method);
        return 0;
    }

    private static void write(final String out, final PrintStream stdout, final LearningCurves theory,
        final LearningCurves sim, final GradientMethod method) throws java.io.IOException {
        final boolean steps = method instanceof GradientMethod.Descent;
        final List<String> header = new ArrayList<>();
        header.add(theory.timeName());
        if (steps) {
            header.add("step");
        }
        for (Curve c : theory.curves()) {
            header.add(c.name());
        }
        if (sim != null) {
            for (Curve c : sim.curves()) {
                header.add(c.name() + "_sim");
                header.add(c.name() + "_se");
            }
        }
        try (CsvWriter csv = CsvWriter.open(out, stdout, header.toArray(new String[0]))) {
            final Object[] row = new Object[header.size()];
            for (int i = 0; i < theory.size(); i++) {
                int j = 0;
                row[j++] = theory.time(i);
                if (steps) {
                    row[j++] = (long) ((GradientMethod.Descent) method).steps(theory.time(i));
                }
                for (Curve c : theory.curves()) {
                    row[j++] = c.value(i);
                }
                if (sim != null) {
                    for (Curve c : sim.curves()) {
                        row[j++] = c.value(i);
                        row[j++] = c.stderr(i);
                    }
                }
                csv.row(row);
            }
        }
    }

    private static GradientMethod method(final Args a) {
        final String m = a.string("method").trim().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "flow", "gf" -> GradientMethod.flow();
            case "descent", "gd" -> GradientMethod.descent(a.real("alpha"));
            default -> throw new IllegalArgumentException("--method must be flow or descent, not '" + a.string("method") + "'.");
        };
    }

    private static DynamicsModelOptions find(final String id) {
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
}
