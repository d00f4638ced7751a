/**
 * Activation functions, their expected kernels K(x, y) = E_w[sigma(w.x) sigma(w.y)] (closed forms
 * and a Gauss–Hermite evaluator for any sigma), Gaussian-equivalence coefficients, and the random
 * feature map sigma(WX).
 */
package org.rmtlab.core.kernel;
