package org.rmtlab.core.cli;

import java.util.List;

import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.GaussianMixtureDynamics;
import org.rmtlab.core.dynamics.GradientMethod;

/** {@code --model gmm}: {@link GaussianMixtureDynamics}. */
final class GmmDynamicsOptions implements DynamicsModelOptions {

    @Override
    public String id() {
        return GaussianMixtureDynamics.ID;
    }

    @Override
    public String summary() {
        return "two-class Gaussian mixture, least-squares classifier (Liao-Couillet 2018): error rates and E/V moments";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.of("rho", "2", "signal strength ||mu||^2"),
            Option.of("init", "0.1", "initialisation variance sigma^2: w0 ~ N(0, sigma^2 I/p)"),
            Option.of("gamma", "0", "ridge penalty"));
    }

    @Override
    public DynamicsModel create(final Args a, final GradientMethod method) {
        return new GaussianMixtureDynamics(a.integer("p"), a.integer("n"), a.real("rho"), a.real("init"), a.real("gamma"),
            method);
    }
}
