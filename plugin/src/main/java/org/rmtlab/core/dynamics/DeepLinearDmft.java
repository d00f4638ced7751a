package org.rmtlab.core.dynamics;

import java.util.Arrays;

import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;

/**
 * DMFT placeholder; see the class comment written with the validated solver.
 */
public final class DeepLinearDmft {
    /** Value of {@code dataRatio} for the population loss (infinite data). */
    public static final double POPULATION = Double.POSITIVE_INFINITY;

    private final int depth;
    private final double alpha;
    private final double dataRatio;
    private final double gamma0;
    private final double readoutInit;
    private final double hiddenInit;
    private final double noise;

    /**
     * @param depth L &gt;= 2
     * @param alpha D / N &gt; 0
     * @param dataRatio P / D &gt; 0, or {@link #POPULATION}
     * @param gamma0 feature-learning scale &gt; 0
     * @param readoutInit sigma_a &gt;= 0
     * @param hiddenInit sigma_W &gt; 0
     * @param noise label noise standard deviation &gt;= 0
     */
    public DeepLinearDmft(final int depth, final double alpha, final double dataRatio, final double gamma0,
        final double readoutInit, final double hiddenInit, final double noise) {
        Check.that(depth >= 2 && depth <= 16, "The depth L must be in [2, 16], but is " + depth + ".");
        Check.positive("alpha (D / N)", alpha);
        Check.that(dataRatio > 0 && !Double.isNaN(dataRatio),
            "P / D must be positive (infinity for the population loss), but is " + dataRatio + ".");
        Check.positive("gamma0", gamma0);
        Check.nonNegative("sigma_a", readoutInit);
        Check.positive("sigma_W", hiddenInit);
        Check.nonNegative("noise", noise);
        this.depth = depth;
        this.alpha = alpha;
        this.dataRatio = dataRatio;
        this.gamma0 = gamma0;
        this.readoutInit = readoutInit;
        this.hiddenInit = hiddenInit;
        this.noise = noise;
    }

    /** The theory of a network configuration (N, D, P enter through D / N and P / D only). */
    public static DeepLinearDmft of(final DeepLinearNetwork.Config c) {
        return new DeepLinearDmft(c.depth(), c.aspect(), c.samples() == DeepLinearNetwork.POPULATION ? POPULATION
            : c.samples() / (double) c.inputDim(), c.gamma0(), c.readoutInit(), c.hiddenInit(), c.noise());
    }

    public boolean population() {
        return dataRatio == POPULATION;
    }

    /** [train, test] on the Euler grid t_n = n tMax / steps. */
    public double[][] solveEuler(final double tMax, final int steps, final Progress progress) throws CancelledException {
        Check.positive("DMFT time horizon", tMax);
        Check.that(steps >= 4, "The DMFT grid needs at least 4 steps, but has " + steps + ".");
        return new Solver(steps + 1, tMax / steps).run(progress);
    }

    /** Gaussian sources of one kind of site: attributes (constant in time) and noise processes. */
    private static final class Site {
        final double[] attrVar;
        final double[][][] cov;
        final double[] covScale;

        Site(final double[] attrVar, final double[][][] cov, final double[] covScale) {
            this.attrVar = attrVar;
            this.cov = cov;
            this.covScale = covScale;
        }
    }

    /**
     * A single-site variable as a linear function of its site's sources: x(n) = sum_q attr[q][n] A_q +
     * sum_k sum_{s <= n} m[k][n][s] xi_k(s). m[k] is the response of x to a field added where xi_k enters.
     */
    private static final class Field {
        final Site site;
        final double[][] attr;
        final double[][][] m;

        Field(final Site site, final int n) {
            this.site = site;
            this.attr = new double[site.attrVar.length][n];
            this.m = new double[site.cov.length][n][];
        }

        void start(final int n) {
            for (double[][] mk : m) {
                mk[n] = new double[n + 1];
            }
        }

        void addNoise(final int n, final int k, final double c) {
            m[k][n][n] += c;
        }

