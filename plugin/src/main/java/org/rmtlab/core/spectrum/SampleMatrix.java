package org.rmtlab.core.spectrum;

/**
 * Which of the two sample matrices of a data matrix X in R^{p x n} (columns are samples) a spectrum
 * belongs to. Both have the same nonzero eigenvalues; they differ by |p - n| zeros, hence by the atom
 * at 0 of their limiting laws. The ids are stable: saved in workflows and CLI scripts.
 */
public enum SampleMatrix {
    /** The p x p sample covariance (1/n) X X^T; its law has the atom (1 - 1/c)^+ at 0, c = p/n. */
    COVARIANCE("covariance"),
    /** The n x n Gram matrix (1/n) X^T X; its law has the atom (1 - c)^+ at 0. */
    GRAM("gram");

    private final String id;

    SampleMatrix(final String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Size of the matrix: p for the covariance, n for the Gram matrix. */
    public int dimension(final int p, final int n) {
        return this == COVARIANCE ? p : n;
    }

    /** The other matrix. */
    public SampleMatrix companion() {
        return this == COVARIANCE ? GRAM : COVARIANCE;
    }

    public static SampleMatrix fromId(final String id) {
        for (SampleMatrix s : values()) {
            if (s.id.equalsIgnoreCase(id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown sample matrix '" + id
            + "'. Choose 'covariance' ((1/n) X X^T, p x p) or 'gram' ((1/n) X^T X, n x n).");
    }
}
