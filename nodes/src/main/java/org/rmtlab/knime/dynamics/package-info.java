/**
 * The Dynamics Simulator node: learning curves of gradient flow and gradient descent, the limiting theory
 * beside Monte-Carlo simulation, for the models of {@link org.rmtlab.core.dynamics}. Each model plugs in
 * through a {@link org.rmtlab.knime.dynamics.ModelSettings}; the mathematics lives in the core.
 */
package org.rmtlab.knime.dynamics;
