package org.rmtlab.knime.dynamics;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.dynamics.DeepLinearNetwork;
import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.SettingsGroup;

/**
 * {@code deep-linear}: {@link DeepLinearNetwork}, gradient flow of a deep linear network in the
 * feature-learning parameterisation on a linear teacher (Bordelon and Pehlevan). With an input table, the
 * input dimension D and the number of samples P are the table's (P &gt; 0: the empirical loss on P samples).
 */
final class DeepLinearSettings extends BaseModelSettings {
    static final String KEY_DEPTH = "depth";
    static final String KEY_P = "p";
    static final String KEY_WIDTH = "width";
    static final String KEY_N = "n";
    static final String KEY_GAMMA0 = "gamma0";
    static final String KEY_SIGMA_A = "sigma_a";
    static final String KEY_SIGMA_W = "sigma_w";
    static final String KEY_NOISE = "noise";
    /** The depth whose population-loss theory also gives the top eigenvalue and overlap. */
    private static final int THEORY_DEPTH = 2;

    final SettingsModelIntegerBounded depth;
    final SettingsModelIntegerBounded inputDim;
    final SettingsModelIntegerBounded width;
    final SettingsModelIntegerBounded samples;
    final SettingsModelDoubleBounded gamma0;
    final SettingsModelDoubleBounded sigmaA;
    final SettingsModelDoubleBounded sigmaW;
    final SettingsModelDoubleBounded noise;

    DeepLinearSettings(final SettingsGroup parent) {
        super(parent, DeepLinearNetwork.ID, DeepLinearNetwork.TIME, "flow time t",
            DynamicsDefaults.DEEP_LINEAR_TIME_FROM, DynamicsDefaults.DEEP_LINEAR_TIME_TO,
            DynamicsDefaults.DEEP_LINEAR_TIME_COUNT);
        depth = group.integer(KEY_DEPTH, DynamicsDefaults.DEEP_LINEAR_DEPTH, 2, 16);
        inputDim = group.integer(KEY_P, DynamicsDefaults.DEEP_LINEAR_INPUT_DIM, 1, DataSpec.MAX_SIZE);
        width = group.integer(KEY_WIDTH, DynamicsDefaults.DEEP_LINEAR_WIDTH, 1, DataSpec.MAX_SIZE);
        samples = group.integer(KEY_N, DynamicsDefaults.DEEP_LINEAR_SAMPLES, 0, DataSpec.MAX_SIZE);
        gamma0 = group.real(KEY_GAMMA0, DynamicsDefaults.DEEP_LINEAR_GAMMA0, 0, GmmSettings.MAX_PARAMETER);
        sigmaA = group.real(KEY_SIGMA_A, DynamicsDefaults.DEEP_LINEAR_READOUT_INIT, 0, GmmSettings.MAX_PARAMETER);
        sigmaW = group.real(KEY_SIGMA_W, DynamicsDefaults.DEEP_LINEAR_HIDDEN_INIT, 0, GmmSettings.MAX_PARAMETER);
        noise = group.real(KEY_NOISE, DynamicsDefaults.DEEP_LINEAR_NOISE, 0, GmmSettings.MAX_PARAMETER);
    }

    @Override
    public String title() {
        return "deep-linear: deep linear network";
    }

    @Override
    public CurveRoles roles() {
        return new CurveRoles(DeepLinearNetwork.TRAIN_LOSS, DeepLinearNetwork.TEST_RISK,
            List.of(DeepLinearNetwork.TOP_EIG, DeepLinearNetwork.OVERLAP), null, null);
    }

    @Override
    public DynamicsModel create(final DataSummary data) throws InvalidSettingsException {
        return CoreCall.settings(() -> new DeepLinearNetwork(new DeepLinearNetwork.Config(depth.getIntValue(),
            width.getIntValue(), features(data, inputDim), rows(data, samples), gamma0.getDoubleValue(), sigmaA.getDoubleValue(),
            sigmaW.getDoubleValue(), noise.getDoubleValue())));
    }

    @Override
    public List<String> warnings(final DataSummary data) {
        final List<String> out = new ArrayList<>();
        if (depth.getIntValue() != THEORY_DEPTH || rows(data, samples) != DeepLinearNetwork.POPULATION) {
            out.add("Outside L = 2 on the population loss the theory is the DMFT (train and test loss): the top "
                + "eigenvalue and overlap columns show the simulation alone.");
        }
        return out;
    }

    @Override
    protected void addGroups(final DefaultNodeSettingsPane pane) {
        pane.createNewGroup("Network and data (D and P replaced by the input table's shape when one is connected)");
        pane.addDialogComponent(new DialogComponentNumber(depth, "Depth L (weight layers)", 1));
        pane.addDialogComponent(new DialogComponentNumber(inputDim, "Input dimension D", 10));
        pane.addDialogComponent(new DialogComponentNumber(width, "Hidden width N", 10));
        pane.addDialogComponent(new DialogComponentNumber(samples, "Training samples P (0: population loss)", 100));
        pane.closeCurrentGroup();
        pane.createNewGroup("Feature learning and initialisation");
        pane.addDialogComponent(new DialogComponentNumber(gamma0, "Feature-learning scale \u03B3\u2080", 0.1));
        pane.addDialogComponent(new DialogComponentNumber(sigmaA, "Readout initialisation \u03C3_a", 0.05));
        pane.addDialogComponent(new DialogComponentNumber(sigmaW, "Hidden initialisation \u03C3_W", 0.05));
        pane.addDialogComponent(new DialogComponentNumber(noise, "Label-noise standard deviation", 0.05));
        pane.closeCurrentGroup();
    }
}
