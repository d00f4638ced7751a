package org.rmtlab.core.dynamics;

import org.rmtlab.core.util.Check;

/**
 * The linear random-feature model trained by gradient flow on the square loss, in the proportional limit
 * (Bordelon and Pehlevan, "Disordered dynamics in high dimensions: connections to random matrices and
 * machine learning", 2026, random-feature gradient flow; reduction and resolvent relations in
 * shared/reference/rf-dynamics.md).
 *
 * <p>Model. Inputs x ~ N(0, I_D); teacher y = w*.x/sqrt(D) + eps with w* ~ N(0, I_D) (signal variance
 * ||w*||^2/D -> 1) and label noise eps ~ N(0, s^2); features phi(x) = F x/sqrt(D) with F in R^{N x D} iid
 * N(0, 1); student f(x) = a.phi(x)/sqrt(N); P training samples; loss L = (1/2P) sum_mu (y_mu - f(x_mu))^2;
 * gradient flow da/dt = -D dL/da from a(0) = 0. Ratios psiN = N/D, psiP = P/D.
 *
 * <p>Reduction. With v = F^T a/sqrt(N) (so f(x) = v.x/sqrt(D)) and Delta = v - w*:
 * dDelta/dt = -B C Delta + B X eps sqrt(D)/P, B = F^T F/N, C = X X^T/P, Delta(0) = -w*. B C is not
 * symmetric; its Hermitian counterpart B^{1/2} C B^{1/2} has the same spectrum ({@link HermitianCounterpart}).
 *
 * <p>Reported losses (all classes of this model use these, under the curve names of
 * {@link RandomFeatureDynamics}, the model's {@link DynamicsModel} face):
 * <ul>
 * <li>train(t) = (1/P) sum_mu (y_mu - f(x_mu))^2, the mean squared error on the training set, label
 * noise included (twice L); train(0) = 1 + s^2;</li>
 * <li>test(t) = ||Delta||^2/D = E_x (w*.x/sqrt(D) - f(x))^2, the error with respect to the noise-free
 * target; test(0) = 1. The mean squared error on fresh noisy labels is test(t) + s^2.</li>
 * </ul>
 *
 * @param psiN N/D, features per input dimension
 * @param psiP P/D, training samples per input dimension
 * @param noise s, the standard deviation of the label noise
 */
public record RandomFeatureFlow(double psiN, double psiP, double noise) {

    public RandomFeatureFlow {
        Check.positive("psiN (features per dimension N/D)", psiN);
        Check.positive("psiP (samples per dimension P/D)", psiP);
        Check.nonNegative("noise (label noise standard deviation s)", noise);
    }

    public static RandomFeatureFlow noiseless(final double psiN, final double psiP) {
        return new RandomFeatureFlow(psiN, psiP, 0);
    }

    public boolean isNoiseless() {
        return noise == 0;
    }

    /** The limiting spectrum of B C. */
    public MarchenkoPasturProduct spectrum() {
        return new MarchenkoPasturProduct(psiN, psiP);
    }

    /**
     * Long-time limit of the noiseless test loss (rf-dynamics.md): with m = min(psiN, psiP) and
     * M = max(psiN, psiP), 1 - m + m (1 - m)/(M - m) when m < 1, 0 when m >= 1, and +infinity when
     * psiN = psiP < 1 (the interpolation threshold of the ridgeless limit). It exceeds the initial value 1
     * exactly when M < 1, and the Hermitian counterpart's limit 1 - m whenever m < 1.
     */
    public double noiselessTestLimit() {
        final double m = Math.min(psiN, psiP);
        final double bigM = Math.max(psiN, psiP);
        if (m >= 1) {
            return 0;
        }
        if (bigM == m) {
            return Double.POSITIVE_INFINITY;
        }
        return 1 - m + m * (1 - m) / (bigM - m);
    }
}
