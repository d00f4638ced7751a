package org.rmtlab.core.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code rmtlab demo}: runs one case per capability of the solver core with the nodes' defaults and
 * writes each as CSV under the output folder, then prints a summary table.
 */
final class DemoCommand implements Command {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the showcase cases (CSV per case) and print a summary";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.of("out", "demo-out", "output folder"),
            Option.flag("quick", "smaller sizes, finishes in well under a minute"));
    }

    @Override
    public int run(final Args a, final PrintStream out) throws Exception {
        final Path dir = Path.of(a.string("out"));
        Files.createDirectories(dir);
        final boolean quick = a.flag("quick");
        out.printf("%-28s %-14s %10s%n", "case", "size", "seconds");
        final long t0 = System.nanoTime();
        final String n = quick ? "256" : "1024";
        final String p = quick ? "128" : "512";
        final int rc = Main.run(new String[] {"generate", "--data", "mixture", "--n", n, "--p", p, "--n-test", n,
            "--out", dir.resolve("data-mixture.csv").toString()}, out, System.err);
        if (rc != 0) {
            return rc;
        }
        out.printf("%-28s %-14s %10.2f%n", "data-mixture", "n=" + n + " p=" + p, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
