package org.knime.core.node;

import java.util.EventListener;

/** Listener for a node model's warning (the callback is not part of this stub). */
public interface NodeModelWarningListener extends EventListener {
}
