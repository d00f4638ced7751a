package org.rmtlab.knime.common;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.rmtlab.core.chart.Charts;
import org.rmtlab.core.chart.Figure;

/**
 * A node's chart: the figure (for the interactive view) and its PNG (for the image port, the saved
 * workflow and the view after a reload). Rendering is headless: no window is ever opened here.
 *
 * @param figure the figure, or {@code null} after a workflow reload (only the PNG was saved)
 * @param png the rendered image
 */
public record ChartOutput(Figure figure, byte[] png) {

    /** Size of the image port's PNG, in pixels: the size the CLI's --plot uses by default. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 600;
    private static final String FILE = "chart.png";

    /** Spec of every RMT Lab image port. */
    public static ImagePortObjectSpec spec() {
        return new ImagePortObjectSpec(PNGImageContent.TYPE);
    }

    /** Renders {@code figure} to PNG. */
    public static ChartOutput render(final Figure figure) {
        return new ChartOutput(figure, Charts.png(figure, WIDTH, HEIGHT));
    }

    public ImagePortObject port() {
        return new ImagePortObject(new PNGImageContent(png), spec());
    }

    /** Saves the PNG into the node's internals folder, so the view survives a workflow reload. */
    public static void save(final ChartOutput chart, final File dir) throws IOException {
        if (chart != null) {
            Files.write(new File(dir, FILE).toPath(), chart.png());
        }
    }

    /** The chart saved by {@link #save}, without its figure; {@code null} if none was saved. */
    public static ChartOutput load(final File dir) throws IOException {
        final File f = new File(dir, FILE);
        return f.isFile() ? new ChartOutput(null, Files.readAllBytes(f.toPath())) : null;
    }
}