        void addAttr(final int n, final int q, final double c) {
            attr[q][n] += c;
        }

        /** x(n) += sum_{s <= sMax} kern[s] y(s). */
        void addPast(final int n, final double[] kern, final int sMax, final Field y) {
            for (int s = 0; s <= sMax; s++) {
                final double w = kern[s];
                if (w == 0) {
                    continue;
                }
                for (int q = 0; q < attr.length; q++) {
                    attr[q][n] += w * y.attr[q][s];
                }
                for (int k = 0; k < m.length; k++) {
                    final double[] out = m[k][n];
                    final double[] in = y.m[k][s];
                    for (int j = 0; j <= s; j++) {
                        out[j] += w * in[j];
                    }
                }
            }
        }

        /** x(n) += c y(s). */
        void addAt(final int n, final double c, final Field y, final int s) {
            for (int q = 0; q < attr.length; q++) {
                attr[q][n] += c * y.attr[q][s];
            }
            for (int k = 0; k < m.length; k++) {
                final double[] out = m[k][n];
                final double[] in = y.m[k][s];
                for (int j = 0; j <= s; j++) {
                    out[j] += c * in[j];
                }
            }
        }

        /** Row n of the correlation x(n) . x(n') / size, n' <= n, into the symmetric matrix c. */
        void correlate(final int n, final double[][] c, final double[] work) {
            for (int np = 0; np <= n; np++) {
                double v = 0;
                for (int q = 0; q < attr.length; q++) {
                    v += site.attrVar[q] * attr[q][n] * attr[q][np];
                }
                c[n][np] = v;
            }
            for (int k = 0; k < m.length; k++) {
                final double[] row = m[k][n];
                final double[][] cov = site.cov[k];
                Arrays.fill(work, 0, n + 1, 0);
                for (int s = 0; s <= n; s++) {
                    final double w = row[s];
                    if (w == 0) {
                        continue;
                    }
                    final double[] cs = cov[s];
                    for (int j = 0; j <= n; j++) {
                        work[j] += w * cs[j];
                    }
                }
                final double scale = site.covScale[k];
                for (int np = 0; np <= n; np++) {
                    final double[] other = m[k][np];
                    double v = 0;
                    for (int j = 0; j <= np; j++) {
                        v += work[j] * other[j];
                    }
                    c[n][np] += scale * v;
                }
            }
            for (int np = 0; np < n; np++) {
                c[np][n] = c[n][np];
            }
        }
    }

    private static final int RHO = 0;
    private static final int DATA = 1;
    private static final int U = 0;

    /** One time-marched solution of the Euler-discretised flow. */
    private final class Solver {
        private final int n;
        private final double h;
        private final double s2;
        private final double[][] ce;
        private final double[][] cr;
        private final double[][] cg;
        private final double[][][] cz;
        private final double[][][] ch;
        private final Field e;
        private final Field g;
        private final Field r;
        private final Field[] z;
        private final Field[] hf;
        private final double[] kern;
        private final double[] work;

        Solver(final int n, final double h) {
            this.n = n;
            this.h = h;
            this.s2 = hiddenInit * hiddenInit;
            final boolean data = !population();
            ce = new double[n][n];
            cr = data ? new double[n][n] : null;
            cg = data ? new double[n][n] : ce;
            cz = new double[depth][][];
            ch = new double[depth][][];
            for (int l = 1; l < depth; l++) {
                cz[l] = new double[n][n];
            }
            ch[0] = cg;
            for (int l = 1; l < depth - 1; l++) {
                ch[l] = new double[n][n];
            }
            final Site s0 = data
                ? new Site(new double[] {1}, new double[][][] {cz[1], cr}, new double[] {s2, 1})
                : new Site(new double[] {1}, new double[][][] {cz[1]}, new double[] {s2});
            e = new Field(s0, n);
            g = data ? new Field(s0, n) : e;
            r = data ? new Field(new Site(new double[] {noise * noise}, new double[][][] {ce}, new double[] {1}), n)
                : null;
            z = new Field[depth];
            hf = new Field[depth];
            hf[0] = g;
            for (int l = 1; l < depth; l++) {
                final boolean top = l == depth - 1;
                final Site site = new Site(top ? new double[] {readoutInit * readoutInit} : new double[0],
                    top ? new double[][][] {ch[l - 1]} : new double[][][] {ch[l - 1], cz[l + 1]},
                    top ? new double[] {s2} : new double[] {s2, s2});
                z[l] = new Field(site, n);
                hf[l] = new Field(site, n);
            }
            kern = new double[n];
            work = new double[n];
        }

