package org.rmtlab.core.cli;

import java.util.List;

import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.OneStepFeatureLearning;
import org.rmtlab.core.dynamics.OneStepFeatureLearning.LossNormalisation;
import org.rmtlab.core.kernel.Activations;

/**
 * {@code --model one-step}: {@link OneStepFeatureLearning}. The defaults give the picture of Ba et al. (2022):
 * the top singular value of W1 against the learning rate eta, on a log grid spanning a decade either side of
 * the threshold eta_c (about 3.4 here, see {@code --summary}), with the spike leaving the bulk edge
 * 1 + sqrt(N/D) and aligning with the teacher beyond it.
 */
final class OneStepDynamicsOptions implements DynamicsModelOptions {

    @Override
    public String id() {
        return OneStepFeatureLearning.ID;
    }

    @Override
    public String summary() {
        return "one gradient step on the first layer of a two-layer network (Ba et al. 2022): spike of W1 and its "
            + "teacher overlap against the learning rate eta";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.of("times", new Grid(DynamicsDefaults.ONE_STEP_ETA_FROM, DynamicsDefaults.ONE_STEP_ETA_TO,
                DynamicsDefaults.ONE_STEP_ETA_COUNT, true).text(),
                "learning-rate grid FROM:TO:COUNT, log-spaced (eta)"),
            Option.of("p", DynamicsDefaults.ONE_STEP_INPUT_DIM, "input dimension D"),
            Option.of("width", DynamicsDefaults.ONE_STEP_WIDTH, "hidden width N (psi1 = N/D)"),
            Option.of("n", DynamicsDefaults.ONE_STEP_SAMPLES, "training samples of the full-batch step (psi2 = n/D)"),
            Option.of("student", DynamicsDefaults.ONE_STEP_STUDENT,
                "student activation sigma: " + String.join(", ", Activations.ids())),
            Option.of("teacher", DynamicsDefaults.ONE_STEP_TEACHER, "teacher link sigma*: y = sigma*(beta.x) + noise"),
            Option.of("noise", DynamicsDefaults.ONE_STEP_NOISE, "label-noise standard deviation"),
            Option.of("loss", DynamicsDefaults.ONE_STEP_LOSS.id(), "half-mse: (1/2n) sum (y - f)^2; mse: (1/n) sum"));
    }

    @Override
    public DynamicsModel create(final Args a) {
        return new OneStepFeatureLearning(new OneStepFeatureLearning.Config(a.integer("p"), a.integer("width"),
            a.integer("n"), Activations.byId(a.string("student")), Activations.byId(a.string("teacher")), a.real("noise"),
            LossNormalisation.fromId(a.string("loss"))));
    }
}
