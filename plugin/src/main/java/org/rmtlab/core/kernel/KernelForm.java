package org.rmtlab.core.kernel;

/** How the expected kernel of an activation is evaluated (see {@link ExpectedKernels#forActivation}). */
public enum KernelForm {
    /** An explicit formula in ||x||^2, ||y||^2 and x.y (arc-sine, arc-cosine, Gaussian integrals). */
    CLOSED_FORM,
    /** A polynomial: its Hermite (Mehler) expansion is finite, so the series is exact. */
    FINITE_EXPANSION,
    /** A Hermite (Mehler) series truncated adaptively with an error bound, or adaptive quadrature. */
    NUMERICAL
}
