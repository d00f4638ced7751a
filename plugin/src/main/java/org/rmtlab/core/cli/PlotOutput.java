package org.rmtlab.core.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.rmtlab.core.chart.Charts;
import org.rmtlab.core.chart.Figure;

/**
 * The {@code --plot FILE.png} and {@code --plot-size WIDTHxHEIGHT} options that let any command write its
 * figure beside its CSV. A command offers them by listing {@link #with(List)} as its options, reads them at
 * the start of {@code run} with {@link #from(Args)} (so that a bad value fails before a long computation) and
 * hands over its figure at the end:
 *
 * <pre>{@code
 * public List<Option> options() {
 *     return PlotOutput.with(List.of(Option.of("n", "512", "training samples"), ...));
 * }
 *
 * public int run(Args a, PrintStream out) throws Exception {
 *     PlotOutput plot = PlotOutput.from(a);
 *     ... compute, write the CSV ...
 *     plot.write(() -> Figures.doubleDescent(ratio, train, test, trainSim, testSim));
 *     return 0;
 * }
 * }</pre>
 *
 * The figure is only built when {@code --plot} was given.
 */
public final class PlotOutput {
    public static final String PLOT = "plot";
    public static final String SIZE = "plot-size";
    public static final String DEFAULT_SIZE = "900x600";

    private final Path file;
    private final int width;
    private final int height;

    private PlotOutput(final Path file, final int width, final int height) {
        this.file = file;
        this.width = width;
        this.height = height;
    }

    /** The two plot options. */
    public static List<Option> options() {
        return List.of(
            Option.of(PLOT, null, "also write the figure to this PNG file"),
            Option.of(SIZE, DEFAULT_SIZE, "size of the PNG, WIDTHxHEIGHT in pixels"));
    }

    /** A command's own options followed by the plot options. */
    public static List<Option> with(final List<Option> own) {
        final List<Option> all = new ArrayList<>(own);
        all.addAll(options());
        return List.copyOf(all);
    }

    /**
     * Reads and checks {@code --plot} and {@code --plot-size}; without {@code --plot} the result writes nothing.
     *
     * @throws IllegalArgumentException naming the option when the file is not a .png or the size is malformed
     */
    public static PlotOutput from(final Args a) {
        if (!a.has(PLOT)) {
            return new PlotOutput(null, 0, 0);
        }
        final String name = a.string(PLOT).trim();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".png") || name.length() <= ".png".length()) {
            throw new IllegalArgumentException("--" + PLOT + " must name a .png file, not '" + name + "'.");
        }
        final String size = a.has(SIZE) ? a.string(SIZE) : DEFAULT_SIZE;
        final String[] parts = size.trim().toLowerCase(Locale.ROOT).split("[x\u00D7]");
        final String expected = "--" + SIZE + " must look like WIDTHxHEIGHT in pixels, each " + Charts.MIN_SIDE + " to "
            + Charts.MAX_SIDE + " (for example " + DEFAULT_SIZE + "), not '" + size + "'.";
        if (parts.length != 2) {
            throw new IllegalArgumentException(expected);
        }
        final int w;
        final int h;
        try {
            w = Integer.parseInt(parts[0].trim());
            h = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected, e);
        }
        if (w < Charts.MIN_SIDE || w > Charts.MAX_SIDE || h < Charts.MIN_SIDE || h > Charts.MAX_SIDE) {
            throw new IllegalArgumentException(expected);
        }
        return new PlotOutput(Path.of(name), w, h);
    }

    /** Whether {@code --plot} was given. */
    public boolean requested() {
        return file != null;
    }

    /** The PNG file, or {@code null} when no plot was asked for. */
    public Path file() {
        return file;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Builds the figure and writes it as PNG, when {@code --plot} was given; otherwise does nothing.
     *
     * @return whether a file was written
     */
    public boolean write(final Supplier<Figure> figure) throws IOException {
        if (file == null) {
            return false;
        }
        Charts.writePng(figure.get(), file, width, height);
        return true;
    }
}
