package org.rmtlab.core.spectrum;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the independently computed reference tables of /work/shared/reference (system property rmtlab.shared). */
final class Reference {
    private Reference() {
    }

    /** The numeric rows of reference/NAME (header skipped); fails the test with a clear message when missing. */
    static List<double[]> rows(final String name) {
        final String shared = System.getProperty("rmtlab.shared");
        if (shared == null || shared.isBlank()) {
            fail("System property rmtlab.shared is not set: it must point to the shared folder with reference/"
                + name + " (the Maven build sets it; in an IDE add -Drmtlab.shared=/work/shared).");
        }
        final Path file = Path.of(shared, "reference", name);
        if (!Files.isRegularFile(file)) {
            fail("Reference table " + file + " is missing; the MP tests compare against it.");
        }
        try {
            final List<String> lines = Files.readAllLines(file);
            final List<double[]> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                final String[] cells = line.split(",");
                final double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = Double.parseDouble(cells[i].trim());
                }
                out.add(row);
            }
            if (out.isEmpty()) {
                fail("Reference table " + file + " has no rows.");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
