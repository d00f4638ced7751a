/**
 * Learning dynamics, theory beside simulation: gradient flow and gradient descent for the
 * Gaussian-mixture classifier (Liao and Couillet 2018, {@link org.rmtlab.core.dynamics.GaussianMixtureDynamics},
 * id {@code gmm}), ridge regression over time ({@link org.rmtlab.core.dynamics.RidgeDynamics}, {@code ridge}),
 * deep linear networks in the mean-field parameterisation ({@link org.rmtlab.core.dynamics.DeepLinearNetwork},
 * {@code deep-linear}, with the reduced theory {@link org.rmtlab.core.dynamics.DeepLinearTheory} and the DMFT
 * {@link org.rmtlab.core.dynamics.DeepLinearDmft} for finite data and any depth) and one-step
 * feature learning (Ba et al. 2022, {@link org.rmtlab.core.dynamics.OneStepFeatureLearning}, {@code one-step}) and
 * linear random features trained by gradient flow (Bordelon and Pehlevan 2026,
 * {@link org.rmtlab.core.dynamics.RandomFeatureDynamics}, {@code random-features}; model and losses in
 * {@link org.rmtlab.core.dynamics.RandomFeatureFlow}, theory by {@link org.rmtlab.core.dynamics.RandomFeatureFlowResolvent}
 * or {@link org.rmtlab.core.dynamics.RandomFeatureFlowDmft}, simulation by
 * {@link org.rmtlab.core.dynamics.RandomFeatureFlowSimulation} and
 * {@link org.rmtlab.core.dynamics.HermitianCounterpart}).
 *
 * <p>Shared types: every model is a {@link org.rmtlab.core.dynamics.DynamicsModel} whose
 * {@code theory(times)} and {@code simulate(times, trials, seed, progress)} return
 * {@link org.rmtlab.core.dynamics.LearningCurves} (named {@link org.rmtlab.core.dynamics.Curve}s over one
 * time grid, plus named scalars); simulations collect trials with a
 * {@link org.rmtlab.core.dynamics.CurveAccumulator}.
 *
 * <p>Time convention: tau = alpha t, the effective time of gradient flow dw/dt = -alpha grad L with learning
 * rate alpha. Deep linear networks and random features use the flow time t of their own parameterisation
 * (timeName {@code t});
 * for one-step feature learning the axis is the learning rate eta of the single step (timeName {@code eta}).
 * Linear models offer gradient flow (factor exp(-tau x) along a direction of curvature x) and gradient descent
 * with step alpha, which replaces it exactly by (1 - alpha x)^t after t = tau / alpha steps
 * ({@link org.rmtlab.core.dynamics.GradientMethod}).
 *
 * <p>Integrals against the Marchenko–Pastur law use {@link org.rmtlab.core.dynamics.MarchenkoPasturQuadrature}
 * (a quadrature rule; the law itself is {@code org.rmtlab.core.spectrum.MarchenkoPastur}); simulations of
 * linear dynamics decompose (1/n) X X^T once per trial ({@link org.rmtlab.core.dynamics.GramSpectrum}) and
 * reach every time in closed form. Nonlinear flows are integrated by {@link org.rmtlab.core.dynamics.DormandPrince};
 * spectral curves (top eigenvalue or singular value and its vector) come from
 * {@code TopEigen} (eigenvalues, Lanczos, inverse iteration) rather than full decompositions.
 */
package org.rmtlab.core.dynamics;
