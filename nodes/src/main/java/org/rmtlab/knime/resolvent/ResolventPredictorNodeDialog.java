package org.rmtlab.knime.resolvent;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DoubleValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.rmtlab.core.kernel.ActivationInfo;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.knime.common.NumericMatrixReader;

/**
 * Dialog of the Resolvent Predictor: the columns and the model on the first tab, the random-feature sweep and
 * the linear-ridge parameters on their own tabs (settings the chosen mode does not read are greyed out). The
 * activation list is editable for parameterised ids such as leaky-relu:0.2.
 */
final class ResolventPredictorNodeDialog extends DefaultNodeSettingsPane {

    ResolventPredictorNodeDialog() {
        final ResolventPredictorSettings s = new ResolventPredictorSettings();
        final List<String> activations = new ArrayList<>();
        for (ActivationInfo info : Activations.catalogue()) {
            activations.add(info.id());
        }
        setDefaultTabTitle("Options");
        createNewGroup("Columns of the training table (the test table needs the same)");
        addDialogComponent(new DialogComponentColumnFilter2(s.features, 0));
        addDialogComponent(new DialogComponentColumnNameSelection(s.target, "Target column", 0, DoubleValue.class));
        addDialogComponent(new DialogComponentBoolean(s.skipMissing, NumericMatrixReader.SKIP_OPTION));
        closeCurrentGroup();
        createNewGroup("Model");
        addDialogComponent(new DialogComponentStringSelection(s.mode, "Mode",
            ResolventPredictorSettings.Mode.ids()));
        addDialogComponent(new DialogComponentString(s.gammas,
            "Ridge \u03B3: list (1e-4, 1e-2, 1) or grid FROM:TO:COUNT"));
        closeCurrentGroup();
        createNewTab("Random features");
        createNewGroup("Random features");
        addDialogComponent(new DialogComponentStringSelection(s.activation, "Activation (or type an id)", activations,
            true));
        closeCurrentGroup();
        createNewGroup("Sweep of N/n (log-spaced)");
        addDialogComponent(new DialogComponentNumberEdit(s.ratioFrom, "N/n from", 10));
        addDialogComponent(new DialogComponentNumberEdit(s.ratioTo, "N/n to", 10));
        addDialogComponent(new DialogComponentNumber(s.ratioCount, "Number of N/n points", 5));
        closeCurrentGroup();
        createNewGroup("Monte-Carlo simulation");
        addDialogComponent(new DialogComponentNumber(s.trials, "Trials (0: theory only)", 1));
        addDialogComponent(new DialogComponentNumber(s.seed, "Random seed", 1));
        addDialogComponent(new DialogComponentNumber(s.threads, "Threads (0: one per processor)", 1));
        addDialogComponent(new DialogComponentNumber(s.ensemble, "Ensemble size K (average of K fits; 1: one fit)", 1));
        closeCurrentGroup();
        createNewTab("Linear ridge");
        createNewGroup("Signal and noise of the linear model");
        addDialogComponent(new DialogComponentBoolean(s.estimate, "Estimate signal and noise from the training table"));
        addDialogComponent(new DialogComponentNumberEdit(s.signal, "Signal variance \u03C4\u00B2 = Var(x\u00B7\u03B2*)",
            10));
        addDialogComponent(new DialogComponentNumberEdit(s.noise, "Noise standard deviation s", 10));
        closeCurrentGroup();
    }
}
