package org.rmtlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --plot FILE.png} on every command that draws one figure: the PNG is written at the size asked for and is
 * a picture (many colours, not blank); bad values and combinations are refused with a message before any work.
 */
class PlotCommandsTest {

    private static String run(final int expectedCode, final List<String> argv) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code = Main.run(argv.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(expectedCode, code, "exit code of " + argv + ": " + err);
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Small sizes: the figure, not the computation, is under test. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mp|--c 0.5",
        "mp|--c 2 --n 200",
        "spectrum|--data mixture --n 200 --p 100 --rho 3",
        "ridge-risk|--n 40 --ratios 0.2:5:6 --trials 2",
        "ridge-risk|--n 40 --ratios 0.2:5:6 --gamma 0.1:1:2 --trials 0 --covariance two-point:1:4:0.5",
        "dynamics|--model ridge --p 40 --n 80 --times 0.1:10:6 --trials 2",
        "dynamics|--model one-step --times 0.5:5:3 --trials 0",
        "generate|--n 200 --p 100",
        "generate|--data teacher --n 200 --p 100 --covariance power-law"})
    void writesADecodablePngOfTheAskedSize(final String command, final String options, @TempDir final Path dir)
        throws Exception {
        final Path png = dir.resolve("figure.png");
        final List<String> argv = new ArrayList<>(List.of(command));
        argv.addAll(List.of(options.split(" ")));
        argv.addAll(List.of("--out", dir.resolve("out.csv").toString(), "--plot", png.toString(), "--plot-size",
            "480x320"));
        run(0, argv);
        final BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(480, image.getWidth(), "width");
        assertEquals(320, image.getHeight(), "height");
        final Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        // text, axes, a line and bars or points in colour: a blank or single-colour image has 1 or 2
        assertTrue(colours.size() > 20, command + " " + options + ": " + colours.size() + " colours");
    }

    @Test
    void badPlotValuesAreRefusedBeforeTheWork(@TempDir final Path dir) {
        for (String command : new String[] {"mp", "spectrum", "ridge-risk", "dynamics", "generate"}) {
            final String err = run(2, List.of(command, "--out", dir.resolve("out.csv").toString(), "--plot",
                dir.resolve("figure.txt").toString()));
            assertTrue(err.contains("--plot must name a .png file"), command + ": " + err);
            assertTrue(run(2, List.of(command, "--out", dir.resolve("out.csv").toString(), "--plot",
                dir.resolve("f.png").toString(), "--plot-size", "big")).contains("--plot-size must look like"),
                command);
            assertTrue(Files.notExists(dir.resolve("out.csv")), command + " wrote its CSV before refusing --plot");
        }
        assertTrue(run(2, List.of("ridge-risk", "--ratios", "2", "--plot", dir.resolve("f.png").toString()))
            .contains("give --ratios a range"));
        assertTrue(run(2, List.of("dynamics", "--summary", "--plot", dir.resolve("f.png").toString()))
            .contains("leave out --summary"));
        assertTrue(run(2, List.of("demo", "--plot", dir.resolve("f.png").toString())).contains("plot"));
    }
}
