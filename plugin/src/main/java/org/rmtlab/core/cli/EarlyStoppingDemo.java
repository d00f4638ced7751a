package org.rmtlab.core.cli;

import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.chart.Figures;
import org.rmtlab.core.dynamics.LearningCurves;

/**
 * A case on a model trained by gradient flow in the time tau = alpha t ({@code gmm}, {@code ridge}): its training
 * and test curves scored against the theory at the model's defaults (100 times from 0.01 to 1000, 40 trials; quick:
 * 20 times, 20 trials), drawn with the early-stopping optimum tau* of the theory marked.
 */
abstract class EarlyStoppingDemo extends DynamicsDemo {
    private final String test;
    private final String train;

    /**
     * @param test the test curve's name
     * @param train the training curve's name
     */
    EarlyStoppingDemo(final String name, final String modelId, final String test, final String train) {
        super(name, modelId);
        this.test = test;
        this.train = train;
    }

    @Override
    final List<String> options(final boolean quick) {
        return quick ? List.of("--times", "0.01:1000:20") : List.of();
    }

    @Override
    final int trials(final boolean quick) {
        return quick ? 20 : 40;
    }

    @Override
    final String size(final Args a) {
        return "p=" + a.string("p") + " n=" + a.string("n");
    }

    @Override
    final String setting(final Args a) {
        return "p = " + a.string("p") + ", n = " + a.string("n") + ", " + parameters(a) + ", ridge " + a.string("gamma")
            + ", gradient " + a.string("method");
    }

    /** The model's own parameters in words, for the subtitle. */
    abstract String parameters(Args a);

    @Override
    final List<String> scored() {
        return List.of(test, train);
    }

    @Override
    final Figure figure(final LearningCurves theory, final LearningCurves sim) {
        final double best = theory.scalar("tau_star");
        final Figure.Builder figure = Figures.learningCurves(theory.times(), theory.curve(train).values(),
            theory.curve(test).values(), measured(sim, train), measured(sim, test), Double.NaN).toBuilder()
            .xLabel("effective training time \u03C4 = \u03B1t")
            .markX(best, String.format(Locale.ROOT, "early-stopping optimum \u03C4* = %.3g", best));
        return style(figure, theory).build();
    }

    /** The figure's title, y axis and any further marks. */
    abstract Figure.Builder style(Figure.Builder figure, LearningCurves theory);
}
