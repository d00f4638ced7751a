package org.rmtlab.core.spectrum;

import java.util.ArrayList;
import java.util.List;

import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Complex;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.GaussLegendre;

/**
 * Limiting eigenvalue law of a sample covariance with a general population covariance, from the
 * {@link SilversteinEquation} (Silverstein 1995; Bai and Silverstein 2010, Thm 4.3): data X = Sigma^{1/2} Z
 * in R^{p x n}, Z with iid unit-variance entries, c = p/n, population eigenvalue law H. On the
 * {@link SampleMatrix#COVARIANCE} side it is the law of (1/n) X X^T (atom (1 - 1/c)^+ at 0), on the
 * {@link SampleMatrix#GRAM} side that of (1/n) X^T X (atom (1 - c)^+). With H = delta_{sigma^2} it is the
 * {@link MarchenkoPastur} law of variance sigma^2.
 *
 * <p>Density by Stieltjes inversion taken exactly at eta = 0: f(x) = Im m(x + i0) / pi, with
 * Im m~(x + i0) = Im y / |y|^2 for the root y in the upper half plane; covariance side f = f~ / c. CDF by
 * integrating the density over each support interval in the variable theta, x = l + (u - l)(1 - cos theta)/2,
 * which turns the square-root edges (and the 1/sqrt(x) divergence at a hard edge) into smooth integrands;
 * the theta range is split into Gauss–Legendre panels, bisected adaptively until each panel agrees with its
 * two halves to 1e-13 (peaked densities near an almost-hard edge, c close to 1). The roots at the nodes are
 * found by continuation along x and kept, so later evaluations start next to the solution.
 */
public final class SampleCovarianceLaw implements SpectralDistribution {
    private static final GaussLegendre RULE = new GaussLegendre(8);
    /** Initial theta panels over all intervals (at least 2 and at most 16 per interval), before refinement. */
    private static final int INITIAL_PANELS = 128;
    private static final int MAX_DEPTH = 40;
    private static final double PANEL_TOLERANCE = 1e-13;

    private final SilversteinEquation equation;
    private final SampleMatrix side;
    /** Continuous mass factor: 1 on the covariance side, c on the Gram side (f~ = c f). */
    private final double sideFactor;
    private final List<Panel[]> panels;
    private final double[] intervalMass;
    private final double worstResidual;

    /** One theta panel of an interval: its range, the covariance-side mass before it and the roots at its nodes. */
    private record Panel(double from, double to, double massBefore, Complex[] roots) {
    }

    /** Panels and covariance-side masses of all support intervals (independent of the side). */
    private record Table(List<Panel[]> panels, double[] intervalMass, double worstResidual) {
    }

    public SampleCovarianceLaw(final PopulationSpectrum population, final double ratio, final SampleMatrix side) {
        this(new SilversteinEquation(population, ratio), side);
    }

    public SampleCovarianceLaw(final SilversteinEquation equation, final SampleMatrix side) {
        this(equation, side, tabulateUninterrupted(equation));
    }

    private SampleCovarianceLaw(final SilversteinEquation equation, final SampleMatrix side, final Table table) {
        Check.that(side != null, "The sample matrix (covariance or gram) is missing.");
        this.equation = equation;
        this.side = side;
        this.sideFactor = side == SampleMatrix.COVARIANCE ? 1 : equation.ratio();
        this.panels = table.panels();
        this.intervalMass = table.intervalMass();
        this.worstResidual = table.worstResidual();
    }

    /**
     * The law, tabulated with progress reports per support interval and cancellation (many population
     * eigenvalues at small c give many intervals, which takes seconds).
     */
    public static SampleCovarianceLaw of(final SilversteinEquation equation, final SampleMatrix side,
        final Progress progress) throws CancelledException {
        return new SampleCovarianceLaw(equation, side, tabulate(equation, progress));
    }

    private static Table tabulateUninterrupted(final SilversteinEquation equation) {
        try {
            return tabulate(equation, Progress.NONE);
        } catch (CancelledException e) {
            throw new IllegalStateException("Progress.NONE never cancels", e);
        }
    }

    private static Table tabulate(final SilversteinEquation equation, final Progress progress)
        throws CancelledException {
        Check.that(equation != null, "The Silverstein equation is missing.");
        final List<SupportInterval> support = equation.support();
        final List<Panel[]> panels = new ArrayList<>();
        final double[] mass = new double[support.size()];
        double worst = 0;
        final int initial = Math.max(2, Math.min(16, INITIAL_PANELS / support.size()));
        for (int i = 0; i < support.size(); i++) {
            progress.checkCancelled();
            progress.report(i / (double) support.size(), "support interval " + (i + 1) + " of " + support.size());
            final Tabulation t = new Tabulation(equation, support.get(i));
            double m = 0;
            for (int j = 0; j < initial; j++) {
                m = t.refine(Math.PI * j / initial, Math.PI * (j + 1) / initial, m, 0);
            }
            panels.add(t.panels.toArray(new Panel[0]));
            mass[i] = m;
            worst = Math.max(worst, t.worstResidual);
        }
        progress.report(1, "done");
        return new Table(panels, mass, worst);
    }

