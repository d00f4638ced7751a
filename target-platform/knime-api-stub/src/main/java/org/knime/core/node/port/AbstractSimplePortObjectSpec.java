package org.knime.core.node.port;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.config.Config;

/**
 * Base of specs that save themselves into a config. Two specs are equal when they are of the
 * same class and save identical content.
 */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    public AbstractSimplePortObjectSpec() {
        // state lives in the subclasses
    }

    protected abstract void save(ModelContentWO model);

    protected abstract void load(ModelContentRO model) throws InvalidSettingsException;

    /** No views: the stub is not used to display specs. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object obj) {
        if (this == obj) {
            return true;
        }
        return obj != null && obj.getClass() == getClass()
            && content().equals(((AbstractSimplePortObjectSpec) obj).content());
    }

    @Override
    public int hashCode() {
        return content().hashCode();
    }

    private Content content() {
        final Content content = new Content("spec");
        save(content);
        return content;
    }

    /** Config that a spec saves into; used to compare specs. */
    private static final class Content extends Config implements ModelContentRO, ModelContentWO {
        private static final long serialVersionUID = 1L;

        Content(final String key) {
            super(key);
        }

        @Override
        public Config getInstance(final String key) {
            return new Content(key);
        }
    }
}
