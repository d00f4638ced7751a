/**
 * Adapters shared by the RMT Lab nodes: KNIME's execution monitor as the core's
 * {@link org.rmtlab.core.util.Progress}, core errors as KNIME exceptions, and matrices to tables.
 * No mathematics lives here.
 */
package org.rmtlab.knime.common;