    public SilversteinEquation equation() {
        return equation;
    }

    public SampleMatrix side() {
        return side;
    }

    /** c = p/n. */
    public double ratio() {
        return equation.ratio();
    }

    /** Mass of the continuous part as integrated (1 - atom up to quadrature error: a diagnostic). */
    public double continuousMass() {
        double s = 0;
        for (double m : intervalMass) {
            s += m;
        }
        return sideFactor * s;
    }

    /** Largest relative residual of the Silverstein equation met while tabulating (a diagnostic). */
    public double worstResidual() {
        return worstResidual;
    }

    @Override
    public double atom() {
        final double c = equation.ratio();
        return side == SampleMatrix.COVARIANCE ? Math.max(0, 1 - 1 / c) : Math.max(0, 1 - c);
    }

    @Override
    public List<SupportInterval> support() {
        return equation.support();
    }

    @Override
    public double density(final double x) {
        Check.finite("x", x);
        if (!equation.insideSupport(x)) {
            return 0;
        }
        return densityOf(equation.solve(Complex.real(x), startNear(x)).y());
    }

    @Override
    public double cdf(final double x) {
        Check.that(!Double.isNaN(x), "x must be a number, not NaN.");
        if (x < 0) {
            return 0;
        }
        double mass = 0;
        final List<SupportInterval> support = equation.support();
        for (int i = 0; i < support.size(); i++) {
            final SupportInterval s = support.get(i);
            if (x >= s.upper()) {
                mass += intervalMass[i];
            } else {
                if (x > s.lower()) {
                    mass += partialMass(i, x);
                }
                break;
            }
        }
        return Math.min(1, atom() + sideFactor * mass);
    }

    @Override
    public Complex stieltjes(final Complex z) {
        Check.that(z != null && z.isFinite(), "The Stieltjes transform needs a finite complex z, not " + z + ".");
        if (z.im() == 0) {
            for (SupportInterval s : equation.support()) {
                Check.that(!s.contains(z.re()), "z = " + z.re() + " lies on the support " + equation.support()
                    + "; evaluate at z + i eta with eta > 0 instead.");
            }
            Check.that(z.re() != 0 || atom() == 0, "z = 0 is the atom of this law (a pole of m).");
        }
        final Complex start = z.im() != 0 && equation.insideSupport(z.re()) && Math.abs(z.im()) < 0.1 * equation.scale()
            ? conjugateIf(startNear(z.re()), z.im() < 0) : null;
        final Complex y = equation.solve(z, start).y();
        return side == SampleMatrix.GRAM ? y.reciprocal().negate() : equation.covarianceStieltjes(y);
    }

