/**
 * Shared plumbing of the solver core: seeded random numbers, progress and cancellation
 * callbacks, argument checks, memory estimates, and Monte-Carlo trials run in parallel with
 * results that depend on the seed only ({@link org.rmtlab.core.util.TrialRunner}). Nothing here
 * knows about KNIME; the node bundle adapts its execution context to
 * {@link org.rmtlab.core.util.Progress}.
 */
package org.rmtlab.core.util;
