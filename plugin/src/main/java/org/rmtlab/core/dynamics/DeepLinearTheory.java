package org.rmtlab.core.dynamics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
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
 * where R(t) is the kernel of the (finite-rank per unit time) update of Q. R is symmetric, so only its upper
 * triangle is integrated. The system is integrated on the quadrature {@link MarchenkoPasturQuadrature#angular} of mu
 * (spectrally accurate because the integrands are smooth on the bulk) by {@link DormandPrince}.
 * Test loss = &lt;e, e&gt; (noise-free target). The top eigenvalue of Q is that of lambda + gamma0^2 R acting
 * on the same function space (its outliers are exactly those of the discretised secular equation); when it
 * does not exceed the bulk edge sigma_W^2 (1 + sqrt(alpha))^2 the edge is reported and the overlap with w* is 0.
 * {@link TopEigen#above} decides that case with a Cholesky factorisation and finds the outlier and its
 * eigenvector by Lanczos iteration (a full eigensolver per output time would dominate the cost).
 *
 * <h2>Limits</h2>
 * alpha -&gt; 0 gives Q = sigma_W^2 I + q w* w*^T / D and beta = b w*, which closes on the scalar ODE
 * b' = sqrt(A^2 + 4 gamma0^2 b^2) (1 - b), A = sigma_a^2 + sigma_W^2 (because u = 2m + sigma_W^2 - m(0) obeys
 * u u' = 4 gamma0^2 b b'), solved in closed form by {@link #isotropicTime}; gamma0 -&gt; 0 with sigma_a = 0 gives the
 * kernel (random-feature) flow, test loss int exp(-2 t lambda) dmu(lambda).
 *
 * <h2>What is not covered</h2>
 * Finite P (the train/test gap of a finite training set) and depth L &gt;= 3: both are solved by the two-time
 * DMFT of {@link DeepLinearDmft}, which reduces to this theory for L = 2 on the population loss (tested) and
 * which {@link DeepLinearNetwork#theory} uses outside this class's setting. This class stays the evaluator of the
 * population L = 2 case: it is exact up to the ODE tolerance and the quadrature (no time grid), costs O(K^2)
 * per time instead of O(steps^3), and also gives the top eigenvalue and teacher overlap of W^T W / N.
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
        // the law of W^T W / N is mu_alpha scaled by sigma_W^2
        final QuadratureRule q = MarchenkoPasturQuadrature.angular(alpha, nodes);
        this.lambda = q.nodes();
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] *= s2;
        }
        this.weight = q.weights();
        this.k = lambda.length;
    }

    /** Bulk edge sigma_W^2 (1 + sqrt(alpha))^2 of W^T W / N. */
    public double bulkEdge() {
        return edge;
    }

    /**
     * Test loss ({@link DeepLinearNetwork#TEST_RISK}), top eigenvalue ({@link DeepLinearNetwork#TOP_EIG}) and
     * overlap ({@link DeepLinearNetwork#OVERLAP}) at the given times (any order), as curves of model
     * {@link DeepLinearNetwork#ID}.
     */
    public LearningCurves solve(final double[] times, final Progress progress) throws CancelledException {
        final double[] grid = DynamicsModel.checkTimes(times);
        final int dim = 2 * k;
        final int tri = dim * (dim + 1) / 2;
        // state: e (2K) | upper triangle of R, row by row (2K (2K + 1) / 2) | m
        final double[] s = new double[dim + tri + 1];
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
        final double[] we = new double[dim];
        final double[] acc = new double[dim];
        final DormandPrince.Rhs rhs = (t, y, dy) -> {
            final double m = y[y.length - 1];
            double dot = 0;
            for (int i = 0; i < dim; i++) {
                be[i] = (i < k ? 1 : 0) - y[i];
                we[i] = w2[i] * y[i];
                dot += we[i] * be[i];
            }
            // acc = R (w2 e) from the upper triangle; dR = e (x) beta + beta (x) e on the same triangle
            Arrays.fill(acc, 0);
            int at = dim;
            for (int i = 0; i < dim; i++) {
                final double ei = y[i];
                final double bi = be[i];
                final double wi = we[i];
                double sum = y[at] * wi;
                dy[at] = 2 * ei * bi;
                at++;
                for (int j = i + 1; j < dim; j++, at++) {
                    final double r = y[at];
                    sum += r * we[j];
                    acc[j] += r * wi;
                    dy[at] = ei * be[j] + bi * y[j];
                }
                acc[i] += sum;
            }
            for (int i = 0; i < dim; i++) {
                dy[i] = -(m + lambda[i % k]) * y[i] - g2 * acc[i];
            }
            dy[y.length - 1] = 2 * g2 * dot;
        };
        final DormandPrince ode = new DormandPrince(s.length, RTOL, ATOL);
        final int n = grid.length;
        final double[] test = new double[n];
        final double[] eig = new double[n];
        final double[] ov = new double[n];
        final int[] order = SimulationSupport.ascending(grid);
        double t = 0;
        for (int j = 0; j < n; j++) {
            final int at = order[j];
            ode.integrate(rhs, t, s, grid[at], progress);
            t = grid[at];
            double loss = 0;
            for (int i = 0; i < dim; i++) {
                loss += w2[i] * s[i] * s[i];
            }
            test[at] = loss;
            final double[] top = topEigen(s, w2);
            eig[at] = top[0];
            ov[at] = top[1];
            progress.report((j + 1) / (double) n, String.format(Locale.ROOT, "theory, t = %g", t));
        }
        return new LearningCurves(DeepLinearNetwork.ID, DeepLinearNetwork.TIME, grid, List.of(
            Curve.theory(DeepLinearNetwork.TEST_RISK, test), Curve.theory(DeepLinearNetwork.TOP_EIG, eig),
            Curve.theory(DeepLinearNetwork.OVERLAP, ov)));
    }

    /**
     * Top eigenvalue of A = lambda + gamma0^2 R (symmetrised with the quadrature weights) and the squared
     * cosine of its eigenvector with w*; {edge, 0} when no eigenvalue exceeds the bulk edge.
     */
    private double[] topEigen(final double[] s, final double[] w2) {
        final int dim = 2 * k;
        final DMatrixRMaj a = new DMatrixRMaj(dim, dim);
        final double g2 = gamma0 * gamma0;
        int at = dim;
        for (int i = 0; i < dim; i++) {
            final double si = Math.sqrt(w2[i]);
            for (int j = i; j < dim; j++, at++) {
                final double v = g2 * si * s[at] * Math.sqrt(w2[j]);
                a.data[i * dim + j] = v;
                a.data[j * dim + i] = v;
            }
            a.data[i * dim + i] += lambda[i % k];
        }
        // Lanczos starts from the teacher direction (plus a little of every direction), where the outlier points
        final double[] start = new double[dim];
        for (int i = 0; i < dim; i++) {
            start[i] = (i < k ? Math.sqrt(weight[i]) : 0) + 1e-3 / Math.sqrt(dim);
        }
        final TopEigen top = TopEigen.above(a, edge, start);
        if (top == null) {
            return new double[] {edge, 0};
        }
        final double[] v = top.vector();
        double proj = 0;
        double mass = 0;
        for (int i = 0; i < k; i++) {
            proj += Math.sqrt(weight[i]) * v[i];
            mass += weight[i];
        }
        return new double[] {top.l1(), proj * proj / mass};
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
