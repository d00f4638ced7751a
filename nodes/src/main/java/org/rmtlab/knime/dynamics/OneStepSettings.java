package org.rmtlab.knime.dynamics;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.OneStepFeatureLearning;
import org.rmtlab.core.dynamics.OneStepFeatureLearning.LossNormalisation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.SettingsGroup;

/**
 * {@code one-step}: {@link OneStepFeatureLearning}, one full-batch gradient step on the first layer of a
 * two-layer network (Ba et al. 2022). The "time" axis is the learning rate eta of that step; there are no
 * training and test curves, so the chart is the top singular value of the first layer against eta, with the
 * bulk edge and the threshold marked. With an input table, D and n are the table's.
 */
final class OneStepSettings extends BaseModelSettings {
    static final String KEY_P = "p";
    static final String KEY_WIDTH = "width";
    static final String KEY_N = "n";
    static final String KEY_STUDENT = "student";
    static final String KEY_TEACHER = "teacher";
    static final String KEY_NOISE = "noise";
    static final String KEY_LOSS = "loss";

    final SettingsModelIntegerBounded inputDim;
    final SettingsModelIntegerBounded width;
    final SettingsModelIntegerBounded samples;
    final SettingsModelString student;
    final SettingsModelString teacher;
    final SettingsModelDoubleBounded noise;
    final SettingsModelString loss;

    OneStepSettings(final SettingsGroup parent) {
        super(parent, OneStepFeatureLearning.ID, OneStepFeatureLearning.TIME, "learning rate \u03B7",
            DynamicsDefaults.ONE_STEP_ETA_FROM, DynamicsDefaults.ONE_STEP_ETA_TO,
            DynamicsDefaults.ONE_STEP_ETA_COUNT);
        inputDim = group.integer(KEY_P, DynamicsDefaults.ONE_STEP_INPUT_DIM, 1, DataSpec.MAX_SIZE);
        width = group.integer(KEY_WIDTH, DynamicsDefaults.ONE_STEP_WIDTH, 1, DataSpec.MAX_SIZE);
        samples = group.integer(KEY_N, DynamicsDefaults.ONE_STEP_SAMPLES, 1, DataSpec.MAX_SIZE);
        student = group.string(KEY_STUDENT, DynamicsDefaults.ONE_STEP_STUDENT);
        teacher = group.string(KEY_TEACHER, DynamicsDefaults.ONE_STEP_TEACHER);
        noise = group.real(KEY_NOISE, DynamicsDefaults.ONE_STEP_NOISE, 0, GmmSettings.MAX_PARAMETER);
        loss = group.string(KEY_LOSS, DynamicsDefaults.ONE_STEP_LOSS.id());
    }

    @Override
    public String title() {
        return "one-step: one gradient step";
    }

    @Override
    public CurveRoles roles() {
        return CurveRoles.curvesOnly(List.of(OneStepFeatureLearning.THETA, OneStepFeatureLearning.TOP_SV,
            OneStepFeatureLearning.OVERLAP_BETA, OneStepFeatureLearning.OVERLAP_A,
            OneStepFeatureLearning.TOP_SV_CONDITIONAL, OneStepFeatureLearning.SECOND_SV));
    }

    @Override
    public void check() throws InvalidSettingsException {
        super.check();
        CoreCall.settings(() -> {
            Activations.byId(student.getStringValue());
            Activations.byId(teacher.getStringValue());
            return LossNormalisation.fromId(loss.getStringValue());
        });
    }

    @Override
    public DynamicsModel create(final DataSummary data) throws InvalidSettingsException {
        return CoreCall.settings(() -> new OneStepFeatureLearning(new OneStepFeatureLearning.Config(features(data, inputDim),
            width.getIntValue(), rows(data, samples), Activations.byId(student.getStringValue()),
            Activations.byId(teacher.getStringValue()), noise.getDoubleValue(),
            LossNormalisation.fromId(loss.getStringValue()))));
    }

    /**
     * The picture of Ba et al.: the top singular value of W1 against eta, theory and simulation, with the second
     * singular value (the bulk) simulated, the bulk edge 1 + sqrt(psi1) and the threshold eta_c marked.
     */
    @Override
    protected void addGroups(final DefaultNodeSettingsPane pane) {
        pane.createNewGroup("Network and data (D and n replaced by the input table's shape when one is connected)");
        pane.addDialogComponent(new DialogComponentNumber(inputDim, "Input dimension D", 10));
        pane.addDialogComponent(new DialogComponentNumber(width, "Hidden width N", 10));
        pane.addDialogComponent(new DialogComponentNumber(samples, "Samples n of the gradient step", 10));
        pane.closeCurrentGroup();
        pane.createNewGroup("Activations and loss");
        pane.addDialogComponent(new DialogComponentString(student, "Student activation \u03C3 ("
            + String.join(", ", Activations.ids()) + ", leaky-relu:0.2, poly:1,0,0.5)"));
        pane.addDialogComponent(new DialogComponentString(teacher, "Teacher link \u03C3* (same choices)"));
        pane.addDialogComponent(new DialogComponentNumber(noise, "Label-noise standard deviation", 0.05));
        pane.addDialogComponent(new DialogComponentStringSelection(loss, "Loss",
            LossNormalisation.HALF_MSE.id(), LossNormalisation.MSE.id()));
        pane.closeCurrentGroup();
    }
}
