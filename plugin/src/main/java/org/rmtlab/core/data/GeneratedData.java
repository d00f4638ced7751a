package org.rmtlab.core.data;

import org.ejml.data.DMatrixRMaj;

/**
 * Training and test sets drawn from one law, with the hidden parameters of that law, which the theory
 * needs: the class means of the mixture, the teacher vector, the population covariance of the noise.
 * All are before scaling (under {@link Scale#NORMALISED} the samples are these quantities divided by sqrt(p)).
 *
 * @param spec what was asked for
 * @param train training set
 * @param test test set (n_test columns, possibly none)
 * @param mu for the two-class mixture the mean mu of class +1 (class -1 has mean -mu), ||mu||^2 = rho;
 *     otherwise {@code null}
 * @param beta teacher vector beta* ~ N(0, I_p) of the teacher law, or {@code null}
 * @param means for the mixture the p x K matrix of class means, ||mu_k||^2 = rho: column k is the mean of
 *     class k for K &gt; 2; for K = 2 column 0 is the mean -mu of class -1 and column 1 the mean mu of class +1;
 *     otherwise {@code null}
 * @param covariance population covariance Sigma of the noise (I_p for the original laws)
 */
public record GeneratedData(DataSpec spec, Dataset train, Dataset test, double[] mu, double[] beta, DMatrixRMaj means,
    PopulationCovariance covariance) {

    /**
     * Eigenvalues of the noise covariance Sigma before scaling, in decreasing order: all ones for white
     * noise. With the teacher and gaussian laws this is the population spectrum of x; for the mixture the
     * class means add a rank K - 1 part (K = 2: rank one) on top of it.
     */
    public double[] populationEigenvalues() {
        return covariance.eigenvalues();
    }
}
