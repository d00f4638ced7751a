/**
 * Learning dynamics, theory beside simulation: gradient flow and gradient descent for the
 * Gaussian-mixture classifier (Liao and Couillet 2018), ridge regression over time, the DMFT of
 * random-feature gradient flow, deep linear networks and one-step feature learning.
 *
 * <p>Shared types: every model is a {@link org.rmtlab.core.dynamics.DynamicsModel} whose
 * {@code theory(times)} and {@code simulate(times, trials, seed, progress)} return
 * {@link org.rmtlab.core.dynamics.LearningCurves} (named {@link org.rmtlab.core.dynamics.Curve}s over one
 * time grid, plus named scalars); simulations collect trials with a
 * {@link org.rmtlab.core.dynamics.CurveAccumulator}.
 *
 * <p>Time convention: tau = alpha t, the effective time of gradient flow dw/dt = -alpha grad L with learning
 * rate alpha. Linear models offer gradient flow (factor exp(-tau x) along a direction of curvature x) and
 * gradient descent with step alpha, which replaces it exactly by (1 - alpha x)^t after t = tau / alpha steps
 * ({@link org.rmtlab.core.dynamics.GradientMethod}).
 *
 * <p>Integrals against the Marchenko–Pastur law use {@link org.rmtlab.core.dynamics.MarchenkoPasturQuadrature}
 * (a quadrature rule; the law itself is {@code org.rmtlab.core.spectrum.MarchenkoPastur}); simulations of
 * linear dynamics decompose (1/n) X X^T once per trial ({@link org.rmtlab.core.dynamics.GramSpectrum}) and
 * reach every time in closed form.
 */
package org.rmtlab.core.dynamics;
