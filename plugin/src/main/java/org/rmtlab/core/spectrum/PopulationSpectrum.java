package org.rmtlab.core.spectrum;

import java.util.Arrays;
import java.util.Locale;

import org.rmtlab.core.util.Check;

/**
 * Eigenvalue distribution H = sum_k w_k delta_{tau_k} of a population covariance Sigma (x = Sigma^{1/2} z,
 * z with iid unit-variance entries): distinct eigenvalues tau_k > 0, ascending, with weights w_k > 0 that sum
 * to 1. Equal eigenvalues given separately are merged. Immutable.
 */
public final class PopulationSpectrum {
    /** Formats accepted by {@link #parse(String)}, for help texts. */
    public static final String FORMATS = "identity | isotropic:VARIANCE | two-point:A:B:WEIGHT_OF_A | power:COUNT:EXPONENT";

    private final double[] eigenvalues;
    private final double[] weights;

    private PopulationSpectrum(final double[] eigenvalues, final double[] weights) {
        this.eigenvalues = eigenvalues;
        this.weights = weights;
    }

    /** Equal weights on the given eigenvalues (for example the p eigenvalues of Sigma). */
    public static PopulationSpectrum of(final double... eigenvalues) {
        Check.that(eigenvalues != null && eigenvalues.length > 0, "The population spectrum needs at least one eigenvalue.");
        final double[] w = new double[eigenvalues.length];
        Arrays.fill(w, 1);
        return weighted(eigenvalues, w);
    }

