package org.rmtlab.core.demo;

import java.nio.file.Path;

import org.rmtlab.core.util.Progress;

/**
 * One showcase of the solver core: a setting from a paper, its theory beside a seeded Monte-Carlo simulation,
 * data written as CSV and a figure, and a {@link Discrepancy} that says whether the two agree.
 *
 * <p>Contract: the same {@code quick} gives the same output (fixed seeds); the full run uses the defaults of the
 * nodes and the command line, so that its figure is the one a user gets without changing a setting; the quick
 * run may coarsen grids and use fewer trials but keeps the sizes. Budgets on 2 cores: a few seconds quick, at
 * most a minute full. Long loops report to and check {@code progress}.
 *
 * <p>To add a case: implement this interface (or, for a {@code DynamicsModel}, extend the command line's
 * dynamics case), and add one instance to the case list of {@code rmtlab demo}
 * ({@code org.rmtlab.core.cli.DemoCommand#CASES}); {@link DemoRunner} does the rest (table, PNG, gallery,
 * exit code).
 */
public interface DemoCase {

    /** Short stable name, lower case with dashes: the row of the summary and the stem of the files. */
    String name();

    /** One sentence: what the figure shows and which paper it reproduces. */
    String description();

    /**
     * Runs the case and writes its data, at least {@code dir/name().csv}.
     *
     * @param quick the short variant, for continuous integration
     * @param dir existing output folder
     * @param progress progress and cancellation
     * @return the sizes, the discrepancy, the figure and the data files written
     */
    DemoResult run(boolean quick, Path dir, Progress progress) throws Exception;
}
