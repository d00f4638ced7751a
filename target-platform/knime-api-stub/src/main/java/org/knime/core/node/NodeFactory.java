package org.knime.core.node;

/**
 * Creates the parts of a node: model, views and dialog. KNIME finds a node by its factory's class
 * name (plugin.xml) and reads its description from {@code <FactorySimpleName>.xml} beside it.
 */
public abstract class NodeFactory<T extends NodeModel> {

    /** The role of a node, used for its icon background and by the node repository. */
    public enum NodeType {
        Source, Sink, Learner, Predictor, Manipulator, Visualizer, Widget, Meta, LoopStart, LoopEnd, ScopeStart,
        ScopeEnd, QuickForm, Configuration, Other, Missing, Unknown, Subnode, VirtualIn, VirtualOut, Container
    }

    protected NodeFactory() {
        // subclasses have no-argument constructors: KNIME instantiates them reflectively
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();
}
