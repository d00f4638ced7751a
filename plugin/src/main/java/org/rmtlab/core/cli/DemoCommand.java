package org.rmtlab.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rmtlab.core.demo.DemoCase;
import org.rmtlab.core.demo.DemoRunner;
import org.rmtlab.core.demo.Discrepancy;

/**
 * {@code rmtlab demo}: one case per capability of the solver core, each with the defaults of the nodes and of
 * the command line, theory beside a seeded simulation. Writes {@code NAME.csv} and {@code NAME.png} per case into
 * {@code --out}, prints a summary table (case, size, trials, scored points, discrepancy in standard errors, its
 * tolerance, wall time, PASS or FAIL; see {@link Discrepancy}) and where the files went, and exits with 1 when a
 * case fails its tolerance. {@code --quick} coarsens grids and uses fewer trials (under a minute on 2 cores, for
 * continuous integration); {@code --gallery DIR} also writes every figure at the README's gallery size
 * ({@code ./rmtlab demo --gallery docs/gallery} regenerates the committed gallery). Unlike the other commands it
 * takes no {@code --plot FILE.png}: it draws one figure per case, each written as {@code NAME.png} beside its CSV;
 * each figure is the one the corresponding command draws with {@code --plot} (and the node in its image port).
 *
 * <p>To add a case:
 * <ol>
 * <li>Write a class implementing {@link DemoCase}: {@code name()} (lower case with dashes, the file stem),
 * {@code description()} (one sentence: what the figure shows, which paper) and {@code run(quick, dir, progress)},
 * which computes theory and simulation with the defaults of the corresponding node or command, writes
 * {@code dir/NAME.csv}, scores the simulated points with a {@link Discrepancy.Accumulator} and returns the size
 * text, the discrepancy and the figure (built by the same function as the command's {@code --plot} and the node's
 * image port, for example {@link LinearRidgeFigure} or {@code SpectrumFigures}: one place per figure). For a {@code DynamicsModel}, extend {@link DynamicsDemo} instead: it needs only the
 * option overrides, trials, scored curves and the figure ({@link GmmOverfittingDemo} is a complete example); for an
 * eigenvalue law, extend {@link SpectrumDemo}: it needs the law, the trials and the figure's title
 * ({@link MarchenkoPasturDemo}).</li>
 * <li>Say in its Javadoc what is scored and why the rest is not, and the max z measured at the full size against
 * the tolerance: finite-size corrections must stay well below one standard error at the chosen trials.</li>
 * <li>Add one instance to {@link #CASES}, at its place in the table, and, once its PNG is in {@code docs/gallery},
 * a line to the README gallery.</li>
 * </ol>
 * Budgets on 2 cores: a few seconds per case with {@code --quick}, at most a minute in the full run.
 */
public final class DemoCommand implements Command {

    /** The cases, in the order of the summary table. */
    static final List<DemoCase> CASES = List.of(
        new GmmOverfittingDemo(),
        new RidgeEarlyStoppingDemo(),
        new OneStepSpikeDemo(),
        new DeepLinearDemo(),
        new DeepLinearFiniteDataDemo(),
        new MarchenkoPasturDemo(),
        new NonlinearGramSpectrumDemo(),
        new LinearRidgeDemo(),
        new DoubleDescentDemo(),
        new RandomFeatureNonMonotoneDemo());

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the showcase cases (CSV and PNG per case), print theory-vs-simulation discrepancies, exit 1 if one "
            + "fails";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.of("out", "demo-out", "output folder for NAME.csv and NAME.png of every case"),
            Option.flag("quick", "coarser grids and fewer trials, same sizes: under a minute on 2 cores"),
            Option.of("cases", null, "comma-separated case names to run (default: all; see --list)"),
            Option.of("gallery", null, "also write every figure at " + DemoRunner.GALLERY_WIDTH + "x"
                + DemoRunner.GALLERY_HEIGHT + " into this folder (full run only; docs/gallery for the README)"),
            Option.flag("list", "list the cases with what each shows, and stop"));
    }

    @Override
    public int run(final Args a, final PrintStream out) throws Exception {
        if (a.flag("list")) {
            for (DemoCase c : CASES) {
                out.printf("%-28s %s%n", c.name(), c.description());
            }
            return 0;
        }
        final List<DemoCase> cases = a.has("cases") ? select(a.string("cases")) : CASES;
        final Path gallery = a.has("gallery") ? Path.of(a.string("gallery")) : null;
        return new DemoRunner(cases, a.flag("quick"), Path.of(a.string("out")), gallery).run(out);
    }

    private static List<DemoCase> select(final String names) {
        final List<DemoCase> out = new ArrayList<>();
        for (String n : names.split(",")) {
            out.add(find(n.trim()));
        }
        return out;
    }

    /** The case called {@code name}, for example {@code gmm-overfitting}. */
    public static DemoCase find(final String name) {
        final List<String> names = new ArrayList<>();
        for (DemoCase c : CASES) {
            if (c.name().equals(name)) {
                return c;
            }
            names.add(c.name());
        }
        throw new IllegalArgumentException("Unknown demo case '" + name + "'. Choose from: " + String.join(", ", names)
            + ".");
    }
}
