package org.rmtlab.core.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Entry point of the {@code rmtlab} launcher. Every command is registered in {@link #COMMANDS};
 * errors in the user's input become one line on standard error and exit code 2, never a stack trace.
 */
public final class Main {

    /** All commands, in the order of the help text. */
    static final List<Command> COMMANDS = List.of(
        new GenerateCommand(),
        new MpCommand(),
        new SpectrumCommand(),
        new DoubleDescentCommand(),
        new RidgeRiskCommand(),
        new DynamicsCommand(),
        new DemoCommand());

    private Main() {
    }

    public static void main(final String[] argv) {
        Locale.setDefault(Locale.ROOT);
        System.exit(run(argv, System.out, System.err));
    }

    /** Runs one command line; returns the exit code (0 ok, 1 failure, 2 bad input). */
    public static int run(final String[] argv, final PrintStream out, final PrintStream err) {
        if (argv.length == 0 || isHelp(argv[0])) {
            printUsage(out);
            return argv.length == 0 ? 2 : 0;
        }
        final Command cmd = find(argv[0]);
        if (cmd == null) {
            err.println("rmtlab: unknown command '" + argv[0] + "'. Run ./rmtlab --help for the list.");
            return 2;
        }
        final String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        if (rest.length > 0 && isHelp(rest[0])) {
            printHelp(cmd, out);
            return 0;
        }
        try {
            return cmd.run(Args.parse(cmd.options(), rest), out);
        } catch (IllegalArgumentException e) {
            err.println("rmtlab " + cmd.name() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("rmtlab " + cmd.name() + ": failed: " + e);
            return 1;
        }
    }

    private static boolean isHelp(final String s) {
        return "--help".equals(s) || "-h".equals(s) || "help".equals(s);
    }

    private static Command find(final String name) {
        for (Command c : COMMANDS) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    static void printUsage(final PrintStream out) {
        out.println("rmtlab - random-matrix theory for machine learning, theory beside simulation");
        out.println();
        out.println("Usage: ./rmtlab COMMAND [--option value ...]     ./rmtlab COMMAND --help");
        out.println();
        out.println("Commands:");
        for (Command c : COMMANDS) {
            out.printf("  %-16s %s%n", c.name(), c.summary());
        }
    }

    static void printHelp(final Command cmd, final PrintStream out) {
        out.println("Usage: ./rmtlab " + cmd.name() + " [options]");
        out.println(cmd.summary());
        out.println();
        out.println("Options:");
        final List<Option> opts = new ArrayList<>(cmd.options());
        for (Option o : opts) {
            final String lhs = o.flag() ? "--" + o.name() : "--" + o.name() + " VALUE";
            final String def = o.flag() ? "" : o.defaultValue() == null ? "" : " (default: " + o.defaultValue() + ")";
            out.printf("  %-22s %s%s%n", lhs, o.description(), def);
        }
    }
}
