package org.rmtlab.core.dynamics;

/**
 * Default parameters of the gradient-trained linear models ({@link GaussianMixtureDynamics} and
 * {@link RidgeDynamics}), in one place so that the command line ({@code rmtlab dynamics}) and the KNIME
 * Dynamics Simulator start from the same experiment.
 *
 * <p>Both models share size, time grid and step: p = 256, n = 512 (c = 1/2), effective times
 * tau = alpha t from 0.01 to 1000 (100 log-spaced points), step alpha = 0.1 when gradient descent is chosen,
 * 5 Monte-Carlo trials. With the gmm defaults (rho = ||mu||^2 = 2, initialisation variance sigma^2 = 0.1,
 * no ridge) the theoretical test error falls to a minimum near tau = 1 and then rises again by about half:
 * the overfitting of Liao and Couillet 2018 (ICML) that early stopping avoids.
 */
public final class DynamicsDefaults {
    public static final int P = 256;
    public static final int N = 512;
    public static final double TIME_FROM = 0.01;
    public static final double TIME_TO = 1000;
    public static final int TIME_COUNT = 100;
    /** Step of gradient descent; the models default to gradient flow. */
    public static final double ALPHA = 0.1;
    public static final int TRIALS = 5;
    public static final int SEED = 42;

    /** {@link GaussianMixtureDynamics}: rho = ||mu||^2. */
    public static final double GMM_RHO = 2;
    /** {@link GaussianMixtureDynamics}: sigma^2 of w0 ~ N(0, sigma^2 I_p / p). */
    public static final double GMM_INIT_VARIANCE = 0.1;
    public static final double GMM_GAMMA = 0;

    /** {@link RidgeDynamics}: r^2 = E||beta*||^2. */
    public static final double RIDGE_SIGNAL = 1;
    /** {@link RidgeDynamics}: label-noise variance s^2. */
    public static final double RIDGE_NOISE = 0.25;
    /** {@link RidgeDynamics}: s0^2 = E||w0||^2. */
    public static final double RIDGE_INIT = 0;
    public static final double RIDGE_GAMMA = 0;

    private DynamicsDefaults() {
    }
}
