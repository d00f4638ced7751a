package org.rmtlab.knime.dynamics;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.rmtlab.knime.common.NumericMatrixReader;

/**
 * Dialog of the Dynamics Simulator: the model and the simulation on the first tab, then one tab per model
 * with its own settings (the selected model's tab is the one that counts). No component needs the input table,
 * so the dialog opens whether or not a table is connected.
 */
final class DynamicsSimulatorNodeDialog extends DefaultNodeSettingsPane {

    DynamicsSimulatorNodeDialog() {
        final DynamicsSimulatorSettings s = new DynamicsSimulatorSettings();
        setDefaultTabTitle("Options");
        createNewGroup("Model (its settings are on its own tab)");
        addDialogComponent(new DialogComponentStringSelection(s.model, "Model", s.ids()));
        closeCurrentGroup();
        createNewGroup("Monte-Carlo simulation");
        addDialogComponent(new DialogComponentBoolean(s.simulate, "Simulate (untick for the theory only)"));
        addDialogComponent(new DialogComponentNumber(s.trials, "Trials", 1));
        addDialogComponent(new DialogComponentNumber(s.seed, "Random seed", 1));
        closeCurrentGroup();
        createNewGroup("Input table (optional)");
        addDialogComponent(new DialogComponentString(s.classColumn, "Class column"));
        addDialogComponent(new DialogComponentString(s.ignoreColumns, "Ignore columns (comma-separated)"));
        addDialogComponent(new DialogComponentBoolean(s.skipMissing, NumericMatrixReader.SKIP_OPTION));
        closeCurrentGroup();
        for (ModelSettings m : s.models) {
            m.addTab(this);
        }
    }
}
