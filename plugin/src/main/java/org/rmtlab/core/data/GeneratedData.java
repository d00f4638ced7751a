package org.rmtlab.core.data;

/**
 * Training and test sets drawn from one law, with the hidden parameters of that law
 * (the class mean mu for the mixture, the teacher vector beta* for the teacher task), which the
 * theory needs.
 *
 * @param spec what was asked for
 * @param train training set
 * @param test test set (n_test columns, possibly none)
 * @param mu class mean before scaling (length p, ||mu||^2 = rho), or {@code null}
 * @param beta teacher vector beta* ~ N(0, I_p), or {@code null}
 */
public record GeneratedData(DataSpec spec, Dataset train, Dataset test, double[] mu, double[] beta) {
}
