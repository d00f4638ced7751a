package org.rmtlab.core.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.rmtlab.core.spectrum.MarchenkoPastur;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * What the linear models trained by gradient flow or descent on L(w) = 1/(2n) ||y - X^T w||^2 + gamma/2 ||w||^2
 * share ({@link GaussianMixtureDynamics}, {@link RidgeDynamics}): the sizes p x n of X and c = p/n, the penalty,
 * the method, the Marchenko–Pastur quadrature of their theory, the time axis tau = alpha t (snapped to whole
 * steps for descent), the early-stopping search, and a simulation whose trial decomposes (1/n) X X^T once
 * ({@link GramSpectrum}) and then gives every quantity at any time in closed form.
 *
 * <p>A subclass names its curves once, in the order of both {@link #theoryAt(double)} and the functions of
 * {@link #draw(Rng)}; curve 0 is the test curve that early stopping minimises.
 */
abstract class GramGradientModel implements DynamicsModel {
    final String id;
    final int p;
    final int n;
    final double c;
    final double gamma;
    final GradientMethod method;
    /** The Marchenko–Pastur law at ratio c, as a quadrature. */
    final QuadratureRule mp;
    private final String[] curves;

    /**
     * @param p dimension (simulation size; the theory uses c = p/n)
     * @param n training samples
     * @param gamma ridge penalty, >= 0
     * @param method gradient flow or descent
     * @param curves the curves of theory and simulation, the test curve first
     */
    GramGradientModel(final String id, final int p, final int n, final double gamma, final GradientMethod method,
        final String... curves) {
        this.id = id;
        this.p = Check.positive("p (dimension)", p);
        this.n = Check.positive("n (training samples)", n);
        this.gamma = Check.nonNegative("gamma (ridge penalty)", gamma);
        Check.that(method != null, "Choose gradient flow or gradient descent.");
        this.method = method;
        this.c = p / (double) n;
        this.mp = MarchenkoPasturQuadrature.rule(c);
        this.curves = curves.clone();
    }

    /** The theory's quantities at time tau, in the order of the curves. */
    abstract double[] theoryAt(double tau);

    /** The theory's scalars (limits, the early-stopping optimum), by name. */
    abstract Map<String, Double> theoryScalars();

    /** One trial drawn from its stream, as the function of tau it gives (the quantities in the order of the curves). */
    abstract DoubleFunction<double[]> draw(Rng rng);

    /** The largest curvature of the loss, where gradient descent is least stable. */
    abstract double maxCurvature();

    /** @throws IllegalArgumentException when a descent step diverges at the largest curvature */
    final void checkStable() {
        method.checkStable(maxCurvature());
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final void checkMemory() {
        GramSpectrum.requireMemory("one trial of the " + id + " simulation", p, n);
    }

    /** Early-stopping time minimising the theoretical test curve, and its value there. */
    public final EarlyStopping.Optimum earlyStopping() {
        final double top = maxCurvature();
        final double bottom = Math.max(MarchenkoPastur.of(c, 1).lowerEdge() + gamma, 1e-4 * top);
        return EarlyStopping.minimize(tau -> theoryAt(tau)[0], method, 1e-3 / top, 1e4 / bottom);
    }

    @Override
    public final LearningCurves theory(final double[] times, final Progress progress) throws CancelledException {
        final double[] taus = method.snap(DynamicsModel.checkTimes(times));
        final double[][] v = Progress.silently(none -> sweep(taus, this::theoryAt, none));
        final List<Curve> out = new ArrayList<>(curves.length);
        for (int j = 0; j < curves.length; j++) {
            out.add(Curve.theory(curves[j], v[j]));
        }
        return new LearningCurves(id, LearningCurves.TAU, taus, out, theoryScalars());
    }

    /** Mean and spread over {@code trials} draws, each from its own split of the seed's stream. */
    @Override
    public final LearningCurves simulate(final double[] times, final int trials, final long seed,
        final Progress progress) throws CancelledException {
        final double[] taus = method.snap(DynamicsModel.checkTimes(times));
        DynamicsModel.checkTrials(trials);
        checkMemory();
        final Rng root = new Rng(seed);
        final CurveAccumulator acc = new CurveAccumulator(taus.length);
        for (int t = 0; t < trials; t++) {
            progress.checkCancelled();
            progress.report(t / (double) trials, String.format(Locale.ROOT, "trial %d of %d", t + 1, trials));
            final double[][] v = sweep(taus, draw(root.split()), progress);
            for (int j = 0; j < curves.length; j++) {
                acc.add(curves[j], v[j]);
            }
        }
        progress.report(1, "done");
        return new LearningCurves(id, LearningCurves.TAU, taus, acc.curves());
    }

    /** The quantities over the grid, one row per curve: {@code v[j][i] = at.apply(taus[i])[j]}. */
    private double[][] sweep(final double[] taus, final DoubleFunction<double[]> at, final Progress progress)
        throws CancelledException {
        final double[][] v = new double[curves.length][taus.length];
        for (int i = 0; i < taus.length; i++) {
            progress.checkCancelled();
            final double[] m = at.apply(taus[i]);
            for (int j = 0; j < curves.length; j++) {
                v[j][i] = m[j];
            }
        }
        return v;
    }

    public final int p() {
        return p;
    }

    public final int n() {
        return n;
    }

    public final double gamma() {
        return gamma;
    }

    public final GradientMethod method() {
        return method;
    }
}
