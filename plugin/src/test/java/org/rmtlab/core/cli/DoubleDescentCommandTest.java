package org.rmtlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DoubleDescentCommandTest {
    private static final String HEADER = "N_over_n,N,gamma,train_theory,test_theory,train_sim,test_sim,train_sim_se,"
        + "test_sim_se";

    private static String[] run(final int expectedCode, final String... argv) {
        final CliRun r = CliRun.run(argv);
        assertEquals(expectedCode, r.code(), r.err());
        return new String[] {r.out(), r.err()};
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        final String help = run(0, "double-descent", "--help")[0];
        for (Option o : new DoubleDescentCommand().options()) {
            assertTrue(help.contains("--" + o.name()), "missing --" + o.name());
            if (o.defaultValue() != null) {
                assertTrue(help.contains("(default: " + o.defaultValue() + ")"), "missing default of --" + o.name());
            }
        }
        assertTrue(run(0, "--help")[0].contains("double-descent"));
    }

    /** One row per (gamma, N/n), gamma outer; theory and simulation columns filled, N = round(ratio n). */
    @Test
    void writesOneRowPerGridPoint() {
        final String csv = run(0, "double-descent", "--n", "60", "--p", "30", "--n-test", "40", "--ratios", "0.5:2:3",
            "--gamma", "0.01,1", "--trials", "3", "--data", "teacher")[0];
        final String[] lines = csv.trim().split("\n");
        assertTrue(lines[0].startsWith(HEADER), lines[0]);
        assertEquals(1 + 6, lines.length);
        final String[] first = lines[1].split(",");
        assertEquals("0.5", first[0]);
        assertEquals("30", first[1]);
        assertEquals("0.01", first[2]);
        for (int i = 3; i < 9; i++) {
            assertTrue(Double.parseDouble(first[i]) >= 0, "column " + i + " of " + lines[1]);
        }
        assertEquals("1.0", lines[4].split(",")[2]);
    }

    /** Without trials (theory only) and without a test set the simulation and test cells are empty. */
    @Test
    void theoryOnlyLeavesSimulationColumnsEmpty() {
        final String csv = run(0, "double-descent", "--n", "40", "--p", "20", "--n-test", "0", "--ratios", "1",
            "--trials", "0")[0];
        final String[] cells = csv.trim().split("\n")[1].split(",", -1);
        assertTrue(Double.parseDouble(cells[3]) > 0);
        for (int i = 4; i < 9; i++) {
            assertEquals("", cells[i], "column " + i);
        }
    }

    @Test
    void badInputGivesExitCodeTwoAndAMessage() {
        assertTrue(run(2, "double-descent", "--gamma", "-1", "--n", "20", "--p", "10")[1].contains("gamma"));
        assertTrue(run(2, "double-descent", "--activation", "tanhh")[1].contains("activation"));
        assertTrue(run(2, "double-descent", "--ratios", "2:1:5")[1].contains("ratios"));
        assertTrue(run(2, "double-descent", "--trials", "x")[1].contains("trials"));
    }
}
