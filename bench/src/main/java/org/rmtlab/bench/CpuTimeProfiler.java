package org.rmtlab.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark's JVM per operation ({@code -prof org.rmtlab.bench.CpuTimeProfiler}), beside
 * JMH's wall-clock score: on a machine shared with other jobs the wall time says how long a user waits, the
 * CPU time how much work the code does (it includes the JIT compiler and the garbage collector, a few per
 * cent). Reported in the benchmark's time unit as {@code cpu.time}.
 */
public class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long start;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(final BenchmarkParams benchmarkParams, final IterationParams iterationParams) {
        start = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(final BenchmarkParams benchmarkParams,
        final IterationParams iterationParams, final IterationResult result) {
        final long nanos = os.getProcessCpuTime() - start;
        final long ops = Math.max(1, result.getMetadata().getMeasuredOps());
        final TimeUnit unit = benchmarkParams.getTimeUnit();
        final double perOp = nanos / (double) ops / unit.toNanos(1);
        return List.of(new ScalarResult("cpu.time", perOp, unitName(unit) + "/op", AggregationPolicy.AVG));
    }

    private static String unitName(final TimeUnit unit) {
        return switch (unit) {
            case SECONDS -> "s";
            case MILLISECONDS -> "ms";
            case MICROSECONDS -> "us";
            default -> unit.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
