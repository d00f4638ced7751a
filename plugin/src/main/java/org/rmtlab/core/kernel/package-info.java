/**
 * Activation functions, their expected kernels K(x, y) = E_w[sigma(w.x) sigma(w.y)], Gaussian-equivalence
 * coefficients, and the random feature map sigma(WX).
 *
 * <p>Conventions (Louart, Liao, Couillet 2018, "A random matrix approach to neural networks", Ann.
 * Appl. Probab., Sec. 2): X is p x n with samples as columns; W is N x p with iid entries of mean 0 and
 * variance 1 (no 1/p inside W); Sigma = sigma(WX) is N x n and E[(1/N) Sigma^T Sigma] = K, the n x n
 * expected kernel matrix, exactly for Gaussian W and asymptotically for Rademacher W. With
 * normalised data (||x|| ~ 1) the pre-activations w.x have variance ~ 1.
 *
 * <p>Entry points: {@link org.rmtlab.core.kernel.Activations} (ids, descriptors, parsing),
 * {@link org.rmtlab.core.kernel.ExpectedKernels} (kernel of an activation, kernel matrices),
 * {@link org.rmtlab.core.kernel.GaussianEquivalents} (mu0, mu1, muStar), and
 * {@link org.rmtlab.core.kernel.RandomFeatures} (W and sigma(WX)). Closed forms are used where they
 * exist; any other activation goes through its Hermite expansion
 * ({@link org.rmtlab.core.kernel.HermiteExpansion}, {@link org.rmtlab.core.kernel.HermiteKernel}),
 * with adaptive quadrature ({@link org.rmtlab.core.kernel.NormalExpectation}) where Gauss–Hermite rules
 * do not resolve it; {@link org.rmtlab.core.kernel.GaussHermiteKernel} is a direct 2-D quadrature kept
 * as an independent check.
 */
package org.rmtlab.core.kernel;
