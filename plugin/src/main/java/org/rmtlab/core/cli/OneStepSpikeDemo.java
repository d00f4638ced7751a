package org.rmtlab.core.cli;

import java.util.List;

import org.rmtlab.core.dynamics.LearningCurves;
import org.rmtlab.core.dynamics.OneStepFeatureLearning;

/**
 * {@code one-step-spike}: one gradient step on the first layer of a two-layer network, Ba et al. 2022, at the
 * defaults of {@code rmtlab dynamics --model one-step}: D = 200, N = 400, n = 400, ReLU student and teacher, label
 * noise 0.2, 40 learning rates eta from 0.3 to 30. Below the threshold eta_c (3.3 here) the top singular value of
 * W1 sits at the bulk edge 1 + sqrt(N/D); beyond it a spike leaves the bulk and its right singular vector aligns
 * with the teacher.
 *
 * <p>Scored: the top singular value and its squared overlap with the teacher, at eta &gt;= 1.5 eta_c only. Below
 * and near the threshold the finite-size picture is not the limit's: the top singular value of a finite bulk sits
 * O(N^{-2/3}) below the edge (Tracy-Widom), measured at 5.9 standard errors with 20 trials, and the overlap is of
 * order 1/D instead of 0; near eta_c both converge like N^{-1/3}. The figure shows all etas. The overlap with the
 * readout a is not scored either: its rank-one approximation error is O(N^{-1/2}) and shows (0.937 against 0.966
 * at eta = 21, 15 standard errors). Measured max z on the scored points (tolerance 3.96): 0.99 with seed 42; 2.51,
 * 2.12 and 1.18 with seeds 1 to 3. Quick: 20 learning rates, 20 trials (max z 1.32, tolerance 4.09).
 */
final class OneStepSpikeDemo extends DynamicsDemo {
    /** Scored from this multiple of the threshold eta_c on. */
    static final double SCORED_FROM = 1.5;

    OneStepSpikeDemo() {
        super("one-step-spike", OneStepFeatureLearning.ID);
    }

    @Override
    public String description() {
        return "One large gradient step on the first layer of a two-layer network: beyond a threshold learning rate a "
            + "singular value of the weights leaves the bulk and aligns with the teacher (Ba et al. 2022).";
    }

    @Override
    List<String> options(final boolean quick) {
        return quick ? List.of("--times", "0.3:30:20") : List.of();
    }

    @Override
    int trials(final boolean quick) {
        return quick ? 20 : 40;
    }

    @Override
    String size(final Args a) {
        return "D=" + a.string("p") + " N=" + a.string("width") + " n=" + a.string("n");
    }

    @Override
    List<String> scored() {
        return List.of(OneStepFeatureLearning.TOP_SV, OneStepFeatureLearning.OVERLAP_BETA);
    }

    @Override
    boolean scores(final LearningCurves theory, final int i) {
        return theory.time(i) >= SCORED_FROM * theory.scalar("threshold_eta");
    }
}
