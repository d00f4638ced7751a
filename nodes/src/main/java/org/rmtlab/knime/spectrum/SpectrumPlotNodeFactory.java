package org.rmtlab.knime.spectrum;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.rmtlab.knime.common.ChartNodeView;

/** Factory of the Spectrum Plot node (registered in plugin.xml, described in SpectrumPlotNodeFactory.xml). */
public final class SpectrumPlotNodeFactory extends NodeFactory<SpectrumPlotNodeModel> {

    @Override
    public SpectrumPlotNodeModel createNodeModel() {
        return new SpectrumPlotNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<SpectrumPlotNodeModel> createNodeView(final int viewIndex, final SpectrumPlotNodeModel model) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("The Spectrum Plot has one view, asked for view " + viewIndex);
        }
        return new ChartNodeView<>(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SpectrumPlotNodeDialog();
    }
}
