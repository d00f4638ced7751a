package org.rmtlab.core.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Charts;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;

/**
 * Runs a list of {@link DemoCase}s one after the other, writes each figure as {@code NAME.png} beside the case's
 * CSV (and, for the README gallery, a second copy at {@value #GALLERY_WIDTH} x {@value #GALLERY_HEIGHT} pixels),
 * and prints one row per case as it finishes: case, size, trials, scored points, discrepancy, tolerance, wall
 * time and PASS or FAIL. A case that throws is reported as ERROR and the others still run. The run succeeds
 * (exit code 0) only when every case passes; otherwise the code is 1 and the worst point or the error of each
 * failing case is printed under the table.
 */
public final class DemoRunner {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 600;
    public static final int GALLERY_WIDTH = 800;
    public static final int GALLERY_HEIGHT = 500;

    /** The case column, printed when the case starts, and the rest of its row, printed when it ends. */
    private static final String NAME = "%-28s ";
    private static final String REST = "%-22s %6s %6s %8s %8s %8s  %s%n";

    private final List<DemoCase> cases;
    private final boolean quick;
    private final Path dir;
    private final Path gallery;

    /**
     * @param cases the cases in the order of the table; names must be unique
     * @param quick run the quick variant of every case
     * @param dir output folder, created when missing
     * @param gallery folder for the gallery copies of the figures, or {@code null} for none; only with the full run,
     *     since the committed gallery shows the defaults
     */
    public DemoRunner(final List<DemoCase> cases, final boolean quick, final Path dir, final Path gallery) {
        Check.that(cases != null && !cases.isEmpty(), "Give at least one demo case.");
        Check.that(dir != null, "Give an output folder.");
        Check.that(gallery == null || !quick,
            "The gallery shows the full run: leave out --quick to regenerate it.");
        final List<String> names = new ArrayList<>();
        for (DemoCase c : cases) {
            Check.that(!names.contains(c.name()), "Two demo cases are called " + c.name() + ".");
            names.add(c.name());
        }
        this.cases = List.copyOf(cases);
        this.quick = quick;
        this.dir = dir;
        this.gallery = gallery;
    }

    /**
     * Runs every case and prints the summary.
     *
     * @return 0 when every case passed its tolerance, 1 otherwise
     * @throws IOException when the output folders cannot be created
     */
    public int run(final PrintStream out) throws IOException {
        Files.createDirectories(dir);
        if (gallery != null) {
            Files.createDirectories(gallery);
        }
        header(out);
        final List<String> problems = new ArrayList<>();
        final List<String> files = new ArrayList<>();
        int passed = 0;
        for (DemoCase c : cases) {
            out.printf(NAME, c.name());
            out.flush();
            final long start = System.nanoTime();
            try {
                final DemoResult r = c.run(quick, dir, Progress.NONE);
                final Path png = dir.resolve(c.name() + ".png");
                Charts.writePng(r.figure(), png, WIDTH, HEIGHT);
                if (gallery != null) {
                    Charts.writePng(r.figure(), gallery.resolve(c.name() + ".png"), GALLERY_WIDTH, GALLERY_HEIGHT);
                }
                final Discrepancy d = r.discrepancy();
                final double seconds = (System.nanoTime() - start) / 1e9;
                out.printf(REST, r.size(), d.trials(), d.points(), number(d.value()),
                    number(d.tolerance()), String.format(Locale.ROOT, "%.1f", seconds), d.passed() ? "PASS" : "FAIL");
                if (d.passed()) {
                    passed++;
                } else {
                    problems.add(c.name() + ": worst point " + d.worst());
                }
                final List<String> own = new ArrayList<>();
                for (Path f : r.files()) {
                    own.add(f.getFileName().toString());
                }
                own.add(png.getFileName().toString());
                files.add(String.join(" ", own));
            } catch (Exception e) {
                final double seconds = (System.nanoTime() - start) / 1e9;
                out.printf(REST, "", "", "", "", "",
                    String.format(Locale.ROOT, "%.1f", seconds), "ERROR");
                problems.add(c.name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        out.println();
        for (String p : problems) {
            out.println(p);
        }
        out.println(passed == cases.size() ? "All " + passed + " cases passed."
            : (cases.size() - passed) + " of " + cases.size() + " cases FAILED.");
        out.println("Files in " + dir.toAbsolutePath().normalize() + ":");
        for (String f : files) {
            out.println("  " + f);
        }
        if (gallery != null) {
            out.println("Gallery figures (" + GALLERY_WIDTH + "x" + GALLERY_HEIGHT + ") in "
                + gallery.toAbsolutePath().normalize());
        }
        return passed == cases.size() ? 0 : 1;
    }

    private void header(final PrintStream out) {
        out.println("rmtlab demo, " + (quick ? "quick" : "full") + " run: " + cases.size() + " case"
            + (cases.size() == 1 ? "" : "s") + ", theory against seeded simulation.");
        out.println("max|z| = max over the scored points of |theory - simulation| / se, se = standard error of the"
            + " simulated mean over the trials.");
        out.println("tol    = the level max|z| exceeds with probability <= " + Math.round(100 * Discrepancy.FALSE_ALARM)
            + "% if the theory is exact at this size (Student t with trials-1 d.o.f., union bound over the points).");
        out.println();
        out.printf(NAME + REST, "case", "size", "trials", "points", "max|z|", "tol", "seconds", "result");
    }

    private static String number(final double v) {
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.2f", v);
    }
}
