package org.rmtlab.knime.resolvent;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.rmtlab.knime.common.ChartNodeView;

/** Factory of the Resolvent Predictor node (registered in plugin.xml, described in its .xml beside this class). */
public final class ResolventPredictorNodeFactory extends NodeFactory<ResolventPredictorNodeModel> {

    @Override
    public ResolventPredictorNodeModel createNodeModel() {
        return new ResolventPredictorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<ResolventPredictorNodeModel> createNodeView(final int viewIndex,
        final ResolventPredictorNodeModel model) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("The Resolvent Predictor has one view, asked for view " + viewIndex);
        }
        return new ChartNodeView<>(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ResolventPredictorNodeDialog();
    }
}
