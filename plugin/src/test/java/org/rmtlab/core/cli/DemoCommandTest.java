package org.rmtlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rmtlab.core.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmtlab.core.demo.DemoCase;

class DemoCommandTest {

    @Test
    void listsEveryCase() {
        final CliRun r = run("demo", "--list");
        assertEquals(0, r.code(), r.err());
        for (DemoCase c : DemoCommand.CASES) {
            assertTrue(r.out().contains(c.name() + " "), r.out());
        }
        assertEquals(DemoCommand.CASES.size(), r.out().strip().split("\n").length);
    }

    @Test
    // one real case end to end, quick (about 3 s): the CSV of rmtlab dynamics, the PNG, a passing row, exit code 0
    void quickRidgeCasePasses(@TempDir final Path dir) throws Exception {
        final CliRun r = run("demo", "--quick", "--cases", "ridge-early-stopping", "--out", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*\\nridge-early-stopping +p=256 n=512 +20 +40 +[0-9.]+ +[0-9.]+ +[0-9.]+ +PASS\\n.*"),
            r.out());
        final String csv = Files.readString(dir.resolve("ridge-early-stopping.csv"));
        assertTrue(csv.startsWith("tau,test_risk_theory,"), csv);
        assertEquals(21, csv.strip().split("\n").length);
        assertTrue(Files.size(dir.resolve("ridge-early-stopping.png")) > 1000);
    }

    @Test
    void badInputIsExitCodeTwo(@TempDir final Path dir) {
        final CliRun unknown = run("demo", "--cases", "nope", "--out", dir.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unknown demo case 'nope'. Choose from: gmm-overfitting,"), unknown.err());
        final CliRun quickGallery = run("demo", "--quick", "--gallery", dir.toString(), "--out", dir.toString());
        assertEquals(2, quickGallery.code());
        assertTrue(quickGallery.err().contains("leave out --quick"), quickGallery.err());
    }
}
