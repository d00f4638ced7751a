package org.rmtlab.knime.dynamics;

import java.util.List;

/**
 * How the node presents the curves of one model. A model with a training and a test curve gets the columns
 * {@code train_*} and {@code test_*}; every other curve gets columns under its
 * own name ({@code NAME_theory}, {@code NAME_sim}, {@code NAME_sim_se}).
 *
 * @param train name of the training curve, for example {@code train_error}, or {@code null}
 * @param test name of the test curve, for example {@code test_error}, or {@code null}
 * @param extra the model's other curves, in column order
 * @param optimumTime theory scalar holding the early-stopping time, for example {@code tau_star}, or {@code null}
 * @param optimumValue theory scalar holding the test curve at that time, or {@code null}
 */
record CurveRoles(String train, String test, List<String> extra, String optimumTime, String optimumValue) {

    CurveRoles {
        extra = List.copyOf(extra);
    }

    /** A model whose curves are not training and test curves: every curve under its own name. */
    static CurveRoles curvesOnly(final List<String> curves) {
        return new CurveRoles(null, null, curves, null, null);
    }

    /** Whether the model has a training and a test curve. */
    boolean learning() {
        return train != null && test != null;
    }
}
