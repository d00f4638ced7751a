package org.rmtlab.core.dynamics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-step feature learning (see {@link OneStepFeatureLearning}) as a function of the learning rate eta:
 * one row per eta, theory beside simulation; columns a run did not compute are NaN. Standard errors are
 * over trials (NaN for one trial).
 *
 * @param eta learning rates
 * @param theta spike strength theta of the rank-one part of eta sqrt(N) G0 (theory)
 * @param thetaSim realised strength 2 kappa eta |mu1| ||a|| ||X r|| / n of that part (simulation, mean over trials)
 * @param topTheory predicted top singular value of W1 (the bulk edge below the threshold)
 * @param topConditional the predicted top singular value evaluated at each trial's realised theta, mean over
 *        trials: isolates the spiked-matrix part of the theory from the O(n^{-1/2}) fluctuation of theta
 * @param topSim simulated top singular value of W1
 * @param topSimSe its standard error
 * @param secondSim simulated second singular value of W1 (the bulk edge, for the picture)
 * @param overlapBetaTheory predicted squared cosine of the top right singular vector with beta
 * @param overlapBetaSim simulated squared cosine with beta
 * @param overlapBetaSimSe its standard error
 * @param overlapReadoutTheory predicted squared cosine of the top left singular vector with a
 * @param overlapReadoutSim simulated squared cosine with a
 * @param overlapReadoutSimSe its standard error
 * @param thresholdEta eta above which the spike separates (theory)
 * @param bulkEdge 1 + sqrt(N / D)
 * @param rankOneRatio ||G0 - rank-one part||_op / ||G0||_op, mean over trials (simulation)
 * @param rankOneRatioSe its standard error
 * @param gradientGap s2(G0) / s1(G0), mean over trials (simulation)
 * @param gradientGapSe its standard error
 */
public record OneStepResult(double[] eta, double[] theta, double[] thetaSim, double[] topTheory,
    double[] topConditional, double[] topSim, double[] topSimSe,
    double[] secondSim, double[] overlapBetaTheory, double[] overlapBetaSim, double[] overlapBetaSimSe,
    double[] overlapReadoutTheory, double[] overlapReadoutSim, double[] overlapReadoutSimSe, double thresholdEta,
    double bulkEdge, double rankOneRatio, double rankOneRatioSe, double gradientGap, double gradientGapSe) {

    /** Per-eta columns, named as in the CSV output. */
    public Map<String, double[]> columns() {
        final Map<String, double[]> c = new LinkedHashMap<>();
        c.put("eta", eta);
        c.put("theta", theta);
        c.put("theta_sim", thetaSim);
        c.put("top_sv_theory", topTheory);
        c.put("top_sv_conditional", topConditional);
        c.put("top_sv_sim", topSim);
        c.put("top_sv_sim_se", topSimSe);
        c.put("second_sv_sim", secondSim);
        c.put("overlap_beta_theory", overlapBetaTheory);
        c.put("overlap_beta_sim", overlapBetaSim);
        c.put("overlap_beta_sim_se", overlapBetaSimSe);
        c.put("overlap_a_theory", overlapReadoutTheory);
        c.put("overlap_a_sim", overlapReadoutSim);
        c.put("overlap_a_sim_se", overlapReadoutSimSe);
        return c;
    }

    /** Theory columns of {@code theory} with the simulation columns and diagnostics of {@code sim}. */
    public static OneStepResult merge(final OneStepResult theory, final OneStepResult sim) {
        if (!Arrays.equals(theory.eta, sim.eta)) {
            throw new IllegalArgumentException("Theory and simulation were computed for different learning rates.");
        }
        return new OneStepResult(theory.eta, theory.theta, sim.thetaSim, theory.topTheory, sim.topConditional, sim.topSim, sim.topSimSe, sim.secondSim,
            theory.overlapBetaTheory, sim.overlapBetaSim, sim.overlapBetaSimSe, theory.overlapReadoutTheory,
            sim.overlapReadoutSim, sim.overlapReadoutSimSe, theory.thresholdEta, theory.bulkEdge, sim.rankOneRatio,
            sim.rankOneRatioSe, sim.gradientGap, sim.gradientGapSe);
    }
}
