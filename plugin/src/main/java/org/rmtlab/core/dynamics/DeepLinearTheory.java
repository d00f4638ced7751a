package org.rmtlab.core.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;

/**
 * Reduced theory of the two-layer (L = 2) deep linear network of {@link DeepLinearNetwork} trained on the
 * population loss (infinite data, white inputs), in the proportional limit N, D -&gt; infinity with
 * alpha = D / N fixed, at any gamma0, sigma_a, sigma_W.
 *
 * <h2>Derivation</h2>
 * With beta = sqrt(D) W^T a / (gamma0 N), e = w* - beta, Q = W^T W / N and m = ||a||^2 / N, the population
 * gradient flow of {@link DeepLinearNetwork} closes exactly on (beta, Q, m):
 * <pre>
 *   d beta / dt = (m I + Q) e,    dQ/dt = (gamma0^2 / D) (e beta^T + beta e^T),    dm/dt = 2 gamma0^2 (beta . e) / D.
 * </pre>
 * Write Q0 = V diag(lambda) V^T, w* = V w~ and beta(0) = c0 V diag(sqrt(lambda)) z~ with c0 = sigma_a sqrt(alpha) / gamma0,
 * where w~ and z~ are independent standard Gaussian vectors (z~ = U^T a(0) / sigma_a from the SVD W(0) = U S V^T).
 * By induction every vector of the flow has coordinates F(lambda_k) w~_k + G(lambda_k) z~_k, and every
 * scalar it needs is an inner product (1/D) x . y, which converges to
 * &lt;(F1, G1), (F2, G2)&gt; = int (F1 F2 + G1 G2) dmu(lambda), mu the Marchenko–Pastur law of Q0
 * (ratio alpha, scale sigma_W^2, atom 1 - 1/alpha at 0 when alpha &gt; 1). The flow becomes, for functions of lambda,
 * <pre>
 *   d e/dt = -(m + lambda) e - gamma0^2 R[e],   dR/dt = e (x) beta + beta (x) e,   dm/dt = 2 gamma0^2 &lt;beta, e&gt;,
 *   R[x] = int R(., l') x(l') dmu(l'),   beta = w* - e,   w* = (1, 0),   e(0) = (1, -c0 sqrt(lambda)),   m(0) = sigma_a^2,
 * </pre>
 * where R(t) is the kernel of the (finite-rank per unit time) update of Q. This is integrated on a quadrature
 * of mu (midpoint rule in the angle of lambda = c + r cos(theta), spectrally accurate because the density
 * times d lambda / d theta is smooth) by {@link DormandPrince}. Test loss = &lt;e, e&gt; (noise-free target).
 * The top eigenvalue of Q is that of lambda + gamma0^2 R acting on the same function space (its outliers
 * are exactly those of the discretised secular equation); when it does not exceed the bulk edge
 * sigma_W^2 (1 + sqrt(alpha))^2 the edge is reported and the overlap with w* is 0.
 *
 * <h2>Limits</h2>
 * alpha -&gt; 0 gives Q = sigma_W^2 I + q w* w*^T / D and beta = b w*, which closes on the scalar ODE
 * b' = sqrt(A^2 + 4 gamma0^2 b^2) (1 - b), A = sigma_a^2 + sigma_W^2 (because u = 2m + sigma_W^2 - m(0) obeys
 * u u' = 4 gamma0^2 b b'), solved in closed form by {@link #isotropicTime}; gamma0 -&gt; 0 with sigma_a = 0 gives the
 * kernel (random-feature) flow, test loss int exp(-2 t lambda) dmu(lambda).
 *
 * <h2>What is not covered</h2>
 * Finite P (the train/test gap of a finite training set) needs the full two-time DMFT of the review of
 * Bordelon and Pehlevan (2026); this class does not implement it: at finite P compare with simulations at
 * P &gt;&gt; D, where the corrections are O(D / P). Depth L &gt;= 3 is not covered either (the N x N hidden
 * layers couple the spike to the random bulk through response functions).
 */
public final class DeepLinearTheory {

    /**
     * Quadrature nodes of the Marchenko–Pastur law. Measured against 200 nodes (gamma0 = 3, t &lt;= 4): loss
     * within 3e-6 relative at alpha = 0.5 and 2 (2e-5 at alpha = 0.1, where the late losses are near the ODE's
     * absolute tolerance), 5e-4 at alpha = 0.9, where the lower edge (1 - sqrt(alpha))^2 nearly touches 0 and
     * more nodes are needed; top eigenvalue within 1e-9 (3e-5 at alpha = 0.9).
     */
    public static final int DEFAULT_NODES = 64;

    private static final double RTOL = 1e-8;
    private static final double ATOL = 1e-11;

