package org.rmtlab.core.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** CSV with a header line to a file or to standard output; numbers in full precision, NaN as empty. */
public final class CsvWriter implements Closeable {
    private final Writer out;
    private final boolean ownsStream;
    private final int columns;

    private CsvWriter(final Writer out, final boolean ownsStream, final String... header) throws IOException {
        this.out = out;
        this.ownsStream = ownsStream;
        this.columns = header.length;
        out.write(String.join(",", header));
        out.write('\n');
    }

    /** Writes to {@code file} when non-null, else to {@code stdout}. */
    public static CsvWriter open(final String file, final PrintStream stdout, final String... header) throws IOException {
        if (file == null) {
            return new CsvWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)), false, header);
        }
        final Path path = Path.of(file);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        return new CsvWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), true, header);
    }

    /** One row; the cells are numbers or strings (strings are written as they are). */
    public void row(final Object... cells) throws IOException {
        if (cells.length != columns) {
            throw new IllegalStateException("CSV row has " + cells.length + " cells, header has " + columns);
        }
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(format(cells[i]));
        }
        out.write('\n');
    }

    static String format(final Object cell) {
        if (cell instanceof Double d) {
            return d.isNaN() ? "" : Double.toString(d);
        }
        return String.valueOf(cell);
    }

    @Override
    public void close() throws IOException {
        if (ownsStream) {
            out.close();
        } else {
            out.flush();
        }
    }
}
