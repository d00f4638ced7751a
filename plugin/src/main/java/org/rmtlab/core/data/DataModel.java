package org.rmtlab.core.data;

/**
 * The laws a {@link DataGenerator} can draw from. Their ids are stable: saved in workflows and CLI scripts.
 * Below, before scaling, n = Sigma^{1/2} z is the noise with z ~ N(0, I_p) and Sigma from {@link CovarianceSpec}
 * (I_p for the original laws); {@link DataGenerator} states the exact construction.
 */
public enum DataModel {
    /** x = n; target y = 0, class 0. */
    GAUSSIAN("gaussian"),
    /**
     * Gaussian mixture, equiprobable classes with ||mu_k||^2 = rho. K = 2: y = class = +-1, x = y mu + n
     * (Louart, Liao, Couillet 2018; Liao, Couillet 2018). K &gt; 2: class k in 0..K-1, y = k, x = mu_k + n
     * with the means at the vertices of a centred regular simplex.
     */
    MIXTURE("mixture"),
    /**
     * x = n, y = sigma(x^T beta* / sqrt(p)) + noise eps with beta* ~ N(0, I_p), eps ~ N(0, 1); sigma linear
     * (the linear teacher) or any activation (the single-index teacher of Ba et al. 2022).
     */
    TEACHER("teacher");

    private final String id;

    DataModel(final String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DataModel fromId(final String id) {
        return StableIds.find(values(), DataModel::id, id, "data model");
    }

    /** The valid ids, comma separated, for help texts and messages. */
    public static String ids() {
        return StableIds.list(values(), DataModel::id);
    }
}
