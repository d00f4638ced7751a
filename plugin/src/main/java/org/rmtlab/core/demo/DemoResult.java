package org.rmtlab.core.demo;

import java.nio.file.Path;
import java.util.List;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.util.Check;

/**
 * What one {@link DemoCase} produced.
 *
 * @param size the simulated size for the summary table, for example {@code p=256 n=512}
 * @param discrepancy theory against simulation, with its tolerance
 * @param figure the case's figure; {@link DemoRunner} writes it as PNG
 * @param files the data files the case wrote (CSV)
 */
public record DemoResult(String size, Discrepancy discrepancy, Figure figure, List<Path> files) {

    public DemoResult {
        Check.that(size != null && discrepancy != null && figure != null && files != null,
            "A demo result needs a size, a discrepancy, a figure and its files.");
        files = List.copyOf(files);
    }
}