    /** Eigenvalues with weights (normalised to sum 1). */
    public static PopulationSpectrum weighted(final double[] eigenvalues, final double[] weights) {
        Check.that(eigenvalues != null && weights != null && eigenvalues.length == weights.length && eigenvalues.length > 0,
            "The population spectrum needs as many weights as eigenvalues, and at least one.");
        final Integer[] order = new Integer[eigenvalues.length];
        double total = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            Check.positive("population eigenvalue " + (i + 1), eigenvalues[i]);
            Check.nonNegative("population weight " + (i + 1), weights[i]);
            total += weights[i];
        }
        Check.that(total > 0 && Double.isFinite(total), "The population weights must have a positive finite sum.");
        Arrays.sort(order, (i, j) -> Double.compare(eigenvalues[i], eigenvalues[j]));
        final double[] tau = new double[order.length];
        final double[] w = new double[order.length];
        int k = -1;
        for (Integer i : order) {
            if (weights[i] == 0) {
                continue;
            }
            if (k >= 0 && tau[k] == eigenvalues[i]) {
                w[k] += weights[i] / total;
            } else {
                k++;
                tau[k] = eigenvalues[i];
                w[k] = weights[i] / total;
            }
        }
        return new PopulationSpectrum(Arrays.copyOf(tau, k + 1), Arrays.copyOf(w, k + 1));
    }

    /** Sigma = I. */
    public static PopulationSpectrum identity() {
        return isotropic(1);
    }

    /** Sigma = variance * I. */
    public static PopulationSpectrum isotropic(final double variance) {
        return of(Check.positive("variance", variance));
    }

    /** Eigenvalue a with weight weightOfA, b with the rest. */
    public static PopulationSpectrum twoPoint(final double a, final double b, final double weightOfA) {
        Check.that(weightOfA >= 0 && weightOfA <= 1, "The weight of the first eigenvalue must lie in [0, 1], but is "
            + weightOfA + ".");
        return weighted(new double[] {a, b}, new double[] {weightOfA, 1 - weightOfA});
    }

    /** tau_k proportional to k^(-exponent), k = 1..count, equal weights, rescaled to mean 1. */
    public static PopulationSpectrum powerLaw(final int count, final double exponent) {
        Check.positive("count of power-law eigenvalues", count);
        Check.nonNegative("power-law exponent", exponent);
        final double[] tau = new double[count];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            tau[k] = Math.pow(k + 1, -exponent);
            sum += tau[k];
        }
        for (int k = 0; k < count; k++) {
            tau[k] *= count / sum;
        }
        return of(tau);
    }

    /** Parses one of {@link #FORMATS}, for example {@code two-point:1:4:0.5} or {@code power:100:1}. */
    public static PopulationSpectrum parse(final String text) {
        Check.that(text != null && !text.isBlank(), "The population covariance is missing; use " + FORMATS + ".");
        final String[] part = text.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            switch (part[0]) {
                case "identity":
                    if (part.length == 1) {
                        return identity();
                    }
                    break;
                case "isotropic":
                    if (part.length == 2) {
                        return isotropic(Double.parseDouble(part[1]));
                    }
                    break;
                case "two-point":
                    if (part.length == 4) {
                        return twoPoint(Double.parseDouble(part[1]), Double.parseDouble(part[2]),
                            Double.parseDouble(part[3]));
                    }
                    break;
                case "power":
                    if (part.length == 3) {
                        return powerLaw(Integer.parseInt(part[1]), Double.parseDouble(part[2]));
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted formats
        }
        throw new IllegalArgumentException("Cannot read the population covariance '" + text + "'; use " + FORMATS + ".");
    }

    /**
     * At most {@code count} eigenvalues: the spectrum cut into {@code count} groups of equal weight (in order),
     * each replaced by its weighted mean, so the mean tr(Sigma)/p is kept exactly. Returns this spectrum when
     * it is small enough already.
     */
    public PopulationSpectrum quantized(final int count) {
        Check.positive("count of eigenvalues", count);
        if (eigenvalues.length <= count) {
            return this;
        }
        final double[] sum = new double[count];
        final double[] mass = new double[count];
        int g = 0;
        double at = 0;
        for (int k = 0; k < eigenvalues.length; k++) {
            // eigenvalue k covers the cumulative weights [at, at + w_k); split it over the groups it meets
            double left = weights[k];
            while (left > 0) {
                final double part = g == count - 1 ? left : Math.min(left, (g + 1.0) / count - at);
                if (part <= 0) {
                    g++;
                    continue;
                }
                sum[g] += part * eigenvalues[k];
                mass[g] += part;
                left -= part;
                at += part;
                if (g < count - 1 && at >= (g + 1.0) / count) {
                    g++;
                }
            }
        }
        for (int i = 0; i < count; i++) {
            sum[i] /= mass[i];
        }
        return weighted(sum, mass);
    }

    /** Number of distinct eigenvalues. */
    public int size() {
        return eigenvalues.length;
    }

    /** Distinct eigenvalue k, ascending. */
    public double eigenvalue(final int k) {
        return eigenvalues[k];
    }

    public double weight(final int k) {
        return weights[k];
    }

    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public double[] weights() {
        return weights.clone();
    }

    public double min() {
        return eigenvalues[0];
    }

    public double max() {
        return eigenvalues[eigenvalues.length - 1];
    }

    /** Mean eigenvalue tr(Sigma)/p. */
    public double mean() {
        double s = 0;
        for (int k = 0; k < eigenvalues.length; k++) {
            s += weights[k] * eigenvalues[k];
        }
        return s;
    }

    /**
     * The diagonal of a p x p Sigma with this spectrum: entry i is the H-quantile at level (i + 1/2)/p, so
     * that k equal-weight eigenvalues appear p/k times each when k divides p.
     */
    public double[] diagonal(final int p) {
        Check.positive("p (dimension)", p);
        final double[] d = new double[p];
        int k = 0;
        double cumulative = weights[0];
        for (int i = 0; i < p; i++) {
            final double u = (i + 0.5) / p;
            while (cumulative < u && k < eigenvalues.length - 1) {
                k++;
                cumulative += weights[k];
            }
            d[i] = eigenvalues[k];
        }
        return d;
    }

    @Override
    public String toString() {
        return eigenvalues.length == 1 ? "isotropic(" + eigenvalues[0] + ")"
            : eigenvalues.length + " eigenvalues in [" + min() + ", " + max() + "], mean " + mean();
    }
}
