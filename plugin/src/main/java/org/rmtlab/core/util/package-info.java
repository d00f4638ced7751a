/**
 * Shared plumbing of the solver core: seeded random numbers, progress and cancellation
 * callbacks, argument checks and memory estimates. Nothing here knows about KNIME; the node
 * bundle adapts its execution context to {@link org.rmtlab.core.util.Progress}.
 */
package org.rmtlab.core.util;
