package org.knime.core.data.image;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;

import org.knime.core.data.DataCell;

/** An image that can paint itself, save itself and be put into a table cell. */
public interface ImageContent {

    /** Paints the image scaled into a width x height box at the origin. */
    void paint(Graphics2D g, int width, int height);

    Dimension getPreferredSize();

    DataCell toImageCell();

    void save(OutputStream out) throws IOException;

    String getSummary();
}
