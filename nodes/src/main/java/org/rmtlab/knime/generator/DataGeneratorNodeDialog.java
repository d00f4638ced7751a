package org.rmtlab.knime.generator;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.Scale;

/** Dialog of the Data Generator: one component per setting, grouped as the description explains them. */
final class DataGeneratorNodeDialog extends DefaultNodeSettingsPane {

    DataGeneratorNodeDialog() {
        final DataGeneratorSettings s = new DataGeneratorSettings();
        final List<String> models = new ArrayList<>();
        for (DataModel m : DataModel.values()) {
            models.add(m.id());
        }
        final List<String> scales = new ArrayList<>();
        for (Scale sc : Scale.values()) {
            scales.add(sc.id());
        }
        createNewGroup("Law");
        addDialogComponent(new DialogComponentStringSelection(s.model, "Model", models));
        addDialogComponent(new DialogComponentNumber(s.rho, "Signal strength rho = ||mu||^2 (mixture)", 0.5));
        addDialogComponent(new DialogComponentNumber(s.noise, "Label noise (teacher)", 0.05));
        addDialogComponent(new DialogComponentStringSelection(s.scale, "Scale", scales));
        closeCurrentGroup();
        createNewGroup("Sizes");
        addDialogComponent(new DialogComponentNumber(s.n, "Training samples n", 64));
        addDialogComponent(new DialogComponentNumber(s.nTest, "Test samples n_test", 64));
        addDialogComponent(new DialogComponentNumber(s.p, "Dimension p", 64));
        addDialogComponent(new DialogComponentNumber(s.seed, "Random seed", 1));
        closeCurrentGroup();
    }
}
