package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/** Read access to a saved model or spec (specific accessors are not part of this stub). */
public interface ModelContentRO extends ConfigRO {
}
