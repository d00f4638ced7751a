package org.rmtlab.knime.resolvent;

import org.knime.core.node.NodeDialogPane;
import org.rmtlab.knime.common.ChartNodeFactory;

/** Factory of the Resolvent Predictor node (registered in plugin.xml, described in its .xml beside this class). */
public final class ResolventPredictorNodeFactory extends ChartNodeFactory<ResolventPredictorNodeModel> {

    public ResolventPredictorNodeFactory() {
        super("Resolvent Predictor");
    }

    @Override
    public ResolventPredictorNodeModel createNodeModel() {
        return new ResolventPredictorNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ResolventPredictorNodeDialog();
    }
}
