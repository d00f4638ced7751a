package org.rmtlab.knime.dynamics;

import java.util.List;

/**
 * How the node presents the curves of one model: which curve is the training curve and which the test
 * curve (the columns {@code train_*} and {@code test_*} and the chart), the other curves (columns
 * {@code NAME_theory}, {@code NAME_sim}, {@code NAME_sim_se}), and the early-stopping scalars of the theory.
 *
 * @param train name of the training curve, for example {@code train_error}
 * @param test name of the test curve, for example {@code test_error}
 * @param extra the model's other curves, in column order
 * @param testName what the test curve is, for the chart's notes, for example "test error"
 * @param yLabel the chart's y axis, for example "misclassification rate"
 * @param optimumTime theory scalar holding the early-stopping time, for example {@code tau_star}
 * @param optimumValue theory scalar holding the test curve at that time, for example {@code test_error_at_tau_star}
 */
record CurveRoles(String train, String test, List<String> extra, String testName, String yLabel, String optimumTime,
    String optimumValue) {

    CurveRoles {
        extra = List.copyOf(extra);
    }
}
