package org.rmtlab.core.cli;

import java.util.List;

/**
 * A case on a model trained by gradient flow in the time tau = alpha t ({@code gmm}, {@code ridge}): its training
 * and test curves scored against the theory at the model's defaults (100 times from 0.01 to 1000, 40 trials; quick:
 * 20 times, 20 trials).
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
    final List<String> scored() {
        return List.of(test, train);
    }
}
