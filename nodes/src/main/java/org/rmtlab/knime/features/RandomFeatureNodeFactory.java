package org.rmtlab.knime.features;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Random Feature Map node (registered in plugin.xml, described in RandomFeatureNodeFactory.xml). */
public final class RandomFeatureNodeFactory extends NodeFactory<RandomFeatureNodeModel> {

    @Override
    public RandomFeatureNodeModel createNodeModel() {
        return new RandomFeatureNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<RandomFeatureNodeModel> createNodeView(final int viewIndex, final RandomFeatureNodeModel model) {
        throw new IndexOutOfBoundsException("The Random Feature Map has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new RandomFeatureNodeDialog();
    }
}
