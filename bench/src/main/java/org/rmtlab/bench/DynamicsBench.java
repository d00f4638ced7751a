package org.rmtlab.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rmtlab.core.dynamics.DeepLinearDmft;
import org.rmtlab.core.dynamics.DmftSolution;
import org.rmtlab.core.dynamics.GaussianMixtureDynamics;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.core.dynamics.LearningCurves;
import org.rmtlab.core.dynamics.RandomFeatureFlow;
import org.rmtlab.core.dynamics.RandomFeatureFlowDmft;
import org.rmtlab.core.dynamics.RidgeDynamics;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

/**
 * Theory of learning dynamics: one DMFT solve of the random-feature gradient flow
 * ({@link RandomFeatureFlowDmft#solve}, N/P = 1.5, D/P = 0.7, noise 0.3, horizon 8) at several grid sizes,
 * and the closed-form learning curves of the Gaussian-mixture classifier (Liao and Couillet 2018) and of
 * ridge regression at {@link #TIMES} times (log-spaced 0.01 to 1000, p = 256, n = 512: the CLI defaults),
 * quadrature rules included; and the DMFT of a deep linear network on finite data ({@link DeepLinearDmft},
 * L = 2 and 3, D/N = 1, P = 1.5 D, gamma0 = 1, horizon 4), extrapolated from the same grid sizes and twice as many
 * steps, the cost of one {@link DeepLinearDmft#curves} call per size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DynamicsBench {
    static final int TIMES = 100;
    private static final RandomFeatureFlow FLOW = new RandomFeatureFlow(1.5, 0.7, 0.3);
    private static final double[] GRID = Workloads.logGrid(0.01, 1000, TIMES);

    /** The DMFT grid, a state of its own so that only {@link #dmft} runs once per size. */
    @State(Scope.Benchmark)
    public static class Grid {
        /** Time steps on [0, 8]; the cost grows as steps^3. */
        @Param({"200", "400", "800"})
        public int steps;
    }

    @Benchmark
    public DmftSolution dmft(final Grid grid) throws CancelledException {
        return new RandomFeatureFlowDmft(FLOW).solve(8, grid.steps, Progress.NONE);
    }

    /** Depth of the deep linear network. */
    @State(Scope.Benchmark)
    public static class Depth {
        @Param({"2", "3"})
        public int depth;
    }

    @Benchmark
    public DeepLinearDmft.Solution deepLinearDmft(final Grid grid, final Depth depth) throws CancelledException {
        return new DeepLinearDmft(depth.depth, 1, 1.5, 1, 0.5, 1, 0.3).solveExtrapolated(4, grid.steps / 2,
            Progress.NONE);
    }

    @Benchmark
    public LearningCurves lc18Theory() {
        return new GaussianMixtureDynamics(256, 512, 2, 0.1, 0, GradientMethod.flow()).theory(GRID);
    }

    @Benchmark
    public LearningCurves ridgeTheory() {
        return new RidgeDynamics(256, 512, 1, 0.25, 0, 0, GradientMethod.flow()).theory(GRID);
    }
}
