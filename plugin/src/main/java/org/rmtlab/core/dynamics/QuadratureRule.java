package org.rmtlab.core.dynamics;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import org.rmtlab.core.util.Check;

/**
 * A quadrature rule for a fixed measure nu: {@code integral f dnu ~ sum_k weights[k] f(nodes[k])}. Atoms of
 * the measure are nodes whose weight is the atom's mass. Build the rule once per measure, then integrate
 * many functions (for example one per time of a grid).
 *
 * @param nodes the points, in no particular order
 * @param weights one weight per node, >= 0
 */
public record QuadratureRule(double[] nodes, double[] weights) {

    public QuadratureRule {
        Check.that(nodes.length == weights.length, "A quadrature rule needs one weight per node.");
        nodes = nodes.clone();
        weights = weights.clone();
    }

    /** The rule with no nodes (the zero measure). */
    public static QuadratureRule empty() {
        return new QuadratureRule(new double[0], new double[0]);
    }

    public int size() {
        return nodes.length;
    }

    public double node(final int k) {
        return nodes[k];
    }

    public double weight(final int k) {
        return weights[k];
    }

    @Override
    public double[] nodes() {
        return nodes.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** {@code sum_k weights[k] f(nodes[k])}. */
    public double integrate(final DoubleUnaryOperator f) {
        double s = 0;
        for (int k = 0; k < nodes.length; k++) {
            if (weights[k] != 0) {
                s += weights[k] * f.applyAsDouble(nodes[k]);
            }
        }
        return s;
    }

    /** The total mass, the integral of 1. */
    public double mass() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    /** This rule plus an atom of the given mass at x (the same rule when the mass is 0). */
    public QuadratureRule withAtom(final double x, final double mass) {
        Check.that(mass >= 0 && Double.isFinite(x), "An atom needs a finite location and a mass >= 0.");
        if (mass == 0) {
            return this;
        }
        final double[] n = Arrays.copyOf(nodes, nodes.length + 1);
        final double[] w = Arrays.copyOf(weights, weights.length + 1);
        n[nodes.length] = x;
        w[weights.length] = mass;
        return new QuadratureRule(n, w);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof QuadratureRule q && Arrays.equals(nodes, q.nodes) && Arrays.equals(weights, q.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nodes) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "QuadratureRule[" + nodes.length + " nodes, mass " + mass() + "]";
    }
}
