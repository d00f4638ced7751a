package org.rmtlab.core.dynamics;

import java.util.Arrays;

import org.rmtlab.core.util.Check;

/**
 * One quantity over a time grid: a theory curve (no error bars) or a simulated one (mean over trials and
 * its standard error, the sample standard deviation divided by sqrt(trials)).
 *
 * <p>Names are lower-case with underscores. Names used by several models, so that the nodes and the CLI can
 * treat them alike: {@code test_error} and {@code train_error} (misclassification rates),
 * {@code test_risk} (excess test risk E||w - beta*||^2 or the model's test mean-squared error, see the
 * model), {@code train_loss} (training mean-squared error (1/n)||y - X^T w||^2).
 *
 * @param name the quantity, for example {@code test_error}
 * @param values theory values or simulated means, one per time
 * @param stderr standard errors of the simulated means (NaN where undefined), {@code null} for theory
 */
public record Curve(String name, double[] values, double[] stderr) {

    public Curve {
        Check.that(name != null && !name.isBlank(), "A curve needs a name.");
        Check.that(values != null, "Curve " + name + " has no values.");
        Check.that(stderr == null || stderr.length == values.length,
            "Curve " + name + " has " + values.length + " values but " + (stderr == null ? 0 : stderr.length)
                + " standard errors.");
        values = values.clone();
        stderr = stderr == null ? null : stderr.clone();
    }

    /** A theory curve. */
    public static Curve theory(final String name, final double[] values) {
        return new Curve(name, values, null);
    }

    /** A simulated curve: means over trials and their standard errors. */
    public static Curve simulated(final String name, final double[] mean, final double[] stderr) {
        Check.that(stderr != null, "A simulated curve needs standard errors.");
        return new Curve(name, mean, stderr);
    }

    public boolean isSimulated() {
        return stderr != null;
    }

    public int size() {
        return values.length;
    }

    public double value(final int i) {
        return values[i];
    }

    /** Standard error at time index i; NaN for a theory curve. */
    public double stderr(final int i) {
        return stderr == null ? Double.NaN : stderr[i];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] stderr() {
        return stderr == null ? null : stderr.clone();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Curve c && name.equals(c.name) && Arrays.equals(values, c.values)
            && Arrays.equals(stderr, c.stderr);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(values)) + Arrays.hashCode(stderr);
    }

    @Override
    public String toString() {
        return "Curve[" + name + ", " + values.length + " points" + (stderr == null ? ", theory]" : ", simulated]");
    }
}
