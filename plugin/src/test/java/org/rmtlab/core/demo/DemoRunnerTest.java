package org.rmtlab.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmtlab.core.chart.Figures;
import org.rmtlab.core.util.Progress;

class DemoRunnerTest {
    private static final int TRIALS = 20;

    /** A case whose only point lies z standard errors from its theory; quick runs report their mode in the size. */
    private record Fixed(String name, double z) implements DemoCase {
        @Override
        public String description() {
            return "a fixed discrepancy of " + z;
        }

        @Override
        public DemoResult run(final boolean quick, final Path dir, final Progress progress) throws Exception {
            final Path csv = dir.resolve(name + ".csv");
            Files.writeString(csv, "x,y\n0,1\n");
            final Discrepancy d = new Discrepancy.Accumulator().add("y at x = 0", z, 0, 1).result(TRIALS);
            return new DemoResult(quick ? "quick" : "full", d,
                Figures.xy(name, "x", "y", "y", new double[] {0, 1}, new double[] {1, 2}), List.of(csv));
        }
    }

    private record Broken(String name) implements DemoCase {
        @Override
        public String description() {
            return "throws";
        }

        @Override
        public DemoResult run(final boolean quick, final Path dir, final Progress progress) {
            throw new IllegalStateException("solver diverged");
        }
    }

    private static String run(final DemoRunner runner, final int expectedCode) throws Exception {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int code = runner.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(expectedCode, code, out);
        return out;
    }

    @Test
    // tolerance for 1 point of 20 trials is 2.86: z = 1 passes; every file is written and named
    void allPassingGivesZeroAndTheFiles(@TempDir final Path dir) throws Exception {
        final String out = run(new DemoRunner(List.of(new Fixed("one", 1), new Fixed("two", 2.5)), true, dir, null), 0);
        assertTrue(out.contains("All 2 cases passed."), out);
        assertTrue(out.matches("(?s).*\\none +quick +20 +1 +1\\.00 +2\\.86 +[0-9.]+ +PASS\\n.*"), out);
        assertTrue(out.contains("Files in " + dir.toAbsolutePath().normalize()), out);
        assertTrue(out.contains("one.csv one.png"), out);
        assertTrue(out.contains("max|z| = max over the scored points of |theory - simulation| / se"), out);
        for (String f : new String[] {"one.csv", "one.png", "two.csv", "two.png"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        final BufferedImage png = ImageIO.read(dir.resolve("one.png").toFile());
        assertEquals(DemoRunner.WIDTH, png.getWidth());
        assertEquals(DemoRunner.HEIGHT, png.getHeight());
    }

    @Test
    // one case beyond its tolerance, one that throws: both reported, the others still run, exit code 1
    void failureOrErrorGivesOne(@TempDir final Path dir) throws Exception {
        final String out = run(new DemoRunner(List.of(new Fixed("bad", 9), new Broken("broken"), new Fixed("good", 0.5)),
            false, dir, null), 1);
        assertTrue(out.matches("(?s).*\\nbad +full +20 +1 +9\\.00 +2\\.86 +[0-9.]+ +FAIL\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nbroken +[0-9.]+ +ERROR\\n.*"), out);
        assertTrue(out.matches("(?s).*\\ngood .* PASS\\n.*"), out);
        assertTrue(out.contains("bad: worst point y at x = 0: theory 9.000, simulation 0.000 +- 1.0"), out);
        assertTrue(out.contains("broken: solver diverged"), out);
        assertTrue(out.contains("2 of 3 cases FAILED."), out);
        assertTrue(Files.isRegularFile(dir.resolve("good.png")));
        assertFalse(Files.exists(dir.resolve("broken.png")));
    }

    @Test
    // the gallery copy has the fixed gallery size; it is only made from the full run
    void galleryAtFixedSizeFromTheFullRunOnly(@TempDir final Path dir) throws Exception {
        final Path gallery = dir.resolve("docs/gallery");
        run(new DemoRunner(List.of(new Fixed("one", 1)), false, dir.resolve("out"), gallery), 0);
        final BufferedImage png = ImageIO.read(gallery.resolve("one.png").toFile());
        assertEquals(DemoRunner.GALLERY_WIDTH, png.getWidth());
        assertEquals(DemoRunner.GALLERY_HEIGHT, png.getHeight());
        assertThrows(IllegalArgumentException.class,
            () -> new DemoRunner(List.of(new Fixed("one", 1)), true, dir, gallery));
        assertThrows(IllegalArgumentException.class,
            () -> new DemoRunner(List.of(new Fixed("one", 1), new Fixed("one", 2)), false, dir, null));
    }
}
