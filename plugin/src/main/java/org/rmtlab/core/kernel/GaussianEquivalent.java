package org.rmtlab.core.kernel;

/**
 * Gaussian-equivalence ("linear equivalent") coefficients of an activation at input variance v:
 * for xi ~ N(0, 1),
 * <pre>
 *   mu0 = E[sigma(sqrt(v) xi)],   mu1 = E[xi sigma(sqrt(v) xi)],
 *   muStar = sqrt(E[sigma(sqrt(v) xi)^2] - mu0^2 - mu1^2),
 * </pre>
 * so that sigma(t) ~ mu0 + mu1 t / sqrt(v) + muStar z for t ~ N(0, v), z an independent N(0, 1)
 * (Mei and Montanari 2022, Comm. Pure Appl. Math., at v = 1; Liao and Mahoney 2025). mu1 is the coefficient of the
 * unit-variance xi, not of t: the sqrt(v) factor is inside, so mu0^2 + mu1^2 + muStar^2 =
 * E[sigma^2] (Parseval in the Hermite basis, mu0 = h_0, mu1 = h_1 of {@link HermiteExpansion}); the
 * slope on t is {@link #slope()} = mu1/sqrt(v) = E[sigma'(t)] (Stein's lemma). At v = 1, the
 * normalised-data case ||x|| = 1, the two coincide.
 *
 * <p>For normalised data the expected kernel matrix is then, to leading order,
 * K ~ mu0^2 1 1^T + mu1^2 X^T X + muStar^2 I_n (with v = 1).
 *
 * @param variance v, the variance of the activation's input
 * @param mu0 E[sigma(sqrt(v) xi)]
 * @param mu1 E[xi sigma(sqrt(v) xi)]
 * @param muStar sqrt(E[sigma^2] - mu0^2 - mu1^2), the non-linear part
 */
public record GaussianEquivalent(double variance, double mu0, double mu1, double muStar) {

    /** mu1 / sqrt(v), the linear coefficient on t itself; 0 at v = 0. */
    public double slope() {
        return variance == 0 ? 0 : mu1 / Math.sqrt(variance);
    }

    /** E[sigma(sqrt(v) xi)^2] = mu0^2 + mu1^2 + muStar^2. */
    public double secondMoment() {
        return mu0 * mu0 + mu1 * mu1 + muStar * muStar;
    }
}
