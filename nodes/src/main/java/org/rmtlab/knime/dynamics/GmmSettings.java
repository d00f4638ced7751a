package org.rmtlab.knime.dynamics;

import java.util.List;
import java.util.Locale;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.rmtlab.core.data.MixtureEstimator;
import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.GaussianMixtureDynamics;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.knime.common.SettingsGroup;

/**
 * {@code gmm}: {@link GaussianMixtureDynamics}, the least-squares classifier of Liao and Couillet (2018) on a
 * two-class Gaussian mixture. With an input table, p and n are the table's and rho is estimated from its class
 * means ({@link MixtureEstimator}, unbiased, in units of the within-class noise variance).
 */
final class GmmSettings extends GradientModelSettings {
    static final String KEY_RHO = "rho";
    static final String KEY_INIT = "init_variance";
    static final String KEY_GAMMA = "gamma";
    /** Largest value accepted for rho, sigma^2 and gamma: far beyond any figure of the papers. */
    static final double MAX_PARAMETER = 1e6;
    /** Class sizes further than this many binomial standard deviations from n/2 get a warning. */
    private static final double UNBALANCED_SDS = 4;

    final SettingsModelDoubleBounded rho;
    final SettingsModelDoubleBounded initVariance;
    final SettingsModelDoubleBounded gamma;

    GmmSettings(final SettingsGroup parent) {
        super(parent, GaussianMixtureDynamics.ID);
        rho = group.real(KEY_RHO, DynamicsDefaults.GMM_RHO, 0, MAX_PARAMETER);
        initVariance = group.real(KEY_INIT, DynamicsDefaults.GMM_INIT_VARIANCE, 0, MAX_PARAMETER);
        gamma = group.real(KEY_GAMMA, DynamicsDefaults.GMM_GAMMA, 0, MAX_PARAMETER);
    }

    @Override
    public String title() {
        return "gmm: Gaussian mixture";
    }

    @Override
    public CurveRoles roles() {
        return new CurveRoles(GaussianMixtureDynamics.TRAIN_ERROR, GaussianMixtureDynamics.TEST_ERROR,
            List.of(GaussianMixtureDynamics.E_TEST, GaussianMixtureDynamics.V_TEST, GaussianMixtureDynamics.E_TRAIN,
                GaussianMixtureDynamics.V_TRAIN),
            "tau_star", "test_error_at_tau_star");
    }

    @Override
    public boolean readsClasses() {
        return true;
    }

    /** rho: the setting, or the table's estimate (clipped at 0: a negative estimate means no visible signal). */
    private double rho(final DataSummary data) {
        return data == null ? rho.getDoubleValue() : Math.max(0, data.mixture().rho());
    }

    @Override
    protected DynamicsModel create(final int p, final int n, final GradientMethod method, final DataSummary data) {
        return new GaussianMixtureDynamics(p, n, rho(data), initVariance.getDoubleValue(), gamma.getDoubleValue(),
            method);
    }

    @Override
    public List<String> warnings(final DataSummary data) throws InvalidSettingsException {
        final List<String> out = super.warnings(data);
        if (data == null) {
            return out;
        }
        final MixtureEstimator.Estimate e = data.mixture();
        if (e.rho() < 0) {
            out.add(String.format(Locale.ROOT, "The class means are no further apart than noise alone would put "
                + "them (estimated rho = %.3g): the theory uses rho = 0, a classifier no better than chance.",
                e.rho()));
        }
        if (Math.abs(e.n0() - e.n() / 2.0) > UNBALANCED_SDS * Math.sqrt(e.n()) / 2) {
            out.add(String.format(Locale.ROOT, "The classes have %d and %d rows; the theory assumes two equally likely "
                + "classes, so expect it to be less accurate.", e.n0(), e.n1()));
        }
        return out;
    }

    @Override
    protected void addParameters(final DefaultNodeSettingsPane pane) {
        pane.createNewGroup("Mixture and classifier");
        pane.addDialogComponent(new DialogComponentNumber(rho, "Signal strength \u03C1 = ||\u03BC||\u00B2 "
            + "(estimated from the table's class means when one is connected)", 0.5));
        pane.addDialogComponent(new DialogComponentNumber(initVariance, "Initialisation variance \u03C3\u00B2", 0.05));
        pane.addDialogComponent(new DialogComponentNumber(gamma, "Ridge penalty \u03B3", 0.01));
        pane.closeCurrentGroup();
    }
}
