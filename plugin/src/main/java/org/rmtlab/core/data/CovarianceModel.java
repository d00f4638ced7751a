package org.rmtlab.core.data;

/**
 * Kinds of population covariance Sigma of the noise (see {@link CovarianceSpec} for the exact
 * eigenvalues). Their ids are stable: saved in workflows and CLI scripts.
 */
public enum CovarianceModel {
    /** Sigma = I_p: the white noise of the original laws. */
    IDENTITY("identity"),
    /** Diagonal Sigma with eigenvalues proportional to i^(-exponent), mean eigenvalue 1. */
    POWER_LAW("power-law"),
    /** Sigma = I_p + ell sum_j v_j v_j^T over k orthonormal random directions v_j. */
    SPIKED("spiked");

    private final String id;

    CovarianceModel(final String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CovarianceModel fromId(final String id) {
        return StableIds.find(values(), CovarianceModel::id, id, "covariance");
    }

    /** The valid ids, comma separated, for help texts and messages. */
    public static String ids() {
        return StableIds.list(values(), CovarianceModel::id);
    }
}
