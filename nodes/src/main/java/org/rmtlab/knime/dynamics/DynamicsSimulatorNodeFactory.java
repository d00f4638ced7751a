package org.rmtlab.knime.dynamics;

import org.knime.core.node.NodeDialogPane;
import org.rmtlab.knime.common.ChartNodeFactory;

/** Factory of the Dynamics Simulator node (registered in plugin.xml, described in DynamicsSimulatorNodeFactory.xml). */
public final class DynamicsSimulatorNodeFactory extends ChartNodeFactory<DynamicsSimulatorNodeModel> {

    public DynamicsSimulatorNodeFactory() {
        super("Dynamics Simulator");
    }

    @Override
    public DynamicsSimulatorNodeModel createNodeModel() {
        return new DynamicsSimulatorNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DynamicsSimulatorNodeDialog();
    }
}
