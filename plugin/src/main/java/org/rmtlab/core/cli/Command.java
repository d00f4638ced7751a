package org.rmtlab.core.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code rmtlab}. Implementations are thin: parse options, call the core, write CSV. */
public interface Command {

    /** The word typed after {@code rmtlab}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** Every option with its default, shown by {@code --help}. */
    List<Option> options();

    /**
     * @param args parsed options (defaults filled in)
     * @param out standard output, for CSV when no {@code --out} is given
     * @return process exit code
     */
    int run(Args args, PrintStream out) throws Exception;
}
