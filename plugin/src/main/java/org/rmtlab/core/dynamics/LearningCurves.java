package org.rmtlab.core.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rmtlab.core.util.Check;

/**
 * The output of a {@link DynamicsModel}: named curves over one time grid, plus named scalars that do not
 * depend on time (limits as time goes to infinity, early-stopping optima, ...).
 *
 * @param model id of the model that produced it, for example {@code gmm}
 * @param timeName what the time axis is, for example {@code tau} (see {@link DynamicsModel})
 * @param times the time grid actually used (gradient descent snaps times to whole steps)
 * @param curves the curves, each with one value per time; names are unique
 * @param scalars named numbers in insertion order, for example {@code risk_limit}; may be empty
 */
public record LearningCurves(String model, String timeName, double[] times, List<Curve> curves,
    Map<String, Double> scalars) {

    /** The usual time axis name: effective time tau = alpha t. */
    public static final String TAU = "tau";

    public LearningCurves {
        Check.that(model != null && timeName != null, "Learning curves need a model id and a time name.");
        Check.that(times != null && curves != null && scalars != null, "Learning curves need times, curves and scalars.");
        times = times.clone();
        for (Curve c : curves) {
            Check.that(c.size() == times.length,
                "Curve " + c.name() + " has " + c.size() + " values for " + times.length + " times.");
        }
        final List<String> names = new ArrayList<>();
        for (Curve c : curves) {
            Check.that(!names.contains(c.name()), "Two curves are called " + c.name() + ".");
            names.add(c.name());
        }
        curves = List.copyOf(curves);
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
    }

    /** Curves without scalars. */
    public LearningCurves(final String model, final String timeName, final double[] times, final List<Curve> curves) {
        this(model, timeName, times, curves, Map.of());
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    public int size() {
        return times.length;
    }

    public double time(final int i) {
        return times[i];
    }

    /** Curve names in order. */
    public List<String> names() {
        final List<String> out = new ArrayList<>(curves.size());
        for (Curve c : curves) {
            out.add(c.name());
        }
        return out;
    }

    public boolean has(final String name) {
        return names().contains(name);
    }

    /** @throws IllegalArgumentException naming the available curves when there is no such curve */
    public Curve curve(final String name) {
        for (Curve c : curves) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("No curve '" + name + "' in the " + model + " results; there are " + names() + ".");
    }

    /** @throws IllegalArgumentException naming the available scalars when there is no such scalar */
    public double scalar(final String name) {
        final Double v = scalars.get(name);
        Check.that(v != null, "No scalar '" + name + "' in the " + model + " results; there are " + scalars.keySet() + ".");
        return v;
    }

    /**
     * Why theory values are missing, for a warning: null when every theory curve has a value at every time (NaN
     * marks a value the theory could not compute).
     */
    public String missingTheory() {
        int missing = 0;
        for (int i = 0; i < times.length; i++) {
            for (Curve c : curves) {
                if (!c.isSimulated() && Double.isNaN(c.value(i))) {
                    missing++;
                    break;
                }
            }
        }
        if (missing == 0) {
            return null;
        }
        return "The theory has no value at " + missing + " of the " + times.length + " times: its numerical solver "
            + "did not reach a stable, accurate solution over this time range (a time-stepping theory such as the "
            + "deep-linear DMFT has a finite grid, too coarse for long ranges or fast learning). Shorten the time "
            + "range to see the theory.";
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof LearningCurves l && model.equals(l.model) && timeName.equals(l.timeName)
            && Arrays.equals(times, l.times) && curves.equals(l.curves) && scalars.equals(l.scalars);
    }

    @Override
    public int hashCode() {
        return ((model.hashCode() * 31 + Arrays.hashCode(times)) * 31 + curves.hashCode()) * 31 + scalars.hashCode();
    }

    @Override
    public String toString() {
        return "LearningCurves[" + model + ", " + times.length + " times, " + names() + ", " + scalars + "]";
    }
}
