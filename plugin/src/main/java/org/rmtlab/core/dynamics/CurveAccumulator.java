package org.rmtlab.core.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rmtlab.core.util.Check;

/**
 * Collects one curve per trial and per name and turns them into mean and standard-error curves
 * ({@link Curve#simulated}). Uses Welford's update, so that many trials of nearly equal values lose no
 * precision. Not thread-safe: add trials from one thread, in trial order, so that results are reproducible.
 */
public final class CurveAccumulator {
    private final int times;
    private final Map<String, Moments> byName = new LinkedHashMap<>();

    /** @param times the length of every curve */
    public CurveAccumulator(final int times) {
        this.times = Check.positive("number of times", times);
    }

    /** Adds one trial's values of curve {@code name}; curves come out in the order of their first add. */
    public void add(final String name, final double[] values) {
        Check.that(values.length == times, "Curve " + name + " has " + values.length + " values, expected " + times + ".");
        byName.computeIfAbsent(name, k -> new Moments(times)).add(values);
    }

    /** Trials added so far for {@code name} (0 if none). */
    public int trials(final String name) {
        final Moments m = byName.get(name);
        return m == null ? 0 : m.count;
    }

    /** Mean and standard error (sample standard deviation / sqrt(trials); NaN for one trial) per name. */
    public List<Curve> curves() {
        final List<Curve> out = new ArrayList<>(byName.size());
        for (Map.Entry<String, Moments> e : byName.entrySet()) {
            out.add(e.getValue().curve(e.getKey()));
        }
        return out;
    }

    private static final class Moments {
        private final double[] mean;
        private final double[] m2;
        private int count;

        Moments(final int times) {
            mean = new double[times];
            m2 = new double[times];
        }

        void add(final double[] v) {
            count++;
            for (int i = 0; i < v.length; i++) {
                final double d = v[i] - mean[i];
                mean[i] += d / count;
                m2[i] += d * (v[i] - mean[i]);
            }
        }

        Curve curve(final String name) {
            final double[] se = new double[mean.length];
            for (int i = 0; i < se.length; i++) {
                se[i] = count < 2 ? Double.NaN : Math.sqrt(m2[i] / (count - 1) / count);
            }
            return Curve.simulated(name, mean, se);
        }
    }
}
