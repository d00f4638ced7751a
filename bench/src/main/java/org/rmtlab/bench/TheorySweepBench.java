package org.rmtlab.bench;

import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rmtlab.core.resolvent.GramResolvent;
import org.rmtlab.core.resolvent.NonlinearGramEquivalent;

/**
 * The deterministic equivalent over a sweep of {@link #POINTS} values of N/n (log-spaced 0.1 to 4, gamma =
 * 1e-3, ReLU kernel of mixture data): {@link NonlinearGramEquivalent} decomposes K once and then costs O(n)
 * per point, against the naive per-point fixed point whose every step is an n x n Cholesky solve. A whole
 * naive sweep takes thousands of such steps (hours at n = 2048), so {@link #naiveStep} times one step and
 * {@link Report} multiplies it by the number of steps the naive iteration takes on this grid
 * ({@link NaiveFixedPoint#steps}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(1)
public class TheorySweepBench {
    static final int POINTS = 100;

    @Param({"1024", "2048"})
    public int n;

    private DMatrixRMaj kernel;

    static double[] ratios() {
        return Workloads.logGrid(0.1, 4, POINTS);
    }

    @Setup(Level.Trial)
    public void setUp() {
        kernel = Workloads.reluKernel(n);
    }

    /** Decompose K once, then delta and (1/n) tr Qbar at every point. */
    @Benchmark
    public double equivalentSweep() {
        final NonlinearGramEquivalent equivalent = NonlinearGramEquivalent.ofKernel(kernel);
        double sum = 0;
        for (double c : ratios()) {
            final GramResolvent r = equivalent.at(c, Workloads.GAMMA);
            sum += r.delta().delta() + r.normalizedTrace();
        }
        return sum;
    }

    /** One step of the naive fixed point, at N/n = 1 from delta = 0. */
    @Benchmark
    public double naiveStep() {
        return NaiveFixedPoint.step(kernel, 1, Workloads.GAMMA, 0);
    }
}