    /**
     * Near an edge with root y*, the density is f ~ A sqrt(|x - edge|) with, on the covariance side,
     * A = sqrt(2 / |x''(y*)|) / (pi c y*^2) (from y - y* ~ i sqrt(2 |x - edge| / |x''(y*)|) and
     * Im m~ = Im y / |y|^2); the Gram side has c times that.
     */
    @Override
    public double edgeAmplitude(final boolean upper) {
        final int edge = upper ? 2 * equation.support().size() - 1 : 0;
        final double y = equation.criticalPoint(edge);
        final double c = equation.ratio();
        if (!upper && equation.support().get(0).lower() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        final double a = Math.sqrt(2 / Math.abs(equation.curvature(y))) / (Math.PI * c * y * y);
        return sideFactor * a;
    }

    private double densityOf(final Complex y) {
        return sideFactor * covarianceDensity(equation.ratio(), y);
    }

    /** Covariance-side density from the root y at x + i0: Im m~ / (pi c) = Im y / (pi c |y|^2). */
    private static double covarianceDensity(final double ratio, final Complex y) {
        final double yy = y.re() * y.re() + y.im() * y.im();
        return Math.max(0, y.im()) / (Math.PI * ratio * yy);
    }

    /** Covariance-side mass over [from, to] in theta, from the roots at the nodes. */
    private static double integrate(final double ratio, final SupportInterval s, final double from, final double to,
        final Complex[] ys) {
        double m = 0;
        for (int k = 0; k < ys.length; k++) {
            final double theta = RULE.node(k, from, to);
            m += RULE.weight(k, from, to) * covarianceDensity(ratio, ys[k]) * 0.5 * s.width() * Math.sin(theta);
        }
        return m;
    }

    /** Adaptive panels of one support interval, with the roots found by continuation along x. */
    private static final class Tabulation {
        private final SilversteinEquation equation;
        private final SupportInterval interval;
        private final List<Panel> panels = new ArrayList<>();
        private Complex last;
        private double worstResidual;

        Tabulation(final SilversteinEquation equation, final SupportInterval interval) {
            this.equation = equation;
            this.interval = interval;
        }

        /** Integrates a panel and its halves; keeps the halves when they agree, otherwise bisects. */
        double refine(final double from, final double to, final double massBefore, final int depth) {
            final double mid = 0.5 * (from + to);
            final double ratio = equation.ratio();
            final double whole = integrate(ratio, interval, from, to, roots(from, to));
            final Complex[] left = roots(from, mid);
            final Complex[] right = roots(mid, to);
            final double ml = integrate(ratio, interval, from, mid, left);
            final double mr = integrate(ratio, interval, mid, to, right);
            if (Math.abs(whole - ml - mr) <= PANEL_TOLERANCE || depth >= MAX_DEPTH) {
                panels.add(new Panel(from, mid, massBefore, left));
                panels.add(new Panel(mid, to, massBefore + ml, right));
                return massBefore + ml + mr;
            }
            return refine(mid, to, refine(from, mid, massBefore, depth + 1), depth + 1);
        }

        /** Roots at the Gauss–Legendre nodes of [from, to] in theta, each started from the last one found. */
        private Complex[] roots(final double from, final double to) {
            final Complex[] ys = new Complex[RULE.order()];
            for (int k = 0; k < ys.length; k++) {
                final SilversteinSolution sol = equation.solve(Complex.real(xOf(interval, RULE.node(k, from, to))), last);
                worstResidual = Math.max(worstResidual, sol.residual());
                ys[k] = sol.y();
                last = sol.y();
            }
            return ys;
        }
    }

    /** Covariance-side mass of interval i below x: the stored panels before x plus one quadrature up to x. */
    private double partialMass(final int interval, final double x) {
        final SupportInterval s = equation.support().get(interval);
        final double theta = thetaOf(s, x);
        final Panel p = panelAt(interval, theta);
        final Complex[] ys = new Complex[RULE.order()];
        for (int k = 0; k < ys.length; k++) {
            final double t = RULE.node(k, p.from(), theta);
            ys[k] = equation.solve(Complex.real(xOf(s, t)), p.roots()[nearestNode(p, t)]).y();
        }
        return p.massBefore() + integrate(equation.ratio(), s, p.from(), theta, ys);
    }

    /** A stored root next to x (inside the support), as the start of Newton. */
    private Complex startNear(final double x) {
        final List<SupportInterval> support = equation.support();
        for (int i = 0; i < support.size(); i++) {
            if (support.get(i).contains(x)) {
                final double theta = thetaOf(support.get(i), x);
                final Panel p = panelAt(i, theta);
                return p.roots()[nearestNode(p, theta)];
            }
        }
        return null;
    }

    private Panel panelAt(final int interval, final double theta) {
        final Panel[] ps = panels.get(interval);
        int lo = 0;
        int hi = ps.length - 1;
        while (lo < hi) {
            final int mid = (lo + hi + 1) >>> 1;
            if (ps[mid].from() <= theta) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return ps[lo];
    }

    private static int nearestNode(final Panel p, final double theta) {
        int best = 0;
        for (int k = 1; k < RULE.order(); k++) {
            if (Math.abs(RULE.node(k, p.from(), p.to()) - theta) < Math.abs(RULE.node(best, p.from(), p.to()) - theta)) {
                best = k;
            }
        }
        return best;
    }

    /** x = l + W sin^2(theta/2), written from the nearer end so that both edges keep full accuracy. */
    private static double xOf(final SupportInterval s, final double theta) {
        if (theta <= Math.PI / 2) {
            final double h = Math.sin(0.5 * theta);
            return s.lower() + s.width() * h * h;
        }
        final double h = Math.cos(0.5 * theta);
        return s.upper() - s.width() * h * h;
    }

    private static double thetaOf(final SupportInterval s, final double x) {
        return 2 * Math.atan2(Math.sqrt(Math.max(0, x - s.lower())), Math.sqrt(Math.max(0, s.upper() - x)));
    }

    private static Complex conjugateIf(final Complex y, final boolean conjugate) {
        return y == null || !conjugate ? y : y.conjugate();
    }
}
