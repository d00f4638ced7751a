package org.rmtlab.knime.spectrum;

import org.knime.core.node.NodeDialogPane;
import org.rmtlab.knime.common.ChartNodeFactory;

/** Factory of the Spectrum Plot node (registered in plugin.xml, described in SpectrumPlotNodeFactory.xml). */
public final class SpectrumPlotNodeFactory extends ChartNodeFactory<SpectrumPlotNodeModel> {

    public SpectrumPlotNodeFactory() {
        super("Spectrum Plot");
    }

    @Override
    public SpectrumPlotNodeModel createNodeModel() {
        return new SpectrumPlotNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SpectrumPlotNodeDialog();
    }
}
