package org.rmtlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.chart.Figures;

class PlotOutputTest {
    private static final List<Option> OPTIONS = PlotOutput.with(List.of(Option.of("n", "10", "samples")));

    private static Figure figure() {
        return Figures.xy("t", "x", "y", "line", new double[] {0, 1, 2}, new double[] {1, 0, 2});
    }

    @Test
    void writesThePngAtTheAskedSize(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("out/plot.png");
        final PlotOutput plot = PlotOutput.from(Args.parse(OPTIONS,
            new String[] {"--n", "5", "--plot", file.toString(), "--plot-size", "400x300"}));
        assertTrue(plot.requested());
        assertTrue(plot.write(PlotOutputTest::figure));
        final BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
    }

    @Test
    void defaultSizeIs900By600(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("plot.PNG");
        final PlotOutput plot = PlotOutput.from(Args.parse(OPTIONS, new String[] {"--plot=" + file}));
        assertEquals(900, plot.width());
        assertEquals(600, plot.height());
        plot.write(PlotOutputTest::figure);
        assertTrue(Files.size(file) > 1000);
    }

    @Test
    void withoutPlotNothingIsBuiltOrWritten() throws Exception {
        final PlotOutput plot = PlotOutput.from(Args.parse(OPTIONS, new String[] {"--n", "5"}));
        assertFalse(plot.requested());
        assertFalse(plot.write(() -> {
            throw new AssertionError("the figure must not be built without --plot");
        }));
    }

    @Test
    void badValuesNameTheOption() {
        final IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> PlotOutput.from(
            Args.parse(OPTIONS, new String[] {"--plot", "a.png", "--plot-size", "900by600"})));
        assertTrue(size.getMessage().startsWith("--plot-size must look like WIDTHxHEIGHT"), size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlotOutput.from(
            Args.parse(OPTIONS, new String[] {"--plot", "a.png", "--plot-size", "20x600"})));
        final IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
            () -> PlotOutput.from(Args.parse(OPTIONS, new String[] {"--plot", "a.svg"})));
        assertTrue(name.getMessage().startsWith("--plot must name a .png file"), name.getMessage());
    }

    @Test
    void optionsAreAppendedAfterTheCommandsOwn() {
        assertEquals(List.of("n", "plot", "plot-size"), OPTIONS.stream().map(Option::name).toList());
        assertEquals(PlotOutput.DEFAULT_SIZE, OPTIONS.get(2).defaultValue());
    }
}
