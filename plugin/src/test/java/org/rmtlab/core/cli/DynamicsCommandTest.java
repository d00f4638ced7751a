package org.rmtlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rmtlab.core.cli.CliRun.run;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.dynamics.DeepLinearNetwork;
import org.rmtlab.core.dynamics.GaussianMixtureDynamics;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.core.dynamics.RandomFeatureDynamics;
import org.rmtlab.core.dynamics.RandomFeatureFlow;
import org.rmtlab.core.dynamics.RidgeDynamics;
import org.rmtlab.core.util.CancelledException;

class DynamicsCommandTest {

    @Test
    // the CSV carries the model's own theory values, one row per time, plus simulation columns
    void gmmTheoryAndSimulationColumns() {
        final CliRun r = run("dynamics", "--model", "gmm", "--p", "40", "--n", "80", "--times", "0.1:10:3", "--trials", "2",
            "--rho", "3");
        assertEquals(0, r.code(), r.err());
        final String[] lines = r.out().split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("tau,test_error_theory,train_error_theory,e_test_theory,v_test_theory,e_train_theory,"
            + "v_train_theory,test_error_sim,train_error_sim"), lines[0]);
        assertTrue(lines[0].endsWith(",e_train_sim_se,v_train_sim_se"), lines[0]);
        assertEquals(19, lines[1].split(",").length);
        final String[] first = lines[1].split(",");
        final double expected = new GaussianMixtureDynamics(40, 80, 3, 0.1, 0, GradientMethod.flow()).moments(0.1).testError();
        assertEquals(expected, Double.parseDouble(first[1]), 1e-15);
    }

    @Test
    void ridgeDescentHasStepsAndSummary() {
        final CliRun r = run("dynamics", "--model", "ridge", "--method", "descent", "--alpha", "0.5", "--times", "1:4:2",
            "--trials", "0", "--p", "50", "--n", "100");
        assertEquals(0, r.code(), r.err());
        final String[] lines = r.out().split("\n");
        assertEquals("tau,step,test_risk_theory,bias_theory,variance_theory,init_theory,train_loss_theory", lines[0]);
        assertTrue(lines[2].startsWith("4.0,8,"), lines[2]);
        final CliRun s = run("dynamics", "--model", "ridge", "--summary", "--p", "50", "--n", "100", "--noise", "0.4");
        assertEquals(0, s.code(), s.err());
        // ridgeless, c = 0.5: s^2 c / (1 - c) = 0.4
        final double limit = new RidgeDynamics(50, 100, 1, 0.4, 0, 0, GradientMethod.flow()).limit().risk();
        assertTrue(s.out().contains("risk_limit," + limit), s.out());
        assertEquals(0.4, limit, 1e-12);
    }

    @Test
    // the theory columns are the model's own values; simulation columns follow with their standard errors
    void deepLinearColumns() throws CancelledException {
        final CliRun r = run("dynamics", "--model", "deep-linear", "--p", "20", "--width", "40", "--times", "0.5:2:2",
            "--trials", "2");
        assertEquals(0, r.code(), r.err());
        final String[] lines = r.out().split("\n");
        assertEquals(3, lines.length);
        assertEquals("t,train_loss_theory,test_risk_theory,top_eig_theory,overlap_theory,train_loss_sim,test_risk_sim,"
            + "top_eig_sim,overlap_sim,train_loss_sim_se,test_risk_sim_se,top_eig_sim_se,overlap_sim_se", lines[0]);
        final double expected = new DeepLinearNetwork(new DeepLinearNetwork.Config(2, 40, 20, 0, 1, 0.1, 0.1, 0))
            .theory(new double[] {0.5, 2}).curve(DeepLinearNetwork.TEST_RISK).value(1);
        assertEquals(expected, Double.parseDouble(lines[2].split(",")[2]), 0);
        // deeper networks: the DMFT's train and test loss, the simulation's four curves
        final CliRun deep = run("dynamics", "--model", "deep-linear", "--depth", "3", "--p", "10", "--width", "20",
            "--times", "1", "--trials", "1");
        assertEquals(0, deep.code(), deep.err());
        assertTrue(deep.out().startsWith("t,train_loss_theory,test_risk_theory,train_loss_sim,"), deep.out());
    }

    @Test
    // one-step: eta is the time axis; --summary gives the theory's threshold and the simulation's rank-one ratio
    void oneStepColumnsAndSummary() {
        final CliRun r = run("dynamics", "--model", "one-step", "--p", "30", "--width", "60", "--n", "60", "--times",
            "1:10:3", "--trials", "2");
        assertEquals(0, r.code(), r.err());
        final String[] lines = r.out().split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("eta,theta_theory,top_sv_theory,overlap_beta_theory,overlap_a_theory,theta_sim,"
            + "top_sv_sim,top_sv_conditional_sim,second_sv_sim,overlap_beta_sim,overlap_a_sim,theta_sim_se"), lines[0]);
        final CliRun s = run("dynamics", "--model", "one-step", "--p", "30", "--width", "60", "--n", "60", "--summary",
            "--trials", "2", "--loss", "mse");
        assertEquals(0, s.code(), s.err());
        final String[] rows = s.out().split("\n");
        assertEquals("quantity,value", rows[0]);
        assertTrue(rows[1].startsWith("threshold_eta,"), s.out());
        assertTrue(s.out().contains("\nrank_one_ratio,") && s.out().contains("\nrank_one_ratio_se,"), s.out());
    }

    @Test
    // random features: theory and simulation columns, Hermitian on by default, ensemble curves on request;
    // the summary carries the non-monotone example's optimum and limits
    void randomFeaturesColumnsAndSummary() {
        final CliRun r = run("dynamics", "--model", "random-features", "--p", "40", "--times", "0.5:8:3",
            "--trials", "2", "--ensemble", "3", "--noise", "0.2");
        assertEquals(0, r.code(), r.err());
        final String[] lines = r.out().split("\n");
        assertEquals(4, lines.length);
        assertEquals("t,train_loss_theory,test_risk_theory,hermitian_test_risk_theory,bias_theory,variance_theory,"
            + "ensemble_test_risk_theory,train_loss_sim,test_risk_sim,hermitian_test_risk_sim,bias_sim,variance_sim,"
            + "ensemble_test_risk_sim,train_loss_sim_se,test_risk_sim_se,hermitian_test_risk_sim_se,bias_sim_se,"
            + "variance_sim_se,ensemble_test_risk_sim_se", lines[0]);
        final double expected = new RandomFeatureDynamics(new RandomFeatureDynamics.Config(
            new RandomFeatureFlow(0.5, 1.2, 0.2), 40, RandomFeatureDynamics.Engine.RESOLVENT, true, 3))
            .theory(new double[] {0.5, 2, 8}).curve(RandomFeatureDynamics.BIAS).value(2);
        assertEquals(expected, Double.parseDouble(lines[3].split(",")[4]), 0);
        final CliRun off = run("dynamics", "--model", "random-features", "--times", "1", "--trials", "0", "--hermitian",
            "off");
        assertEquals(0, off.code(), off.err());
        assertTrue(off.out().startsWith("t,train_loss_theory,test_risk_theory\n"), off.out());
        final CliRun s = run("dynamics", "--model", "random-features", "--summary", "--trials", "0");
        assertEquals(0, s.code(), s.err());
        final String[] rows = s.out().split("\n");
        assertEquals("quantity,value", rows[0]);
        assertEquals(List.of("risk_limit", "t_star", "risk_at_t_star", "hermitian_risk_limit"),
            List.of(rows[1].split(",")[0], rows[2].split(",")[0], rows[3].split(",")[0], rows[4].split(",")[0]));
        assertEquals(6.0 / 7, Double.parseDouble(rows[1].split(",")[1]), 1e-15);
        assertEquals(1.096, Double.parseDouble(rows[2].split(",")[1]), 1e-3);
        assertEquals(0.5, Double.parseDouble(rows[4].split(",")[1]), 0);
        final CliRun dmft = run("dynamics", "--model", "random-features", "--summary", "--trials", "0", "--engine", "dmft",
            "--times", "0.1:2:3");
        assertEquals(0, dmft.code(), dmft.err());
        assertTrue(dmft.out().contains("\ndmft_error_estimate,"), dmft.out());
        for (String[] bad : new String[][] {{"--ensemble", "1"}, {"--engine", "euler"}, {"--hermitian", "maybe"},
            {"--psi-n", "-1"}, {"--p", "0"}, {"--dimension", "40"}}) {
            final CliRun e = run("dynamics", "--model", "random-features", bad[0], bad[1]);
            assertEquals(2, e.code(), String.join(" ", bad));
        }
    }

    @Test
    // every model option is listed once, with each model's default
    void helpListsEveryModelOptionWithItsDefaults() {
        final CliRun r = run("dynamics", "--help");
        assertEquals(0, r.code(), r.err());
        for (DynamicsModelOptions m : DynamicsCommand.MODELS) {
            for (Option o : m.options()) {
                assertTrue(r.out().contains("--" + o.name() + " "), o.name());
            }
        }
        assertTrue(r.out().contains("gmm, ridge: 256; deep-linear: 100; one-step: 200"), r.out());
        assertTrue(r.out().contains("--sigma-a VALUE"), r.out());
        assertTrue(r.out().contains("(default deep-linear: 0.1)"), r.out());
    }

    @Test
    void badInputGivesOneLineAndExitCode2() {
        final CliRun foreign = run("dynamics", "--model", "ridge", "--rho", "2");
        assertEquals(2, foreign.code());
        assertTrue(foreign.err().contains("--rho does not apply to --model ridge"), foreign.err());
        final CliRun unknown = run("dynamics", "--model", "cnn");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("gmm, ridge, deep-linear, one-step"), unknown.err());
        final CliRun method = run("dynamics", "--model", "one-step", "--method", "descent");
        assertEquals(2, method.code());
        assertTrue(method.err().contains("--method does not apply to --model one-step"), method.err());
        final CliRun activation = run("dynamics", "--model", "one-step", "--student", "nope", "--trials", "0");
        assertEquals(2, activation.code());
        assertTrue(activation.err().contains("relu"), activation.err());
        assertEquals(2, run("dynamics", "--model", "deep-linear", "--depth", "1").code());
        final CliRun unstable = run("dynamics", "--method", "descent", "--alpha", "1");
        assertEquals(2, unstable.code());
        assertTrue(unstable.err().contains("Choose alpha <"), unstable.err());
        assertEquals(2, run("dynamics", "--trials", "-1").code());
        assertEquals(2, run("dynamics", "--method", "newton").code());
    }
}
