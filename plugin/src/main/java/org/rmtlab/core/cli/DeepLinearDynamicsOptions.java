package org.rmtlab.core.cli;

import java.util.List;

import org.rmtlab.core.dynamics.DeepLinearNetwork;
import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;

/**
 * {@code --model deep-linear}: {@link DeepLinearNetwork}. The defaults give the saddle-to-saddle picture:
 * L = 2, small initialisation (sigma_a = sigma_W = 0.1), gamma0 = 1 and the population loss, where the
 * test risk sits on a plateau, drops sharply while the top eigenvalue of W1^T W1 / N leaves the bulk and
 * aligns with the teacher, then flattens at 0.
 */
final class DeepLinearDynamicsOptions implements DynamicsModelOptions {

    @Override
    public String id() {
        return DeepLinearNetwork.ID;
    }

    @Override
    public String summary() {
        return "deep linear network, mean-field gradient flow on a linear teacher: losses, top eigenvalue and "
            + "teacher overlap of the first layer (theory: all four for L = 2 on the population loss, train and test "
            + "from the DMFT otherwise)";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.of("times", new Grid(DynamicsDefaults.DEEP_LINEAR_TIME_FROM, DynamicsDefaults.DEEP_LINEAR_TIME_TO,
                DynamicsDefaults.DEEP_LINEAR_TIME_COUNT, true).text(),
                "time grid FROM:TO:COUNT, log-spaced, flow time t"),
            Option.of("depth", DynamicsDefaults.DEEP_LINEAR_DEPTH,
                "number of weight layers L (2: one hidden layer)"),
            Option.of("p", DynamicsDefaults.DEEP_LINEAR_INPUT_DIM, "input dimension D"),
            Option.of("width", DynamicsDefaults.DEEP_LINEAR_WIDTH, "hidden width N (the theory uses alpha = D/N)"),
            Option.of("n", DynamicsDefaults.DEEP_LINEAR_SAMPLES,
                "training samples P (0: population loss)"),
            Option.of("gamma0", DynamicsDefaults.DEEP_LINEAR_GAMMA0,
                "feature-learning scale gamma0 (small: lazy/kernel, large: rich)"),
            Option.of("sigma-a", DynamicsDefaults.DEEP_LINEAR_READOUT_INIT,
                "standard deviation of the initial readout entries"),
            Option.of("sigma-w", DynamicsDefaults.DEEP_LINEAR_HIDDEN_INIT,
                "standard deviation of the initial hidden-weight entries"),
            Option.of("noise", DynamicsDefaults.DEEP_LINEAR_NOISE, "label-noise standard deviation"));
    }

    @Override
    public DynamicsModel create(final Args a) {
        return new DeepLinearNetwork(new DeepLinearNetwork.Config(a.integer("depth"), a.integer("width"), a.integer("p"),
            a.integer("n"), a.real("gamma0"), a.real("sigma-a"), a.real("sigma-w"), a.real("noise")));
    }
}
