package org.rmtlab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.resolvent.DoubleDescent;
import org.rmtlab.core.resolvent.DoubleDescentPoint;
import org.rmtlab.core.resolvent.DoubleDescentSpec;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

/**
 * The full double-descent figure: n = 1024 training and 1024 test samples of p = 784 mixture data, ReLU
 * features, {@link #RATIOS} values of N/n log-spaced from 0.1 to 4 (N up to 4096), gamma = 1e-3, theory and
 * {@link #TRIALS} Monte-Carlo trials on {@link #THREADS} threads ({@link DoubleDescent#run}); and the theory
 * alone. No warm-up run: a minute of work makes the JIT's share negligible.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 2)
@Fork(1)
public class DoubleDescentBench {
    static final int N = 1024;
    static final int RATIOS = 30;
    static final int TRIALS = 30;
    static final int THREADS = 2;

    private GeneratedData data;

    @Setup(Level.Trial)
    public void setUp() {
        data = Workloads.mixture(N, N);
    }

    private List<DoubleDescentPoint> run(final int trials) throws CancelledException {
        final DoubleDescentSpec spec = new DoubleDescentSpec(Activations.byId(Workloads.ACTIVATION),
            Workloads.logGrid(0.1, 4, RATIOS), new double[] {Workloads.GAMMA}, trials, 7, THREADS);
        return DoubleDescent.run(spec, data.train(), data.test(), Progress.NONE);
    }

    @Benchmark
    public List<DoubleDescentPoint> figure() throws CancelledException {
        return run(TRIALS);
    }

    @Benchmark
    public List<DoubleDescentPoint> theoryOnly() throws CancelledException {
        return run(0);
    }
}
