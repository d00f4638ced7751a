package org.rmtlab.core.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

/** Pixel statistics of rendered charts, for the tests. */
final class ChartImages {
    private ChartImages() {
    }

    static BufferedImage decode(final byte[] png) {
        try {
            final BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            if (img == null) {
                throw new IllegalStateException("not a PNG");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Share of pixels that are not pure white. */
    static double inkShare(final BufferedImage img) {
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink / (double) (img.getWidth() * img.getHeight());
    }

    static int distinctColours(final BufferedImage img) {
        final Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    /** Number of pixels within {@code tolerance} per channel of colour {@code c}. */
    static int pixelsNear(final BufferedImage img, final Color c, final int tolerance) {
        int count = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                final int rgb = img.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xFF) - c.getRed()) <= tolerance
                    && Math.abs((rgb >> 8 & 0xFF) - c.getGreen()) <= tolerance
                    && Math.abs((rgb & 0xFF) - c.getBlue()) <= tolerance) {
                    count++;
                }
            }
        }
        return count;
    }
}
