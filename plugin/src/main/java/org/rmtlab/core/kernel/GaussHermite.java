package org.rmtlab.core.kernel;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rmtlab.core.util.Check;

/**
 * Gauss–Hermite rule for the standard normal weight: E[f(xi)] ~ sum_i w_i f(x_i), xi ~ N(0, 1), exact
 * for polynomials of degree up to 2q - 1 (the "probabilists'" rule; the weights sum to 1).
 *
 * <p>Besides nodes and weights the rule keeps the orthogonal matrix u_ik = sqrt(w_i) p_k(x_i),
 * 0 &lt;= i, k &lt; q, where p_k = He_k / sqrt(k!) are the orthonormal Hermite polynomials. It turns the
 * values f(x_i) into the discrete Hermite coefficients h_k = sum_i w_i f(x_i) p_k(x_i) with one
 * matrix-vector product, and its orthogonality gives the discrete Parseval identity
 * sum_k h_k^2 = sum_i w_i f(x_i)^2, used to measure the neglected tail of an expansion.
 *
 * <p>Computation (Golub and Welsch 1969): the nodes are the eigenvalues of the Jacobi matrix of the
 * three-term recurrence p_{k+1} = (x p_k - sqrt(k) p_{k-1}) / sqrt(k+1), refined by Newton steps on
 * p_q; then each row p_0(x_i), ..., p_{q-1}(x_i) is run through the recurrence with rescaling (its
 * entries reach 1e220 at the outer nodes of large rules) and normalised to unit length, which gives
 * u_ik and w_i = u_i0^2 with full relative accuracy even for the tiny outer weights. Rules are immutable
 * and cached by size.
 */
public final class GaussHermite {
    /** Largest rule we build: beyond it the outer weights underflow and the O(q^3) set-up stops being cheap. */
    public static final int MAX_NODES = 1024;
    private static final Map<Integer, GaussHermite> CACHE = new ConcurrentHashMap<>();
    private static final double BIG = 1e100;

    private final double[] nodes;
    private final double[] weights;
    private final double[] sqrtWeights;
    /** Row-major q x q: u[i * q + k] = sqrt(w_i) p_k(x_i). */
    private final double[] basis;

    private GaussHermite(final int q) {
        nodes = refinedNodes(q);
        basis = new double[q * q];
        weights = new double[q];
        sqrtWeights = new double[q];
        final double[] row = new double[q];
        for (int i = 0; i < q; i++) {
            orthonormalRow(nodes[i], row);
            System.arraycopy(row, 0, basis, i * q, q);
            sqrtWeights[i] = Math.abs(row[0]);
            weights[i] = row[0] * row[0];
        }
    }

    /** The q-point rule, built once and cached. */
    public static GaussHermite of(final int q) {
        Check.that(q >= 1 && q <= MAX_NODES, "Gauss–Hermite rules have 1 to " + MAX_NODES + " nodes, not " + q + ".");
        return CACHE.computeIfAbsent(q, GaussHermite::new);
    }

    public int size() {
        return nodes.length;
    }

    public double node(final int i) {
        return nodes[i];
    }

    public double weight(final int i) {
        return weights[i];
    }

    /** sqrt(w_i), kept separately because w_i underflows before sqrt(w_i) does. */
    double sqrtWeight(final int i) {
        return sqrtWeights[i];
    }

    /** u_ik = sqrt(w_i) p_k(x_i), row-major q x q; shared, do not modify. */
    double[] basis() {
        return basis;
    }

    /** sum_i w_i f(x_i), an approximation of E[f(xi)] for xi ~ N(0, 1). */
    public double expectation(final DoubleUnaryOperator f) {
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            if (weights[i] > 0) {
                sum += weights[i] * f.applyAsDouble(nodes[i]);
            }
        }
        return sum;
    }

    /** Nodes in increasing order, exactly symmetric about 0. */
    private static double[] refinedNodes(final int q) {
        final double[] x = new double[q];
        if (q > 1) {
            final DMatrixRMaj jacobi = new DMatrixRMaj(q, q);
            for (int k = 0; k + 1 < q; k++) {
                final double off = Math.sqrt(k + 1.0);
                jacobi.set(k, k + 1, off);
                jacobi.set(k + 1, k, off);
            }
            final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(q, false, true);
            if (!eig.decompose(jacobi)) {
                throw new IllegalStateException("Eigenvalues of the " + q + "-point Hermite Jacobi matrix did not converge");
            }
            for (int i = 0; i < q; i++) {
                x[i] = eig.getEigenvalue(i).getReal();
            }
            Arrays.sort(x);
            for (int i = 0; i < q; i++) {
                x[i] = newton(x[i], q);
            }
            for (int i = 0; i < q / 2; i++) {
                final double m = 0.5 * (x[q - 1 - i] - x[i]);
                x[i] = -m;
                x[q - 1 - i] = m;
            }
            if (q % 2 == 1) {
                x[q / 2] = 0;
            }
        }
        return x;
    }

    /** Newton steps on p_q, using p_q' = sqrt(q) p_{q-1}; the ratio does not depend on the scaling. */
    private static double newton(final double x0, final int q) {
        double x = x0;
        for (int it = 0; it < 3; it++) {
            double prev = 0;
            double cur = 1;
            for (int k = 0; k < q; k++) {
                final double next = (x * cur - Math.sqrt(k) * prev) / Math.sqrt(k + 1.0);
                prev = cur;
                cur = next;
                if (Math.abs(cur) > BIG) {
                    prev /= BIG;
                    cur /= BIG;
                }
            }
            final double step = cur / (Math.sqrt(q) * prev);
            if (!Double.isFinite(step)) {
                break;
            }
            x -= step;
            if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) {
                break;
            }
        }
        return x;
    }

    /** row[k] = p_k(x) / sqrt(sum_m p_m(x)^2), k &lt; row.length. */
    private static void orthonormalRow(final double x, final double[] row) {
        final int q = row.length;
        row[0] = 1;
        for (int k = 0; k + 1 < q; k++) {
            final double prev = k == 0 ? 0 : row[k - 1];
            row[k + 1] = (x * row[k] - Math.sqrt(k) * prev) / Math.sqrt(k + 1.0);
            if (Math.abs(row[k + 1]) > BIG) {
                for (int m = 0; m <= k + 1; m++) {
                    row[m] /= BIG;
                }
            }
        }
        double norm = 0;
        for (double v : row) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < q; k++) {
            row[k] /= norm;
        }
    }
}
