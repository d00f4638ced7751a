package org.rmtlab.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.demo.DemoCase;
import org.rmtlab.core.demo.DemoResult;
import org.rmtlab.core.demo.Discrepancy;
import org.rmtlab.core.dynamics.Curve;
import org.rmtlab.core.dynamics.DynamicsFigures;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.LearningCurves;
import org.rmtlab.core.util.Progress;

/**
 * A demo case on one {@link DynamicsModel}, built exactly as {@code rmtlab dynamics --model ID} builds it: the
 * model's command-line options with their defaults, plus the few options the case sets (for the quick run, a
 * coarser grid). It writes the CSV of {@code rmtlab dynamics} ({@link DynamicsCommand#write}), scores the curves of
 * {@link #scored()} and draws the figure of the Dynamics Simulator node's image port ({@link DynamicsFigures#figure}
 * with the model's {@link DynamicsFigures#describe description} as subtitle): the node's test
 * {@code DemoParityTest} checks that both are the same picture.
 *
 * <p>Scoring: a learning curve is drawn from the same trials at every time, so neighbouring points of a fine grid
 * carry nearly the same z; at most {@link #SCORED_PER_CURVE} points per curve, evenly spread over the eligible
 * ones ({@link #scores}), are scored, which keeps the union bound of the tolerance ({@link Discrepancy}) from
 * growing with the grid without missing a deviation.
 */
abstract class DynamicsDemo implements DemoCase {
    /** The seed of every dynamics case, the default seed of {@code rmtlab dynamics}. */
    static final long SEED = 42;
    /** At most this many scored points per curve (see the class comment). */
    static final int SCORED_PER_CURVE = 20;

    private final String name;
    private final String modelId;

    /**
     * @param name the case's name
     * @param modelId the id of the model in {@link DynamicsCommand#MODELS}
     */
    DynamicsDemo(final String name, final String modelId) {
        this.name = name;
        this.modelId = modelId;
    }

    @Override
    public final String name() {
        return name;
    }

    /** The id of the model in {@link DynamicsCommand#MODELS}. */
    final String modelId() {
        return modelId;
    }

    /** Options on top of the model's defaults, as command-line words (for example {@code --times 0.1:10:20}). */
    abstract List<String> options(boolean quick);

    /** Monte-Carlo trials, at least 2 (standard errors). */
    abstract int trials(boolean quick);

    /** The size for the summary table, for example {@code p=256 n=512}. */
    abstract String size(Args a);

    /** The curves compared with the theory. */
    abstract List<String> scored();

    /** Whether point {@code i} of the grid may be scored; all by default. */
    boolean scores(final LearningCurves theory, final int i) {
        return true;
    }

    @Override
    public final DemoResult run(final boolean quick, final Path dir, final Progress progress) throws Exception {
        final DynamicsModelOptions entry = DynamicsCommand.find(modelId);
        final Args a = Args.parse(entry.options(), options(quick).toArray(new String[0]));
        final DynamicsModel model = entry.create(a);
        final double[] times = a.grid("times").values();
        final int trials = trials(quick);
        final LearningCurves theory = model.theory(times, progress.sub(0, 0.05));
        final LearningCurves sim = model.simulate(times, trials, SEED, progress.sub(0.05, 0.95));
        final Path csv = dir.resolve(name + ".csv");
        DynamicsCommand.write(csv.toString(), null, a, theory, sim);

        final List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < theory.size(); i++) {
            if (scores(theory, i)) {
                eligible.add(i);
            }
        }
        final int stride = Math.max(1, (eligible.size() + SCORED_PER_CURVE - 1) / SCORED_PER_CURVE);
        final Discrepancy.Accumulator acc = new Discrepancy.Accumulator();
        for (String q : scored()) {
            final Curve th = theory.curve(q);
            final Curve s = sim.curve(q);
            for (int k = 0; k < eligible.size(); k += stride) {
                final int i = eligible.get(k);
                acc.add(String.format(Locale.ROOT, "%s at %s = %.3g", q, theory.timeName(), theory.time(i)), th.value(i),
                    s.value(i), s.stderr(i));
            }
        }
        final Figure figure = DynamicsFigures.figure(modelId, DynamicsFigures.describe(model), theory, sim, trials);
        return new DemoResult(size(a), acc.result(trials), figure, List.of(csv));
    }
}
