package org.rmtlab.knime.dynamics;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.RandomFeatureDynamics;
import org.rmtlab.core.dynamics.RandomFeatureFlow;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.SettingsGroup;

/**
 * {@code random-features}: {@link RandomFeatureDynamics}, linear random features trained by gradient flow
 * (Bordelon and Pehlevan 2026): training loss and test risk, the test risk of the Hermitian counterpart with
 * the same spectrum, and optionally bias, variance over feature draws and the test risk of an ensemble. With an
 * input table, D is the table's number of features and psiP = P/D its number of rows over D; psiN stays a
 * setting (the features are drawn, not read).
 */
final class RandomFeaturesSettings extends BaseModelSettings {
    static final String KEY_P = "p";
    static final String KEY_PSI_N = "psi_n";
    static final String KEY_PSI_P = "psi_p";
    static final String KEY_NOISE = "noise";
    static final String KEY_ENGINE = "engine";
    static final String KEY_HERMITIAN = "hermitian";
    static final String KEY_ENSEMBLE = "ensemble";
    /** Largest ensemble: each member costs one simulation per trial. */
    static final int MAX_ENSEMBLE = 1000;

    final SettingsModelIntegerBounded inputDim;
    final SettingsModelDoubleBounded psiN;
    final SettingsModelDoubleBounded psiP;
    final SettingsModelDoubleBounded noise;
    final SettingsModelString engine;
    final SettingsModelBoolean hermitian;
    final SettingsModelIntegerBounded ensemble;

    RandomFeaturesSettings(final SettingsGroup parent) {
        super(parent, RandomFeatureDynamics.ID, RandomFeatureDynamics.TIME, "flow time t",
            DynamicsDefaults.RANDOM_FEATURES_TIME_FROM, DynamicsDefaults.RANDOM_FEATURES_TIME_TO,
            DynamicsDefaults.RANDOM_FEATURES_TIME_COUNT);
        inputDim = group.integer(KEY_P, DynamicsDefaults.RANDOM_FEATURES_INPUT_DIM, 1, DataSpec.MAX_SIZE);
        psiN = group.real(KEY_PSI_N, DynamicsDefaults.RANDOM_FEATURES_PSI_N, 0, GmmSettings.MAX_PARAMETER);
        psiP = group.real(KEY_PSI_P, DynamicsDefaults.RANDOM_FEATURES_PSI_P, 0, GmmSettings.MAX_PARAMETER);
        noise = group.real(KEY_NOISE, DynamicsDefaults.RANDOM_FEATURES_NOISE, 0, GmmSettings.MAX_PARAMETER);
        engine = group.string(KEY_ENGINE, DynamicsDefaults.RANDOM_FEATURES_ENGINE.id());
        hermitian = group.bool(KEY_HERMITIAN, DynamicsDefaults.RANDOM_FEATURES_HERMITIAN);
        ensemble = group.integer(KEY_ENSEMBLE, DynamicsDefaults.RANDOM_FEATURES_ENSEMBLE, 0, MAX_ENSEMBLE);
    }

    @Override
    public String title() {
        return "random-features: random-feature regression";
    }

    /** The curves the core computes for these settings: the Hermitian and ensemble curves only when asked for. */
    @Override
    public CurveRoles roles() {
        final List<String> extra = new ArrayList<>();
        if (hermitian.getBooleanValue()) {
            extra.add(RandomFeatureDynamics.HERMITIAN_TEST_RISK);
        }
        if (ensemble.getIntValue() > 0) {
            extra.addAll(List.of(RandomFeatureDynamics.BIAS, RandomFeatureDynamics.VARIANCE,
                RandomFeatureDynamics.ENSEMBLE_TEST_RISK));
        }
        return new CurveRoles(RandomFeatureDynamics.TRAIN_LOSS, RandomFeatureDynamics.TEST_RISK, extra, "t_star",
            "risk_at_t_star");
    }

    @Override
    public void check() throws InvalidSettingsException {
        super.check();
        engine();
    }

    private RandomFeatureDynamics.Engine engine() throws InvalidSettingsException {
        return CoreCall.settings(() -> RandomFeatureDynamics.Engine.fromId(engine.getStringValue()));
    }

    /** psiP: the setting, or the table's rows per feature. */
    private double psiP(final DataSummary data) {
        return data == null ? psiP.getDoubleValue() : data.n() / (double) data.p();
    }

    @Override
    public DynamicsModel create(final DataSummary data) throws InvalidSettingsException {
        final RandomFeatureDynamics.Engine e = engine();
        return CoreCall.settings(() -> new RandomFeatureDynamics(new RandomFeatureDynamics.Config(
            new RandomFeatureFlow(psiN.getDoubleValue(), psiP(data), noise.getDoubleValue()), features(data, inputDim), e,
            hermitian.getBooleanValue(), ensemble.getIntValue())));
    }

    @Override
    protected void addGroups(final DefaultNodeSettingsPane pane) {
        pane.createNewGroup("Sizes (D and \u03C8_P replaced by the input table's shape when one is connected)");
        pane.addDialogComponent(new DialogComponentNumber(inputDim, "Input dimension D of the simulation", 50));
        pane.addDialogComponent(new DialogComponentNumber(psiN, "Features per input dimension \u03C8_N = N/D", 0.1));
        pane.addDialogComponent(new DialogComponentNumber(psiP, "Samples per input dimension \u03C8_P = P/D", 0.1));
        pane.addDialogComponent(new DialogComponentNumber(noise, "Label-noise standard deviation", 0.05));
        pane.closeCurrentGroup();
        pane.createNewGroup("Theory and extra curves");
        pane.addDialogComponent(new DialogComponentStringSelection(engine, "Theory engine",
            RandomFeatureDynamics.Engine.RESOLVENT.id(), RandomFeatureDynamics.Engine.DMFT.id()));
        pane.addDialogComponent(new DialogComponentBoolean(hermitian, "Hermitian counterpart's test risk"));
        pane.addDialogComponent(new DialogComponentNumber(ensemble,
            "Ensemble size K (0: off; 2 or more: bias, variance and ensemble risk)", 1));
        pane.closeCurrentGroup();
    }
}
