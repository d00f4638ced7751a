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
 */
public record DoubleDescentSpec(Activation sigma, double[] ratios, double[] gammas, int trials, long seed,
    int threads) {

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
        ratios = ratios.clone();
        gammas = gammas.clone();
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