        double[][] run(final Progress progress) throws CancelledException {
            final double[] train = new double[n];
            final double[] test = new double[n];
            final double hg = h * gamma0;
            final double ratio = population() ? 0 : Math.sqrt(1 / dataRatio);
            for (int t = 0; t < n; t++) {
                if (t % 16 == 0) {
                    progress.checkCancelled();
                    progress.report(Math.pow(t / (double) n, 3), "DMFT step " + t + " of " + (n - 1));
                }
                // backward pass: readout, then z_{l-1} = W_l^T z_l / sqrt(N) down to the input layer
                final Field a = z[depth - 1];
                a.start(t);
                if (t == 0) {
                    a.addAttr(0, 0, 1);
                } else {
                    a.addAt(t, 1, a, t - 1);
                    a.addAt(t, hg, hf[depth - 1], t - 1);
                }
                a.correlate(t, cz[depth - 1], work);
                for (int l = depth - 1; l >= 1; l--) {
                    final double f = l == 1 ? Math.sqrt(1 / alpha) : 1;
                    final double[] resp = z[l].m[U][t];
                    for (int s = 0; s < t; s++) {
                        kern[s] = f * (s2 * resp[s] + hg * cz[l][t][s]);
                    }
                    if (l > 1) {
                        final Field target = z[l - 1];
                        target.start(t);
                        target.addNoise(t, 1, 1);
                        target.addPast(t, kern, t - 1, hf[l - 1]);
                        target.correlate(t, cz[l - 1], work);
                    } else {
                        // e = w* - beta, beta = sqrt(D / N) z_0 / gamma0
                        final double c = -Math.sqrt(alpha) / gamma0;
                        for (int s = 0; s < t; s++) {
                            kern[s] *= c;
                        }
                        e.start(t);
                        e.addAttr(t, 0, 1);
                        e.addNoise(t, RHO, c);
                        e.addPast(t, kern, t - 1, g);
                        e.correlate(t, ce, work);
                    }
                }
                // the error signal g = sqrt(D) X r / P through the data matrix
                if (r != null) {
                    final double[] re = e.m[DATA][t];
                    for (int s = 0; s < t; s++) {
                        kern[s] = ratio * re[s];
                    }
                    r.start(t);
                    r.addNoise(t, 0, 1);
                    r.addAttr(t, 0, 1);
                    r.addPast(t, kern, t - 1, r);
                    r.correlate(t, cr, work);
                    g.start(t);
                    g.addNoise(t, DATA, ratio);
                    g.addPast(t, r.m[0][t], t, e);
                    g.correlate(t, cg, work);
                    train[t] = cr[t][t];
                } else {
                    train[t] = ce[t][t] + noise * noise;
                }
                test[t] = ce[t][t];
                // forward pass: h_l = W_l h_{l-1} / sqrt(n_{l-1})
                for (int l = 1; l < depth; l++) {
                    final double f = l == 1 ? Math.sqrt(alpha) : 1;
                    final double[] resp = hf[l - 1].m[l == 1 ? RHO : 1][t];
                    for (int s = 0; s <= t; s++) {
                        kern[s] = f * s2 * resp[s] + (s < t ? hg * ch[l - 1][t][s] : 0);
                    }
                    final Field target = hf[l];
                    target.start(t);
                    target.addNoise(t, U, 1);
                    target.addPast(t, kern, t, z[l]);
                    if (l < depth - 1) {
                        target.correlate(t, ch[l], work);
                    }
                }
            }
            return new double[][] {train, test};
        }
    }
}
