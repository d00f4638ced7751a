package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/** Write access to a config tree. */
public interface ConfigWO extends ConfigBaseWO {

    Config addConfig(String key);
}
