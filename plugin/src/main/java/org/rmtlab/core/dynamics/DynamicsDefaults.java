package org.rmtlab.core.dynamics;

/**
 * Default parameters of the dynamics models, in one place so that the command line ({@code rmtlab dynamics})
 * and the KNIME Dynamics Simulator start from the same experiment: each model's defaults reproduce its
 * reference figure.
 *
 * <p>The gradient-trained linear models ({@link GaussianMixtureDynamics}, {@link RidgeDynamics}) share size,
 * time grid and step: p = 256, n = 512 (c = 1/2), effective times tau = alpha t from 0.01 to 1000 (100
 * log-spaced points), step alpha = 0.1 when gradient descent is chosen. With the gmm defaults
 * (rho = ||mu||^2 = 2, initialisation variance sigma^2 = 0.1, no ridge) the theoretical test error falls to a
 * minimum near tau = 1 and then rises again by about half: the overfitting of Liao and Couillet 2018 (ICML)
 * that early stopping avoids.
 *
 * <p>{@link DeepLinearNetwork}: the saddle-to-saddle picture, L = 2, D = 100, N = 200, population loss,
 * gamma0 = 1, small initialisation sigma_a = sigma_W = 0.1, flow time t from 0.1 to 12.
 * {@link OneStepFeatureLearning}: the picture of Ba et al. 2022, D = 200, N = 400, n = 400, ReLU student and
 * teacher, label noise 0.2, learning rates eta from 0.3 to 30 around the threshold (about 3.3).
 * {@link RandomFeatureDynamics}: the non-monotone example {@link NonMonotoneTestLoss#EXAMPLE} (psiN = N/D = 0.5,
 * psiP = P/D = 1.2, no label noise; Bordelon and Pehlevan 2026), simulated at D = 400, flow time t from 0.01 to
 * 100: the test risk falls to 0.737 near t = 1.1 and rises again towards 6/7 while the training loss keeps
 * falling, and the Hermitian counterpart with the same spectrum decreases monotonically to 0.5.
 */
public final class DynamicsDefaults {
    public static final int P = 256;
    public static final int N = 512;
    public static final double TIME_FROM = 0.01;
    public static final double TIME_TO = 1000;
    public static final int TIME_COUNT = 100;
    /** Step of gradient descent; the models default to gradient flow. */
    public static final double ALPHA = 0.1;
    /** Monte-Carlo trials and seed, for every model. */
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

    /** {@link DeepLinearNetwork}: weight layers L. */
    public static final int DEEP_LINEAR_DEPTH = 2;
    /** {@link DeepLinearNetwork}: input dimension D. */
    public static final int DEEP_LINEAR_INPUT_DIM = 100;
    /** {@link DeepLinearNetwork}: hidden width N. */
    public static final int DEEP_LINEAR_WIDTH = 200;
    /** {@link DeepLinearNetwork}: training samples P; {@link DeepLinearNetwork#POPULATION} is the population loss. */
    public static final int DEEP_LINEAR_SAMPLES = DeepLinearNetwork.POPULATION;
    public static final double DEEP_LINEAR_GAMMA0 = 1;
    /** {@link DeepLinearNetwork}: sigma_a, standard deviation of the initial readout entries. */
    public static final double DEEP_LINEAR_READOUT_INIT = 0.1;
    /** {@link DeepLinearNetwork}: sigma_W, standard deviation of the initial hidden-weight entries. */
    public static final double DEEP_LINEAR_HIDDEN_INIT = 0.1;
    /** {@link DeepLinearNetwork}: label-noise standard deviation. */
    public static final double DEEP_LINEAR_NOISE = 0;
    public static final double DEEP_LINEAR_TIME_FROM = 0.1;
    public static final double DEEP_LINEAR_TIME_TO = 12;
    public static final int DEEP_LINEAR_TIME_COUNT = 100;

    /** {@link OneStepFeatureLearning}: input dimension D. */
    public static final int ONE_STEP_INPUT_DIM = 200;
    /** {@link OneStepFeatureLearning}: hidden width N. */
    public static final int ONE_STEP_WIDTH = 400;
    /** {@link OneStepFeatureLearning}: samples n of the full-batch step. */
    public static final int ONE_STEP_SAMPLES = 400;
    /** {@link OneStepFeatureLearning}: student activation and teacher link, ids of {@code Activations.byId}. */
    public static final String ONE_STEP_STUDENT = "relu";
    public static final String ONE_STEP_TEACHER = "relu";
    /** {@link OneStepFeatureLearning}: label-noise standard deviation. */
    public static final double ONE_STEP_NOISE = 0.2;
    public static final OneStepFeatureLearning.LossNormalisation ONE_STEP_LOSS =
        OneStepFeatureLearning.LossNormalisation.HALF_MSE;
    /** {@link OneStepFeatureLearning}: the learning rates eta of the "time" grid. */
    public static final double ONE_STEP_ETA_FROM = 0.3;
    public static final double ONE_STEP_ETA_TO = 30;
    public static final int ONE_STEP_ETA_COUNT = 40;

    /** {@link RandomFeatureDynamics}: features per input dimension psiN = N/D. */
    public static final double RANDOM_FEATURES_PSI_N = NonMonotoneTestLoss.EXAMPLE.psiN();
    /** {@link RandomFeatureDynamics}: training samples per input dimension psiP = P/D. */
    public static final double RANDOM_FEATURES_PSI_P = NonMonotoneTestLoss.EXAMPLE.psiP();
    /** {@link RandomFeatureDynamics}: label-noise standard deviation (0: the test risk can rise). */
    public static final double RANDOM_FEATURES_NOISE = NonMonotoneTestLoss.EXAMPLE.noise();
    /** {@link RandomFeatureDynamics}: input dimension D of the simulation. */
    public static final int RANDOM_FEATURES_INPUT_DIM = 400;
    public static final RandomFeatureDynamics.Engine RANDOM_FEATURES_ENGINE = RandomFeatureDynamics.Engine.RESOLVENT;
    /** {@link RandomFeatureDynamics}: whether the Hermitian counterpart's test risk is added. */
    public static final boolean RANDOM_FEATURES_HERMITIAN = true;
    /** {@link RandomFeatureDynamics}: ensemble size K (0: no bias/variance/ensemble curves). */
    public static final int RANDOM_FEATURES_ENSEMBLE = 0;
    public static final double RANDOM_FEATURES_TIME_FROM = 0.01;
    public static final double RANDOM_FEATURES_TIME_TO = 100;
    public static final int RANDOM_FEATURES_TIME_COUNT = 60;

    private DynamicsDefaults() {
    }
}
