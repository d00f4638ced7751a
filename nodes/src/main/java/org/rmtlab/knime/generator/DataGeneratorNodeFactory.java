package org.rmtlab.knime.generator;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Data Generator node (registered in plugin.xml, described in DataGeneratorNodeFactory.xml). */
public final class DataGeneratorNodeFactory extends NodeFactory<DataGeneratorNodeModel> {

    @Override
    public DataGeneratorNodeModel createNodeModel() {
        return new DataGeneratorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<DataGeneratorNodeModel> createNodeView(final int viewIndex, final DataGeneratorNodeModel model) {
        throw new IndexOutOfBoundsException("The Data Generator has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DataGeneratorNodeDialog();
    }
}
