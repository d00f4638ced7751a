package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.util.Progress;

/**
 * {@link DynamicsModel#checkMemory()}: every model refuses, before allocating, a simulation whose matrices
 * (at sizes 10^6, terabytes) cannot fit in any test heap, and accepts the small ones; simulate runs the same
 * check.
 */
class DynamicsMemoryTest {
    private static final int HUGE = 1_000_000;

    @Test
    void hugeSimulationsAreRefusedSmallOnesPass() {
        final List<DynamicsModel> huge = List.of(
            new GaussianMixtureDynamics(HUGE, HUGE, 2, 0.1, 0, GradientMethod.flow()),
            new RidgeDynamics(HUGE, HUGE, 1, 0.25, 0, 0, GradientMethod.flow()),
            new DeepLinearNetwork(new DeepLinearNetwork.Config(2, HUGE, HUGE, 0, 1, 0.1, 0.1, 0)),
            new OneStepFeatureLearning(new OneStepFeatureLearning.Config(HUGE, HUGE, HUGE, Activations.byId("relu"),
                Activations.byId("relu"), 0.2, OneStepFeatureLearning.LossNormalisation.HALF_MSE)));
        for (DynamicsModel m : huge) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, m::checkMemory, m.id());
            assertTrue(e.getMessage().startsWith("Not enough memory"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.simulate(new double[] {1}, 1, 1, Progress.NONE), m.id());
        }
        new GaussianMixtureDynamics(100, 200, 2, 0.1, 0, GradientMethod.flow()).checkMemory();
        new RidgeDynamics(100, 200, 1, 0.25, 0, 0, GradientMethod.flow()).checkMemory();
        new DeepLinearNetwork(new DeepLinearNetwork.Config(2, 200, 100, 0, 1, 0.1, 0.1, 0)).checkMemory();
        new OneStepFeatureLearning(new OneStepFeatureLearning.Config(200, 400, 400, Activations.byId("relu"),
            Activations.byId("relu"), 0.2, OneStepFeatureLearning.LossNormalisation.HALF_MSE)).checkMemory();
    }
}
