package org.rmtlab.core.cli;

import java.util.List;
import java.util.Locale;

import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.NonMonotoneTestLoss;
import org.rmtlab.core.dynamics.RandomFeatureDynamics;
import org.rmtlab.core.dynamics.RandomFeatureFlow;

/**
 * {@code --model random-features}: {@link RandomFeatureDynamics}. The defaults ({@link DynamicsDefaults}) are the
 * non-monotone example ({@link NonMonotoneTestLoss#EXAMPLE}, psiN = 0.5, psiP = 1.2, no label noise): the test
 * risk falls to
 * 0.737 at t = 1.1 and rises again towards 6/7 while the train loss keeps falling, and the Hermitian
 * counterpart decreases monotonically to 0.5.
 */
final class RandomFeatureDynamicsOptions implements DynamicsModelOptions {

    @Override
    public String id() {
        return RandomFeatureDynamics.ID;
    }

    @Override
    public String summary() {
        return "linear random features trained by gradient flow (Bordelon and Pehlevan): train loss, test risk "
            + "(non-monotone without label noise), its Hermitian counterpart, bias/variance over feature draws";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.of("times", new Grid(DynamicsDefaults.RANDOM_FEATURES_TIME_FROM,
                DynamicsDefaults.RANDOM_FEATURES_TIME_TO, DynamicsDefaults.RANDOM_FEATURES_TIME_COUNT, true).text(),
                "time grid FROM:TO:COUNT, log-spaced, flow time t of da/dt = -D dL/da"),
            Option.of("psi-n", DynamicsDefaults.RANDOM_FEATURES_PSI_N, "features per input dimension N/D"),
            Option.of("psi-p", DynamicsDefaults.RANDOM_FEATURES_PSI_P, "training samples per input dimension P/D"),
            Option.of("noise", DynamicsDefaults.RANDOM_FEATURES_NOISE, "label-noise standard deviation"),
            Option.of("p", DynamicsDefaults.RANDOM_FEATURES_INPUT_DIM,
                "input dimension D of the simulation (N = psiN D, P = psiP D)"),
            Option.of("engine", DynamicsDefaults.RANDOM_FEATURES_ENGINE.id(), "theory engine: resolvent (contour "
                + "integrals, fast) or dmft (time-domain DMFT, at most " + RandomFeatureDynamics.MAX_DMFT_STEPS
                + " steps, scalar dmft_error_estimate)"),
            Option.of("hermitian", DynamicsDefaults.RANDOM_FEATURES_HERMITIAN ? "on" : "off",
                "on/off: the test risk of the Hermitian counterpart (same spectrum, monotone)"),
            Option.of("ensemble", DynamicsDefaults.RANDOM_FEATURES_ENSEMBLE, "K >= 2: bias, variance over feature "
                + "draws and the test risk of an ensemble of K feature draws (bias + variance/K); 0: off"));
    }

    @Override
    public DynamicsModel create(final Args a) {
        final RandomFeatureFlow flow = new RandomFeatureFlow(a.real("psi-n"), a.real("psi-p"), a.real("noise"));
        return new RandomFeatureDynamics(new RandomFeatureDynamics.Config(flow, a.integer("p"),
            RandomFeatureDynamics.Engine.fromId(a.string("engine")), onOff(a.string("hermitian")), a.integer("ensemble")));
    }

    private static boolean onOff(final String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("--hermitian must be on or off, not '" + value + "'.");
        };
    }
}