    private final double alpha;
    private final double gamma0;
    private final double readoutInit;
    private final double edge;
    private final double[] lambda;
    private final double[] weight;
    private final int k;

    /**
     * Theory columns.
     *
     * @param t output times
     * @param test noise-free test loss ||w* - beta||^2 / D
     * @param topEig top eigenvalue of W^T W / N (the bulk edge when there is no outlier)
     * @param overlap squared cosine between its eigenvector and w*
     */
    public record Curves(double[] t, double[] test, double[] topEig, double[] overlap) {
    }

    /**
     * @param alpha D / N &gt; 0
     * @param gamma0 feature-learning scale &gt;= 0 (0 only with sigma_a = 0: the lazy limit)
     * @param readoutInit sigma_a &gt;= 0
     * @param hiddenInit sigma_W &gt; 0
     * @param nodes quadrature nodes of the continuous part of the Marchenko–Pastur law, at least 8
     */
    public DeepLinearTheory(final double alpha, final double gamma0, final double readoutInit, final double hiddenInit,
        final int nodes) {
        Check.positive("alpha (D / N)", alpha);
        Check.nonNegative("gamma0", gamma0);
        Check.nonNegative("sigma_a", readoutInit);
        Check.positive("sigma_W", hiddenInit);
        Check.that(nodes >= 8 && nodes <= 2000, "The number of quadrature nodes must be in [8, 2000], but is " + nodes + ".");
        Check.that(gamma0 > 0 || readoutInit == 0,
            "gamma0 = 0 (lazy limit) needs sigma_a = 0: the initial output has variance alpha sigma_a^2 sigma_W^2 / gamma0^2.");
        this.alpha = alpha;
        this.gamma0 = gamma0;
        this.readoutInit = readoutInit;
        final double s2 = hiddenInit * hiddenInit;
        this.edge = s2 * (1 + Math.sqrt(alpha)) * (1 + Math.sqrt(alpha));
        final double[][] q = marchenkoPastur(alpha, s2, nodes);
        this.lambda = q[0];
        this.weight = q[1];
        this.k = lambda.length;
    }

    /**
     * Quadrature of the Marchenko–Pastur law of W^T W / N (W in R^{N x D}, entries of variance s2,
     * alpha = D / N): nodes lambda_j = s2 (1 + alpha) + 2 s2 sqrt(alpha) cos(theta_j), theta_j = (j + 1/2) pi / K,
     * weights 2 s2 sin^2(theta_j) / (K lambda_j) (the density sqrt((l+ - l)(l - l-)) / (2 pi s2 alpha l) times
     * d lambda / d theta), plus the atom 1 - 1/alpha at 0 when alpha &gt; 1. Row 0 nodes, row 1 weights.
     */
    static double[][] marchenkoPastur(final double alpha, final double s2, final int nodes) {
        final boolean atom = alpha > 1;
        final int total = nodes + (atom ? 1 : 0);
        final double[] l = new double[total];
        final double[] w = new double[total];
        final double center = s2 * (1 + alpha);
        final double radius = 2 * s2 * Math.sqrt(alpha);
        for (int j = 0; j < nodes; j++) {
            final double theta = (j + 0.5) * Math.PI / nodes;
            final double sin = Math.sin(theta);
            // (1 - cos) form avoids cancellation at alpha = 1, where lambda- = 0
            final double lj = alpha == 1 ? 2 * s2 * (1 + Math.cos(theta)) : center + radius * Math.cos(theta);
            l[j] = lj;
            w[j] = alpha == 1 ? (1 - Math.cos(theta)) / nodes : 2 * s2 * sin * sin / (nodes * lj);
        }
        if (atom) {
            l[nodes] = 0;
            w[nodes] = 1 - 1 / alpha;
        }
        return new double[][] {l, w};
    }

    /** Bulk edge sigma_W^2 (1 + sqrt(alpha))^2 of W^T W / N. */
    public double bulkEdge() {
        return edge;
    }

