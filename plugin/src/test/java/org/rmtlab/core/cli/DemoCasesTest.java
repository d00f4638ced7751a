package org.rmtlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmtlab.core.dynamics.DynamicsFigures;
import org.rmtlab.core.demo.DemoCase;
import org.rmtlab.core.demo.DemoResult;
import org.rmtlab.core.demo.Discrepancy;
import org.rmtlab.core.util.Progress;

/**
 * The cases of {@code rmtlab demo}: the spectrum and risk cases end to end at small sizes (the full sizes run in the
 * demo itself) and the options of every dynamics case.
 */
class DemoCasesTest {

    /**
     * Each case at a small size, quick, 6 trials: it writes its CSV (one row per bin or ratio, the scored ones
     * flagged) and passes its tolerance. The sizes are small, so the finite-size corrections are larger than at the
     * defaults, but so are the standard errors of 6 trials; seeded, so the outcome is fixed.
     */
    @Test
    void everyCaseRunsAndPassesAtASmallSize(@TempDir final Path dir) throws Exception {
        check(new MarchenkoPasturDemo(List.of("--n", "400", "--p", "200"), 6, 6), dir, 1 + SpectrumDemo.BULK_BINS,
            SpectrumDemo.BULK_BINS - 2 * SpectrumDemo.EDGE_BINS);
        // the top inner bins of this small spectrum expect fewer than one eigenvalue per trial: 3 are not scored
        check(new NonlinearGramSpectrumDemo(List.of("--n", "256", "--p", "128"), 6, 6), dir,
            1 + SpectrumDemo.BULK_BINS + NonlinearGramSpectrumDemo.EXTRA_BINS,
            SpectrumDemo.BULK_BINS - 2 * SpectrumDemo.EDGE_BINS - 3);
        // p = 10 .. 250 around n = 50, none within 4 of n
        check(new LinearRidgeDemo(List.of("--n", "50", "--ratios", "0.2:5:6", "--trials", "6")), dir, 7, 6);
        check(new DoubleDescentDemo(List.of("--n", "128", "--p", "64", "--n-test", "128", "--ratios", "0.2:3:5",
            "--trials", "6")), dir, 6, 8);
    }

    /**
     * Every dynamics case's options, quick and full, are options of its model, build the model and its size and
     * subtitle (the simulation itself is left to the demo and to one end-to-end test in DemoCommandTest).
     */
    @Test
    void everyDynamicsCaseBuildsItsModel() {
        int checked = 0;
        for (DemoCase c : DemoCommand.CASES) {
            if (c instanceof DynamicsDemo d) {
                for (boolean quick : new boolean[] {false, true}) {
                    final DynamicsModelOptions entry = DynamicsCommand.find(d.modelId());
                    final Args a = Args.parse(entry.options(), d.options(quick).toArray(new String[0]));
                    assertEquals(d.modelId(), entry.create(a).id(), c.name());
                    assertTrue(d.size(a).matches("\\S+( \\S+)*"), c.name() + ": " + d.size(a));
                    assertTrue(!DynamicsFigures.describe(entry.create(a)).isBlank(), c.name());
                    assertTrue(d.trials(quick) >= 2, c.name());
                }
                checked++;
            }
        }
        assertEquals(6, checked);
    }

    private static void check(final DemoCase c, final Path dir, final int csvLines, final int points) throws Exception {
        final DemoResult r = c.run(true, dir, Progress.NONE);
        final Discrepancy d = r.discrepancy();
        assertEquals(points, d.points(), c.name());
        assertEquals(6, d.trials(), c.name());
        assertTrue(d.passed(), c.name() + ": " + d.value() + " > " + d.tolerance() + " at " + d.worst());
        assertEquals(List.of(dir.resolve(c.name() + ".csv")), r.files());
        assertEquals(csvLines, Files.readAllLines(r.files().get(0)).size(), c.name());
    }
}
