package org.rmtlab.core.cli;

import java.util.List;

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
            Option.of("times", "0.3:30:40", "learning-rate grid FROM:TO:COUNT, log-spaced (eta)"),
            Option.of("p", "200", "input dimension D"),
            Option.of("width", "400", "hidden width N (psi1 = N/D)"),
            Option.of("n", "400", "training samples of the full-batch step (psi2 = n/D)"),
            Option.of("student", "relu", "student activation sigma: " + String.join(", ", Activations.ids())),
            Option.of("teacher", "relu", "teacher link sigma*: y = sigma*(beta.x) + noise"),
            Option.of("noise", "0.2", "label-noise standard deviation"),
            Option.of("loss", LossNormalisation.HALF_MSE.id(), "half-mse: (1/2n) sum (y - f)^2; mse: (1/n) sum"));
    }

    @Override
    public DynamicsModel create(final Args a) {
        return new OneStepFeatureLearning(new OneStepFeatureLearning.Config(a.integer("p"), a.integer("width"),
            a.integer("n"), Activations.byId(a.string("student")), Activations.byId(a.string("teacher")), a.real("noise"),
            LossNormalisation.fromId(a.string("loss"))));
    }
}
