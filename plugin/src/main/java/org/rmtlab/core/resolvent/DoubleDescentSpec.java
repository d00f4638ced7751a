package org.rmtlab.core.resolvent;

import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.util.Check;

/**
 * Settings of a double-descent sweep.
 *
 * @param sigma activation of the random features
 * @param ratios N/n values (each &gt; 0)
 * @param gammas ridge values (each &gt; 0)
 * @param trials Monte-Carlo trials; 0 for theory only
 * @param seed random seed of the simulation (the same seed gives the same table, whatever the threads)
 * @param threads worker threads of the simulation; 0 for one per processor
 * @param ensemble ensemble size K: the sweep also reports the test error of the average of K ridge fits with
 *        independent draws of W (1: a single fit, the test error itself). With a simulation the trials are cut
 *        into floor(trials / K) groups of K, and at least two groups are needed for a standard error.
 */
public record DoubleDescentSpec(Activation sigma, double[] ratios, double[] gammas, int trials, long seed,
    int threads, int ensemble) {

    public DoubleDescentSpec {
        Check.that(sigma != null, "The activation is missing.");
        Check.that(ratios != null && ratios.length > 0, "Give at least one N/n ratio.");
        Check.that(gammas != null && gammas.length > 0, "Give at least one gamma.");
        for (double r : ratios) {
            Check.positive("N/n (features per sample)", r);
        }
        for (double g : gammas) {
            Check.positive("gamma (ridge regularisation)", g);
        }
        Check.that(trials >= 0, "trials must be >= 0 (0: theory only), but is " + trials + ".");
        Check.that(threads >= 0, "threads must be >= 0 (0: one per processor), but is " + threads + ".");
        Check.that(ensemble >= 1, "The ensemble size K must be >= 1 (1: a single fit), but is " + ensemble + ".");
        Check.that(ensemble == 1 || trials == 0 || trials >= 2 * ensemble, "An ensemble of K = " + ensemble
            + " is simulated on floor(trials / K) groups of K trials and needs at least two groups for a standard "
            + "error, so at least " + 2L * ensemble + " trials; " + trials + " were given. Raise the trials, lower K, "
            + "or set the trials to 0 for the theory only.");
        ratios = ratios.clone();
        gammas = gammas.clone();
    }

    /** A sweep without ensembles (K = 1). */
    public DoubleDescentSpec(final Activation sigma, final double[] ratios, final double[] gammas, final int trials,
        final long seed, final int threads) {
        this(sigma, ratios, gammas, trials, seed, threads, 1);
    }

    @Override
    public double[] ratios() {
        return ratios.clone();
    }

    @Override
    public double[] gammas() {
        return gammas.clone();
    }
}
