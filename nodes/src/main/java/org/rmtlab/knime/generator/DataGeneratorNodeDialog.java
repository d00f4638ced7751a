package org.rmtlab.knime.generator;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.port.PortObjectSpec;
import org.rmtlab.core.data.CovarianceModel;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activations;

/**
 * Dialog of the Data Generator: one component per setting, grouped as the description explains them.
 * Settings the chosen law does not read are greyed out ({@link DataGeneratorSettings#updateEnabled()}).
 */
final class DataGeneratorNodeDialog extends DefaultNodeSettingsPane {
    private final DataGeneratorSettings s = new DataGeneratorSettings();

    DataGeneratorNodeDialog() {
        final List<String> models = new ArrayList<>();
        for (DataModel m : DataModel.values()) {
            models.add(m.id());
        }
        final List<String> covariances = new ArrayList<>();
        for (CovarianceModel c : CovarianceModel.values()) {
            covariances.add(c.id());
        }
        final List<String> scales = new ArrayList<>();
        for (Scale sc : Scale.values()) {
            scales.add(sc.id());
        }
        createNewGroup("Law");
        addDialogComponent(new DialogComponentStringSelection(s.model, "Model", models));
        addDialogComponent(new DialogComponentNumber(s.classes, "Classes K (mixture)", 1));
        addDialogComponent(new DialogComponentNumber(s.rho, "Signal strength rho = ||mu_k||^2 (mixture)", 0.5));
        addDialogComponent(new DialogComponentStringSelection(s.activation, "Activation sigma (teacher)",
            Activations.ids()));
        addDialogComponent(new DialogComponentNumber(s.noise, "Label noise (teacher)", 0.05));
        closeCurrentGroup();
        createNewGroup("Noise covariance");
        addDialogComponent(new DialogComponentStringSelection(s.covariance, "Covariance", covariances));
        addDialogComponent(new DialogComponentNumber(s.exponent, "Exponent a (power-law)", 0.1));
        addDialogComponent(new DialogComponentNumber(s.spikes, "Number of spikes k (spiked)", 1));
        addDialogComponent(new DialogComponentNumber(s.spikeStrength, "Spike strength ell (spiked)", 0.5));
        closeCurrentGroup();
        createNewGroup("Scale and sizes");
        addDialogComponent(new DialogComponentStringSelection(s.scale, "Scale", scales));
        addDialogComponent(new DialogComponentNumber(s.n, "Training samples n", 64));
        addDialogComponent(new DialogComponentNumber(s.nTest, "Test samples n_test", 64));
        addDialogComponent(new DialogComponentNumber(s.p, "Dimension p", 64));
        addDialogComponent(new DialogComponentNumber(s.seed, "Random seed", 1));
        closeCurrentGroup();
    }

    /** After all components have loaded (each with its saved enabled state), enable by the chosen law. */
    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        s.updateEnabled();
    }
}
