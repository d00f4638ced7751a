package org.rmtlab.knime.dynamics;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.rmtlab.knime.common.ChartNodeView;

/** Factory of the Dynamics Simulator node (registered in plugin.xml, described in DynamicsSimulatorNodeFactory.xml). */
public final class DynamicsSimulatorNodeFactory extends NodeFactory<DynamicsSimulatorNodeModel> {

    @Override
    public DynamicsSimulatorNodeModel createNodeModel() {
        return new DynamicsSimulatorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<DynamicsSimulatorNodeModel> createNodeView(final int viewIndex,
        final DynamicsSimulatorNodeModel model) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("The Dynamics Simulator has one view, asked for view " + viewIndex);
        }
        return new ChartNodeView<>(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DynamicsSimulatorNodeDialog();
    }
}
