package org.rmtlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.rmtlab.core.linalg.SymmetricEigen;

/**
 * Runs the benchmarks of this module in one JMH run, with {@link CpuTimeProfiler}, and prints the results
 * as the markdown tables of {@code bench/README.md}, ratios included:
 * {@code java -cp bench/target/benchmarks.jar org.rmtlab.bench.Report [REGEX]} (REGEX selects benchmarks as
 * JMH's include pattern does; default: all).
 */
public final class Report {
    private Report() {
    }

    public static void main(final String[] args) throws RunnerException, IOException {
        final String include = args.length > 0 ? args[0] : "org\\.rmtlab\\.bench\\..*";
        final String loadBefore = loadAverage();
        final Collection<RunResult> results = new Runner(new OptionsBuilder().include(include)
            .addProfiler(CpuTimeProfiler.class).build()).run();
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Machine: %s, %d processors (nproc), Java %s; %s; load average %s "
            + "before, %s after%n%n", cpuModel(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"), LocalDate.now(), loadBefore, loadAverage()));
        theorySweep(results, out);
        eigen(results, out);
        doubleDescent(results, out);
        dynamics(results, out);
        System.out.println();
        System.out.print(out);
    }

    private static void theorySweep(final Collection<RunResult> results, final StringBuilder out) {
        if (find(results, "TheorySweepBench.equivalentSweep", null).isEmpty()) {
            return;
        }
        out.append("Theory sweep: ").append(TheorySweepBench.POINTS).append(" N/n points, gamma = ")
            .append(Workloads.GAMMA).append(", ReLU kernel\n\n");
        out.append("| n | NonlinearGramEquivalent, 100 points (wall / CPU) | naive: one n x n step (wall / CPU) "
            + "| naive steps on the grid | naive sweep (steps x step) | ratio naive / equivalent |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (String n : new String[] {"1024", "2048"}) {
            final Optional<RunResult> eq = find(results, "TheorySweepBench.equivalentSweep", n);
            final Optional<RunResult> step = find(results, "TheorySweepBench.naiveStep", n);
            if (eq.isEmpty() || step.isEmpty()) {
                continue;
            }
            final long steps = NaiveFixedPoint.steps(SymmetricEigen.eigenvalues(Workloads.reluKernel(Integer.parseInt(n))),
                TheorySweepBench.ratios(), Workloads.GAMMA);
            final double naive = steps * ms(step.get());
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %.0f |%n", n, wallCpu(eq.get()),
                wallCpu(step.get()), steps, seconds(naive), naive / ms(eq.get())));
        }
        out.append('\n');
    }

    private static void eigen(final Collection<RunResult> results, final StringBuilder out) {
        if (find(results, "SymmetricEigenBench.linalg", null).isEmpty()) {
            return;
        }
        out.append("Symmetric eigenvalues of an n x n Wishart matrix (EJML tridiagonalisation variants; "
            + "linalg = SymmetricEigen.eigenvalues)\n\n");
        out.append("| n | row-major | blocked | row-major MT | linalg | row-major / linalg | blocked / linalg |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (String n : new String[] {"1024", "2048"}) {
            final Optional<RunResult> row = find(results, "SymmetricEigenBench.rowMajor", n);
            final Optional<RunResult> block = find(results, "SymmetricEigenBench.blocked", n);
            final Optional<RunResult> mt = find(results, "SymmetricEigenBench.rowMajorMultithreaded", n);
            final Optional<RunResult> ours = find(results, "SymmetricEigenBench.linalg", n);
            if (row.isEmpty() || block.isEmpty() || mt.isEmpty() || ours.isEmpty()) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %.2f |%n", n, wallCpu(row.get()),
                wallCpu(block.get()), wallCpu(mt.get()), wallCpu(ours.get()), ms(row.get()) / ms(ours.get()),
                ms(block.get()) / ms(ours.get())));
        }
        out.append('\n');
    }

    private static void doubleDescent(final Collection<RunResult> results, final StringBuilder out) {
        final Optional<RunResult> figure = find(results, "DoubleDescentBench.figure", null);
        if (figure.isEmpty()) {
            return;
        }
        out.append(String.format(Locale.ROOT, "Double-descent figure: n = n_test = %d, p = %d, %d ratios x %d trials, "
            + "%d threads, theory + simulation%n%n", DoubleDescentBench.N, Workloads.P, DoubleDescentBench.RATIOS,
            DoubleDescentBench.TRIALS, DoubleDescentBench.THREADS));
        out.append("| run | wall | CPU | CPU / wall |\n|---|---|---|---|\n");
        row(out, "theory + simulation (DoubleDescent.run)", figure.get());
        find(results, "DoubleDescentBench.theoryOnly", null).ifPresent(r -> row(out, "theory only", r));
        out.append('\n');
    }

    private static void dynamics(final Collection<RunResult> results, final StringBuilder out) {
        if (find(results, "DynamicsBench.", null).isEmpty()) {
            return;
        }
        out.append("Learning dynamics theory\n\n| run | wall | CPU | CPU / wall |\n|---|---|---|---|\n");
        for (String steps : new String[] {"200", "400", "800"}) {
            find(results, "DynamicsBench.dmft", steps).ifPresent(r -> row(out, "RandomFeatureFlowDmft.solve, "
                + steps + " steps", r));
        }
        for (String depth : new String[] {"2", "3"}) {
            for (String steps : new String[] {"200", "400", "800"}) {
                findWith(results, "DynamicsBench.deepLinearDmft", Map.of("depth", depth, "steps", steps)).ifPresent(
                    r -> row(out, "DeepLinearDmft, L = " + depth + ", " + Integer.parseInt(steps) / 2 + " + " + steps
                        + " steps, extrapolated", r));
            }
        }
        find(results, "DynamicsBench.lc18Theory", null).ifPresent(r -> row(out, "Gaussian mixture (LC18), "
            + DynamicsBench.TIMES + " times", r));
        find(results, "DynamicsBench.ridgeTheory", null).ifPresent(r -> row(out, "ridge, " + DynamicsBench.TIMES
            + " times", r));
        out.append('\n');
    }

    private static void row(final StringBuilder out, final String name, final RunResult r) {
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f |%n", name, seconds(ms(r)), seconds(cpuMs(r)),
            cpuMs(r) / ms(r)));
    }

    /** The result of the benchmark whose name ends with {@code suffix} (or contains it, ending in '.'). */
    private static Optional<RunResult> find(final Collection<RunResult> results, final String suffix, final String param) {
        return param == null ? findWith(results, suffix, Map.of()) : results.stream().filter(r -> named(r, suffix)
            && r.getParams().getParamsKeys().stream().anyMatch(key -> param.equals(r.getParams().getParam(key))))
            .findFirst();
    }

    /** The result of the benchmark named as in {@link #find(Collection, String, String)} with these parameters. */
    private static Optional<RunResult> findWith(final Collection<RunResult> results, final String suffix,
        final Map<String, String> params) {
        return results.stream().filter(r -> named(r, suffix) && params.entrySet().stream()
            .allMatch(e -> e.getValue().equals(r.getParams().getParam(e.getKey())))).findFirst();
    }

    private static boolean named(final RunResult r, final String suffix) {
        final String name = r.getParams().getBenchmark();
        return suffix.endsWith(".") ? name.contains(suffix) : name.endsWith(suffix);
    }

    private static double ms(final RunResult r) {
        return toMs(r.getPrimaryResult());
    }

    private static double cpuMs(final RunResult r) {
        final Result<?> cpu = r.getSecondaryResults().get("cpu.time");
        return cpu == null ? Double.NaN : toMs(cpu);
    }

    private static double toMs(final Result<?> result) {
        final String unit = result.getScoreUnit();
        final double f = unit.startsWith("s/") ? 1000 : unit.startsWith("us/") ? 1e-3 : 1;
        return result.getScore() * f;
    }

    private static String wallCpu(final RunResult r) {
        return seconds(ms(r)) + " / " + seconds(cpuMs(r));
    }

    private static String seconds(final double ms) {
        if (ms >= 3_600_000) {
            return String.format(Locale.ROOT, "%.1f h", ms / 3_600_000);
        }
        if (ms >= 600_000) {
            return String.format(Locale.ROOT, "%.0f min", ms / 60_000);
        }
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            final String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
