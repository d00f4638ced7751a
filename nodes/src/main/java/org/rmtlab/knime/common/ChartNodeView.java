package org.rmtlab.knime.common;

import java.awt.BorderLayout;
import java.awt.Component;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;
import org.rmtlab.core.chart.Charts;

/**
 * The view of every charting node: the same chart as the image port, zoomable. After a workflow
 * reload only the saved PNG exists, which is shown as a picture until the node runs again.
 */
public final class ChartNodeView<M extends NodeModel & ChartSource> extends NodeView<M> {

    public ChartNodeView(final M model) {
        super(model);
        setShowNODATALabel(true);
        modelChanged();
    }

    @Override
    protected void modelChanged() {
        final ChartOutput chart = getNodeModel().chart();
        setComponent(chart == null ? new JPanel() : component(chart));
    }

    private static Component component(final ChartOutput chart) {
        if (chart.figure() != null) {
            return Charts.panel(chart.figure());
        }
        final JPanel panel = new JPanel(new BorderLayout());
        try {
            panel.add(new JLabel(new ImageIcon(ImageIO.read(new ByteArrayInputStream(chart.png())))));
        } catch (IOException e) {
            panel.add(new JLabel("The saved chart could not be read: " + e.getMessage()));
        }
        return panel;
    }

    @Override
    protected void onClose() {
        // nothing to release
    }

    @Override
    protected void onOpen() {
        // the component is set in modelChanged
    }
}
