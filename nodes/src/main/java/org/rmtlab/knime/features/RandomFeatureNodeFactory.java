package org.rmtlab.knime.features;

import org.knime.core.node.NodeDialogPane;
import org.rmtlab.knime.common.DialogNodeFactory;

/** Factory of the Random Feature Map node (registered in plugin.xml, described in RandomFeatureNodeFactory.xml). */
public final class RandomFeatureNodeFactory extends DialogNodeFactory<RandomFeatureNodeModel> {

    public RandomFeatureNodeFactory() {
        super("Random Feature Map");
    }

    @Override
    public RandomFeatureNodeModel createNodeModel() {
        return new RandomFeatureNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new RandomFeatureNodeDialog();
    }
}
