package org.rmtlab.core.cli;

import java.util.ArrayList;
import java.util.List;

import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.GaussianMixtureDynamics;

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
        final List<Option> o = new ArrayList<>(GradientDynamicsOptions.options());
        o.add(Option.of("rho", DynamicsDefaults.GMM_RHO, "signal strength ||mu||^2"));
        o.add(Option.of("init", DynamicsDefaults.GMM_INIT_VARIANCE,
            "initialisation variance sigma^2: w0 ~ N(0, sigma^2 I/p)"));
        o.add(Option.of("gamma", DynamicsDefaults.GMM_GAMMA, "ridge penalty"));
        return o;
    }

    @Override
    public DynamicsModel create(final Args a) {
        return new GaussianMixtureDynamics(a.integer("p"), a.integer("n"), a.real("rho"), a.real("init"), a.real("gamma"),
            GradientDynamicsOptions.method(a));
    }
}
