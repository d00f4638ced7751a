package org.rmtlab.core.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Function;

import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/** Small helpers shared by the simulations of this package. */
final class SimulationSupport {
    private SimulationSupport() {
    }

    /** A seed for {@link org.rmtlab.core.data.DataGenerator}, drawn from a trial's stream so that trials are independent. */
    static long dataSeed(final Rng rng) {
        return (long) rng.nextInt(Integer.MAX_VALUE) << 31 ^ rng.nextInt(Integer.MAX_VALUE);
    }

    /**
     * Indices of {@code times} in increasing order of time (stable for ties): models that integrate an ODE
     * forward visit the grid in this order and accept it in any order.
     */
    static int[] ascending(final double[] times) {
        final Integer[] idx = new Integer[times.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(times[a], times[b]));
        final int[] out = new int[idx.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /**
     * The values of {@code at} over the grid, one row per quantity: {@code v[j][i] = at.apply(taus[i])[j]}.
     *
     * @param count how many quantities {@code at} returns
     */
    static double[][] sweep(final double[] taus, final int count, final DoubleFunction<double[]> at,
        final Progress progress) throws CancelledException {
        final double[][] v = new double[count][taus.length];
        for (int i = 0; i < taus.length; i++) {
            progress.checkCancelled();
            final double[] m = at.apply(taus[i]);
            for (int j = 0; j < count; j++) {
                v[j][i] = m[j];
            }
        }
        return v;
    }

    /** Theory curves named {@code names}, curve j being quantity j of {@code at} over the grid. */
    static List<Curve> theoryCurves(final String[] names, final double[] taus, final DoubleFunction<double[]> at) {
        final double[][] v = Progress.silently(p -> sweep(taus, names.length, at, p));
        final List<Curve> curves = new ArrayList<>(names.length);
        for (int j = 0; j < names.length; j++) {
            curves.add(Curve.theory(names[j], v[j]));
        }
        return curves;
    }

    /**
     * Monte-Carlo curves over the time axis tau of a model whose trial, once drawn, gives every quantity at any time (a decomposition
     * done once per trial): mean and spread over {@code trials} draws, each from its own split of the seed's
     * stream.
     *
     * @param names the quantities {@code draw}'s functions return, in their order
     * @param draw one trial's draw from its stream, as the function of time it gives
     */
    static LearningCurves simulate(final String id, final double[] taus, final String[] names, final int trials,
        final long seed, final Progress progress, final Function<Rng, DoubleFunction<double[]>> draw)
        throws CancelledException {
        final Rng root = new Rng(seed);
        final CurveAccumulator acc = new CurveAccumulator(taus.length);
        for (int t = 0; t < trials; t++) {
            progress.checkCancelled();
            progress.report(t / (double) trials, String.format(Locale.ROOT, "trial %d of %d", t + 1, trials));
            final double[][] v = sweep(taus, names.length, draw.apply(root.split()), progress);
            for (int j = 0; j < names.length; j++) {
                acc.add(names[j], v[j]);
            }
        }
        progress.report(1, "done");
        return new LearningCurves(id, LearningCurves.TAU, taus, acc.curves());
    }
}
