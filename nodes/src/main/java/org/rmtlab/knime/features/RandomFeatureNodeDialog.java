package org.rmtlab.knime.features;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.rmtlab.core.kernel.ActivationInfo;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.InputScaling;
import org.rmtlab.core.kernel.WeightLaw;
import org.rmtlab.knime.common.NumericMatrixReader;

/**
 * Dialog of the Random Feature Map. The activation list is editable: besides the catalogue, the user
 * types parameterised ids such as leaky-relu:0.2 or poly:1,0,0.5 (checked when the dialog is applied).
 */
final class RandomFeatureNodeDialog extends DefaultNodeSettingsPane {

    RandomFeatureNodeDialog() {
        final RandomFeatureSettings s = new RandomFeatureSettings();
        final List<String> activations = new ArrayList<>();
        for (ActivationInfo info : Activations.catalogue()) {
            activations.add(info.id());
        }
        final List<String> laws = new ArrayList<>();
        for (WeightLaw law : WeightLaw.values()) {
            laws.add(law.id());
        }
        final List<String> scalings = new ArrayList<>();
        for (InputScaling scaling : InputScaling.values()) {
            scalings.add(scaling.id());
        }
        createNewGroup("Input");
        addDialogComponent(new DialogComponentColumnFilter2(s.columns, 0));
        addDialogComponent(new DialogComponentStringSelection(s.scaling, "Input scaling", scalings));
        addDialogComponent(new DialogComponentBoolean(s.skipMissing, NumericMatrixReader.SKIP_OPTION));
        addDialogComponent(new DialogComponentBoolean(s.keepInputs, "Keep the input columns"));
        closeCurrentGroup();
        createNewGroup("Random features");
        addDialogComponent(new DialogComponentNumber(s.bigN, "Number of features N", 64));
        addDialogComponent(new DialogComponentStringSelection(s.activation, "Activation (or type an id)", activations,
            true));
        addDialogComponent(new DialogComponentStringSelection(s.weights, "Weight law", laws));
        addDialogComponent(new DialogComponentNumber(s.seed, "Random seed", 1));
        closeCurrentGroup();
    }
}
