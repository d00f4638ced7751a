package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Write access to a saved model or spec (specific accessors are not part of this stub). */
public interface ModelContentWO extends ConfigWO {
}
