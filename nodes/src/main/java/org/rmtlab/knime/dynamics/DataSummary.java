package org.rmtlab.knime.dynamics;

import org.rmtlab.core.data.MixtureEstimator;

/**
 * What the optional input table tells the models: its shape and, when a model reads class labels, the
 * two-class mixture estimate.
 *
 * @param p number of numeric feature columns
 * @param n number of rows used (complete rows)
 * @param skipped rows left out because they had missing, NaN or infinite entries
 * @param mixture the class-mean estimate, or {@code null} when the model does not read classes
 */
record DataSummary(int p, int n, long skipped, MixtureEstimator.Estimate mixture) {
}