    /** Test loss, top eigenvalue and overlap at the given non-decreasing times. */
    public Curves solve(final double[] times, final Progress progress) throws CancelledException {
        final int dim = 2 * k;
        // state: e (2K) | R (2K x 2K) | m
        final double[] s = new double[dim + dim * dim + 1];
        final double c0 = readoutInit == 0 ? 0 : readoutInit * Math.sqrt(alpha) / gamma0;
        for (int i = 0; i < k; i++) {
            s[i] = 1;
            s[k + i] = -c0 * Math.sqrt(lambda[i]);
        }
        s[s.length - 1] = readoutInit * readoutInit;
        final double g2 = gamma0 * gamma0;
        final double[] w2 = new double[dim];
        for (int i = 0; i < dim; i++) {
            w2[i] = weight[i % k];
        }
        final double[] be = new double[dim];
        final DormandPrince.Rhs rhs = (t, y, dy) -> {
            final double m = y[y.length - 1];
            double dot = 0;
            for (int i = 0; i < dim; i++) {
                be[i] = (i < k ? 1 : 0) - y[i];
                dot += w2[i] * be[i] * y[i];
            }
            for (int i = 0; i < dim; i++) {
                double acc = 0;
                final int row = dim + i * dim;
                for (int j = 0; j < dim; j++) {
                    acc += y[row + j] * w2[j] * y[j];
                }
                dy[i] = -(m + lambda[i % k]) * y[i] - g2 * acc;
            }
            for (int i = 0; i < dim; i++) {
                final int row = dim + i * dim;
                final double ei = y[i];
                final double bi = be[i];
                for (int j = 0; j < dim; j++) {
                    dy[row + j] = ei * be[j] + bi * y[j];
                }
            }
            dy[y.length - 1] = 2 * g2 * dot;
        };
        final DormandPrince ode = new DormandPrince(s.length, RTOL, ATOL);
        final int n = times.length;
        final double[] test = new double[n];
        final double[] eig = new double[n];
        final double[] ov = new double[n];
        double t = 0;
        for (int j = 0; j < n; j++) {
            ode.integrate(rhs, t, s, times[j], progress);
            t = times[j];
            double loss = 0;
            for (int i = 0; i < dim; i++) {
                loss += w2[i] * s[i] * s[i];
            }
            test[j] = loss;
            final double[] top = topEigen(s, w2);
            eig[j] = top[0];
            ov[j] = top[1];
            progress.report((j + 1) / (double) n, "theory, t = " + t);
        }
        return new Curves(times.clone(), test, eig, ov);
    }

    /** Top eigenvalue of lambda + gamma0^2 R (symmetrised with the quadrature weights) and its overlap with w*. */
    private double[] topEigen(final double[] s, final double[] w2) {
        final int dim = 2 * k;
        final DMatrixRMaj a = new DMatrixRMaj(dim, dim);
        final double g2 = gamma0 * gamma0;
        for (int i = 0; i < dim; i++) {
            final double si = Math.sqrt(w2[i]);
            for (int j = 0; j < dim; j++) {
                a.data[i * dim + j] = g2 * si * s[dim + i * dim + j] * Math.sqrt(w2[j]);
            }
            a.data[i * dim + i] += lambda[i % k];
        }
        final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dim, true, true);
        if (!eig.decompose(a)) {
            throw new IllegalStateException("The symmetric eigendecomposition did not converge.");
        }
        int top = 0;
        for (int i = 1; i < dim; i++) {
            if (eig.getEigenvalue(i).real > eig.getEigenvalue(top).real) {
                top = i;
            }
        }
        final double l1 = eig.getEigenvalue(top).real;
        if (l1 <= edge) {
            return new double[] {edge, 0};
        }
        final double[] v = eig.getEigenVector(top).data;
        double proj = 0;
        double norm = 0;
        double mass = 0;
        for (int i = 0; i < dim; i++) {
            norm += v[i] * v[i];
        }
        for (int i = 0; i < k; i++) {
            proj += Math.sqrt(weight[i]) * v[i];
            mass += weight[i];
        }
        return new double[] {l1, proj * proj / (norm * mass)};
    }

    /**
     * Time at which the alpha -&gt; 0 flow b' = sqrt(A^2 + B^2 b^2) (1 - b), b(0) = 0, reaches b in [0, 1):
     * t(b) = (1/R) ln[(A^2 + B^2 b + R sqrt(A^2 + B^2 b^2)) / ((1 - b)(A^2 + R A))], R = sqrt(A^2 + B^2),
     * with A = sigma_a^2 + sigma_W^2 and B = 2 gamma0 (checked by differentiation).
     */
    public static double isotropicTime(final double b, final double gamma0, final double readoutInit,
        final double hiddenInit) {
        final double a = readoutInit * readoutInit + hiddenInit * hiddenInit;
        final double bb = 2 * gamma0;
        final double r = Math.hypot(a, bb);
        return Math.log((a * a + bb * bb * b + r * Math.sqrt(a * a + bb * bb * b * b)) / ((1 - b) * (a * a + r * a))) / r;
    }

    /**
     * Test loss (1 - b(t))^2 of the alpha -&gt; 0 flow, by bisection on the monotone {@link #isotropicTime}
     * to 1e-15 in b.
     */
    public static double isotropicLoss(final double t, final double gamma0, final double readoutInit,
        final double hiddenInit) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
            final double mid = 0.5 * (lo + hi);
            if (isotropicTime(mid, gamma0, readoutInit, hiddenInit) < t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        final double b = 0.5 * (lo + hi);
        return (1 - b) * (1 - b);
    }
}
