package org.rmtlab.bench;

import java.util.Locale;

import org.rmtlab.core.dynamics.DmftSolution;
import org.rmtlab.core.dynamics.NonMonotoneTestLoss;
import org.rmtlab.core.dynamics.RandomFeatureFlow;
import org.rmtlab.core.dynamics.RandomFeatureFlowDmft;
import org.rmtlab.core.dynamics.RandomFeatureFlowResolvent;
import org.rmtlab.core.dynamics.RandomFeatureFlowSimulation;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

/**
 * Measurements behind the accuracy and cost statements of the random-feature flow classes (not a unit
 * test; run with {@code java -cp bench/target/benchmarks.jar
 * org.rmtlab.bench.RandomFeatureFlowAccuracy}). Prints, for the non-monotone example and a noisy
 * model, the DMFT error against the resolvent and its run time per grid size (best of three runs), plain and
 * extrapolated, the DMFT bias (cross-replica equations) against the resolvent's, and the time of the
 * resolvent and of the simulation.
 */
public final class RandomFeatureFlowAccuracy {
    private RandomFeatureFlowAccuracy() {
    }

    public static void main(final String[] args) throws CancelledException {
        final double tMax = args.length > 0 ? Double.parseDouble(args[0]) : 8;
        final int maxSteps = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        for (RandomFeatureFlow model : new RandomFeatureFlow[] {NonMonotoneTestLoss.EXAMPLE,
            new RandomFeatureFlow(1.5, 0.7, 0.3)}) {
            System.out.printf(Locale.ROOT, "%s, lambda_+ = %.3f, t_max = %.1f%n", model, model.spectrum().upperEdge(), tMax);
            long t0 = System.nanoTime();
            final RandomFeatureFlowResolvent resolvent = new RandomFeatureFlowResolvent(model, tMax);
            final double build = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            final double[] times = new double[201];
            for (int i = 0; i < times.length; i++) {
                times[i] = tMax * i / (times.length - 1);
            }
            resolvent.losses(times);
            System.out.printf(Locale.ROOT, "  resolvent: %d nodes, build %.0f ms, 201 times %.0f ms%n", resolvent.nodes(),
                build, (System.nanoTime() - t0) / 1e6);
            final RandomFeatureFlowDmft dmft = new RandomFeatureFlowDmft(model);
            for (int steps = 50; steps <= maxSteps; steps *= 2) {
                DmftSolution plain = null;
                double plainMs = Double.POSITIVE_INFINITY;
                for (int rep = 0; rep < 3; rep++) {
                    t0 = System.nanoTime();
                    plain = dmft.solve(tMax, steps, Progress.NONE);
                    plainMs = Math.min(plainMs, (System.nanoTime() - t0) / 1e6);
                }
                String extrapolated = "";
                if (2 * steps <= maxSteps) {
                    DmftSolution x = null;
                    double ms = Double.POSITIVE_INFINITY;
                    for (int rep = 0; rep < 3; rep++) {
                        t0 = System.nanoTime();
                        x = dmft.solveExtrapolated(tMax, steps, Progress.NONE);
                        ms = Math.min(ms, (System.nanoTime() - t0) / 1e6);
                    }
                    extrapolated = String.format(Locale.ROOT, " | extrapolated error %.2e (estimate %.2e) %.0f ms",
                        maxError(x, resolvent), maxEstimate(x), ms);
                }
                System.out.printf(Locale.ROOT, "  steps %5d h = %.4f h lambda_+ = %.3f: plain error %.2e %.0f ms%s%n", steps,
                    tMax / steps, tMax / steps * model.spectrum().upperEdge(), maxError(plain, resolvent), plainMs,
                    extrapolated);
            }
            final RandomFeatureFlowResolvent withBias = new RandomFeatureFlowResolvent(model, tMax, true);
            t0 = System.nanoTime();
            final DmftSolution biased = dmft.solveExtrapolated(tMax, 100, true, Progress.NONE);
            final double biasMs = (System.nanoTime() - t0) / 1e6;
            double biasError = 0;
            for (int i = 0; i < biased.times().length; i++) {
                biasError = Math.max(biasError, Math.abs(biased.bias()[i] - withBias.bias(biased.times()[i])));
            }
            System.out.printf(Locale.ROOT, "  bias, extrapolated from 100 steps: error %.2e against the resolvent, %.0f ms%n",
                biasError, biasMs);
            for (int d : new int[] {200, 400, 800}) {
                t0 = System.nanoTime();
                new RandomFeatureFlowSimulation(model, d).simulate(times, 4, 1, Progress.NONE);
                System.out.printf(Locale.ROOT, "  simulation D = %d: %.0f ms per trial (201 times)%n", d,
                    (System.nanoTime() - t0) / 4e6);
            }
        }
    }

    private static double maxError(final DmftSolution s, final RandomFeatureFlowResolvent r) {
        double e = 0;
        for (int i = 0; i < s.times().length; i++) {
            e = Math.max(e, Math.abs(s.train()[i] - r.trainLoss(s.times()[i])));
            e = Math.max(e, Math.abs(s.test()[i] - r.testLoss(s.times()[i])));
        }
        return e;
    }

    private static double maxEstimate(final DmftSolution s) {
        double e = 0;
        for (int i = 0; i < s.times().length; i++) {
            e = Math.max(e, Math.max(s.trainErrorEstimate()[i], s.testErrorEstimate()[i]));
        }
        return e;
    }
}
