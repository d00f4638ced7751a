package org.rmtlab.core.dynamics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Learning curves of a deep linear network, theory beside simulation, one row per output time.
 * Columns that a run did not compute (simulation columns of a theory-only run, theory columns of a
 * depth without a theory) are NaN. Losses follow {@link DeepLinearNetwork}: test = E_x (f*(x) - f(x))^2
 * (noise-free target), train = (1/P) sum_mu (y_mu - f(x_mu))^2. The spectral columns describe
 * Q = W1^T W1 / N (first-layer weights): its top eigenvalue and the squared cosine between the top
 * eigenvector and the teacher direction w* / ||w*||. Standard errors are over trials (NaN for one trial).
 */
public record DeepLinearCurves(double[] t, double[] trainTheory, double[] testTheory, double[] trainSim,
    double[] testSim, double[] trainSimSe, double[] testSimSe, double[] topEigTheory, double[] topEigSim,
    double[] topEigSimSe, double[] overlapTheory, double[] overlapSim, double[] overlapSimSe) {

    /** Columns in the order of the shared learning-curve tables, named as in the CSV output. */
    public Map<String, double[]> columns() {
        final Map<String, double[]> c = new LinkedHashMap<>();
        c.put("t", t);
        c.put("train_theory", trainTheory);
        c.put("test_theory", testTheory);
        c.put("train_sim", trainSim);
        c.put("test_sim", testSim);
        c.put("train_sim_se", trainSimSe);
        c.put("test_sim_se", testSimSe);
        c.put("top_eig_theory", topEigTheory);
        c.put("top_eig_sim", topEigSim);
        c.put("top_eig_sim_se", topEigSimSe);
        c.put("overlap_theory", overlapTheory);
        c.put("overlap_sim", overlapSim);
        c.put("overlap_sim_se", overlapSimSe);
        return c;
    }

    /** Theory columns of {@code theory} with the simulation columns of {@code sim} (same times). */
    public static DeepLinearCurves merge(final DeepLinearCurves theory, final DeepLinearCurves sim) {
        if (!Arrays.equals(theory.t, sim.t)) {
            throw new IllegalArgumentException("Theory and simulation were computed on different time grids.");
        }
        return new DeepLinearCurves(theory.t, theory.trainTheory, theory.testTheory, sim.trainSim, sim.testSim,
            sim.trainSimSe, sim.testSimSe, theory.topEigTheory, sim.topEigSim, sim.topEigSimSe, theory.overlapTheory,
            sim.overlapSim, sim.overlapSimSe);
    }

    static double[] nan(final int n) {
        final double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
