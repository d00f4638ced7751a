package org.rmtlab.knime.common;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * Factory of a node with a dialog and no views (its outputs are tables); {@link ChartNodeFactory} adds the chart
 * view. A concrete factory creates the model and the dialog; it keeps a public no-argument constructor (KNIME
 * instantiates it by its class name in plugin.xml and reads the node description from the XML file beside it).
 *
 * @param <M> the node model
 */
public abstract class DialogNodeFactory<M extends NodeModel> extends NodeFactory<M> {
    private final String nodeName;

    /** @param nodeName the node's name as analysts see it, for messages */
    protected DialogNodeFactory(final String nodeName) {
        this.nodeName = nodeName;
    }

    /** The node's name as analysts see it. */
    protected final String nodeName() {
        return nodeName;
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<M> createNodeView(final int viewIndex, final M model) {
        throw new IndexOutOfBoundsException("The " + nodeName + " has no views, asked for view " + viewIndex);
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }
}
