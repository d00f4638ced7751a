package org.knime.core.node;

/**
 * Base of node views. A view registers with its model when the model is a {@link NodeModel};
 * the model then calls {@link #modelChanged()} after execute and reset and
 * {@link #updateModel(Object)} from {@code notifyViews}.
 */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    /** Marker for models that views can show. */
    public interface ViewableModel {
    }

    private final T model;

    protected AbstractNodeView(final T model) {
        if (model == null) {
            throw new IllegalArgumentException("a view needs a model");
        }
        this.model = model;
        if (model instanceof NodeModel nodeModel) {
            nodeModel.registerView(this);
        }
    }

    protected final T getViewableModel() {
        return model;
    }

    public NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    /** Called when the model was executed or reset; the view re-reads the model. */
    protected abstract void modelChanged();

    /** Called with the argument of {@code NodeModel.notifyViews}; the default re-reads the whole model. */
    protected void updateModel(final Object arg) {
        modelChanged();
    }

    protected abstract void callOpenView(String title);

    protected abstract void callCloseView();

    /** Unregisters from the model; called when the view is closed. */
    final void detach() {
        if (model instanceof NodeModel nodeModel) {
            nodeModel.unregisterView(this);
        }
    }
}
