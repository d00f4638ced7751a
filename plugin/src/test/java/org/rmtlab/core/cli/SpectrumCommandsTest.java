package org.rmtlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumCommandsTest {

    private static String[] run(final int expectedCode, final String... argv) {
        final CliRun r = CliRun.run(argv);
        assertEquals(expectedCode, r.code(), "exit code of " + String.join(" ", argv) + ": " + r.err());
        return new String[] {r.out(), r.err()};
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        for (String command : new String[] {"mp", "spectrum", "ridge-risk"}) {
            final String help = run(0, command, "--help")[0];
            for (Command c : Main.COMMANDS) {
                if (c.name().equals(command)) {
                    for (Option o : c.options()) {
                        assertTrue(help.contains("--" + o.name()), command + " help lists --" + o.name());
                        if (o.defaultValue() != null) {
                            assertTrue(help.contains("(default: " + o.defaultValue() + ")"), "default of --" + o.name());
                        }
                    }
                }
            }
        }
    }

    @Test
    void mpWritesTheLawAndTheSimulationBesideIt() {
        final String[] lines = run(0, "mp", "--c", "0.5", "--points", "20")[0].split("\n");
        assertEquals("x,density,cdf", lines[0]);
        assertEquals(21, lines.length);
        final String[] sim = run(0, "mp", "--c", "2", "--points", "10", "--n", "100", "--seed", "3")[0].split("\n");
        assertEquals("x,density,cdf,histogram_density,empirical_cdf", sim[0]);
        assertEquals(11, sim.length);
        // the empirical CDF (with the 100 zeros of the 200 eigenvalues) follows the law's within the KS tolerance
        // 1.5 ln N / N of the spectrum tests
        for (int i = 1; i < sim.length; i++) {
            final String[] cell = sim[i].split(",");
            assertEquals(Double.parseDouble(cell[2]), Double.parseDouble(cell[4]), 1.5 * Math.log(200) / 200, sim[i]);
        }
    }

    @Test
    void spectrumWritesHistogramAndSummary(@TempDir final Path dir) throws IOException {
        final Path summary = dir.resolve("summary.csv");
        final Path eig = dir.resolve("eig.csv");
        final String[] io = run(0, "spectrum", "--data", "mixture", "--n", "400", "--p", "200", "--rho", "2",
            "--bins", "12", "--summary", summary.toString(), "--eigenvalues", eig.toString());
        final String[] lines = io[0].split("\n");
        assertEquals("bin_lower,bin_upper,bin_center,count,density,mp_density", lines[0]);
        assertEquals(13, lines.length);
        final List<String> rows = Files.readAllLines(summary);
        assertEquals("quantity,value", rows.get(0));
        assertTrue(rows.contains("outliers,1"), "one BBP outlier: " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("predicted_largest_eigenvalue,")));
        assertEquals(201, Files.readAllLines(eig).size());
        assertTrue(io[1].isEmpty(), "the summary goes to the process's standard error, not to err: " + io[1]);
    }

    @Test
    void ridgeRiskSweepsRatiosAndPenalties() {
        final String[] lines = run(0, "ridge-risk", "--n", "40", "--ratios", "0.5:2:2", "--gamma", "0.1:1:3",
            "--trials", "2")[0].split("\n");
        assertEquals("c,p,gamma,bias,variance,risk,sim_bias,sim_bias_se,sim_variance,sim_variance_se,sim_risk,sim_risk_se",
            lines[0]);
        assertEquals(1 + 2 * 3, lines.length);
        final String[] theoryOnly = run(0, "ridge-risk", "--ratios", "2", "--trials", "0", "--covariance",
            "two-point:1:4:0.5")[0].split("\n");
        assertEquals(2, theoryOnly.length);
        assertTrue(theoryOnly[1].endsWith(",,,,,,"), "empty simulation cells: " + theoryOnly[1]);
    }

    @Test
    void badInputExitsWithTwoAndAMessage() {
        assertTrue(run(2, "mp", "--c", "-1")[1].contains("c (ratio p/n)"));
        assertTrue(run(2, "spectrum", "--side", "square")[1].contains("covariance"));
        assertTrue(run(2, "ridge-risk", "--covariance", "wobbly")[1].contains("identity"));
        assertTrue(run(2, "ridge-risk", "--ratios", "2:1:3")[1].contains("ratios"));
    }
}
