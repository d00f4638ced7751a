package org.rmtlab.knime.dynamics;

import java.util.List;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.core.dynamics.RidgeDynamics;
import org.rmtlab.knime.common.SettingsGroup;

/**
 * {@code ridge}: {@link RidgeDynamics}, linear regression on isotropic data trained by gradient flow or
 * descent. An input table provides only p and n: the teacher's strength and the label noise cannot be told
 * apart from the features alone (that would need the targets and a noise estimate, which needs n > p), so
 * they stay settings.
 */
final class RidgeSettings extends GradientModelSettings {
    static final String KEY_SIGNAL = "signal";
    static final String KEY_NOISE = "noise";
    static final String KEY_INIT = "init";
    static final String KEY_GAMMA = "gamma";

    final SettingsModelDoubleBounded signal;
    final SettingsModelDoubleBounded noise;
    final SettingsModelDoubleBounded init;
    final SettingsModelDoubleBounded gamma;

    RidgeSettings(final SettingsGroup parent) {
        super(parent, RidgeDynamics.ID);
        signal = group.real(KEY_SIGNAL, DynamicsDefaults.RIDGE_SIGNAL, 0, GmmSettings.MAX_PARAMETER);
        noise = group.real(KEY_NOISE, DynamicsDefaults.RIDGE_NOISE, 0, GmmSettings.MAX_PARAMETER);
        init = group.real(KEY_INIT, DynamicsDefaults.RIDGE_INIT, 0, GmmSettings.MAX_PARAMETER);
        gamma = group.real(KEY_GAMMA, DynamicsDefaults.RIDGE_GAMMA, 0, GmmSettings.MAX_PARAMETER);
    }

    @Override
    public String title() {
        return "ridge: linear regression";
    }

    @Override
    public CurveRoles roles() {
        return new CurveRoles(RidgeDynamics.TRAIN_LOSS, RidgeDynamics.TEST_RISK,
            List.of(RidgeDynamics.BIAS, RidgeDynamics.VARIANCE, RidgeDynamics.INIT),
            "tau_star", "risk_at_tau_star");
    }

    @Override
    protected DynamicsModel create(final int p, final int n, final GradientMethod method, final DataSummary data) {
        return new RidgeDynamics(p, n, signal.getDoubleValue(), noise.getDoubleValue(), init.getDoubleValue(),
            gamma.getDoubleValue(), method);
    }

    @Override
    protected void addParameters(final DefaultNodeSettingsPane pane) {
        pane.createNewGroup("Teacher, noise and regularisation");
        pane.addDialogComponent(new DialogComponentNumber(signal, "Signal r\u00B2 = E||\u03B2*||\u00B2", 0.1));
        pane.addDialogComponent(new DialogComponentNumber(noise, "Label-noise variance s\u00B2", 0.05));
        pane.addDialogComponent(
            new DialogComponentNumber(init, "Initialisation s\u2080\u00B2 = E||w\u2080||\u00B2", 0.1));
        pane.addDialogComponent(new DialogComponentNumber(gamma, "Ridge penalty \u03B3", 0.01));
        pane.closeCurrentGroup();
    }
}
