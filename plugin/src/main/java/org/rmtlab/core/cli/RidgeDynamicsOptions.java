package org.rmtlab.core.cli;

import java.util.ArrayList;
import java.util.List;

import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.RidgeDynamics;

/** {@code --model ridge}: {@link RidgeDynamics}. */
final class RidgeDynamicsOptions implements DynamicsModelOptions {

    @Override
    public String id() {
        return RidgeDynamics.ID;
    }

    @Override
    public String summary() {
        return "linear regression on isotropic data: test risk (bias, variance, init) and training loss";
    }

    @Override
    public List<Option> options() {
        final List<Option> o = new ArrayList<>(GradientDynamicsOptions.options());
        o.add(Option.of("signal", DynamicsDefaults.RIDGE_SIGNAL, "teacher norm r^2 = E||beta*||^2"));
        o.add(Option.of("noise", DynamicsDefaults.RIDGE_NOISE, "label-noise variance s^2"));
        o.add(Option.of("init", DynamicsDefaults.RIDGE_INIT, "initialisation s0^2 = E||w0||^2"));
        o.add(Option.of("gamma", DynamicsDefaults.RIDGE_GAMMA, "ridge penalty"));
        return o;
    }

    @Override
    public DynamicsModel create(final Args a) {
        return new RidgeDynamics(a.integer("p"), a.integer("n"), a.real("signal"), a.real("noise"), a.real("init"),
            a.real("gamma"), GradientDynamicsOptions.method(a));
    }
}
