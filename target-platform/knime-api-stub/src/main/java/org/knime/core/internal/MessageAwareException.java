package org.knime.core.internal;

/** Marker for exceptions that carry a structured user message (the accessor is not part of this stub). */
public interface MessageAwareException {
}
