package org.rmtlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.dynamics.GaussianMixtureDynamics;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.core.dynamics.RidgeDynamics;

class DynamicsCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(final String... argv) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    // the CSV carries the model's own theory values, one row per time, plus simulation columns
    void gmmTheoryAndSimulationColumns() {
        final Result r = run("dynamics", "--model", "gmm", "--p", "40", "--n", "80", "--times", "0.1:10:3", "--trials", "2",
            "--rho", "3");
        assertEquals(0, r.code(), r.err());
        final String[] lines = r.out().split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("tau,test_error,train_error,e_test,v_test,e_train,v_train,test_error_sim,test_error_se"),
            lines[0]);
        final String[] first = lines[1].split(",");
        final double expected = new GaussianMixtureDynamics(40, 80, 3, 0.1, 0, GradientMethod.flow()).moments(0.1).testError();
        assertEquals(expected, Double.parseDouble(first[1]), 1e-15);
    }

    @Test
    void ridgeDescentHasStepsAndSummary() {
        final Result r = run("dynamics", "--model", "ridge", "--method", "descent", "--alpha", "0.5", "--times", "1:4:2",
            "--trials", "0", "--p", "50", "--n", "100");
        assertEquals(0, r.code(), r.err());
        final String[] lines = r.out().split("\n");
        assertEquals("tau,step,test_risk,bias,variance,init,train_loss", lines[0]);
        assertTrue(lines[2].startsWith("4.0,8,"), lines[2]);
        final Result s = run("dynamics", "--model", "ridge", "--summary", "--p", "50", "--n", "100", "--noise", "0.4");
        assertEquals(0, s.code(), s.err());
        // ridgeless, c = 0.5: s^2 c / (1 - c) = 0.4
        final double limit = new RidgeDynamics(50, 100, 1, 0.4, 0, 0, GradientMethod.flow()).limit().risk();
        assertTrue(s.out().contains("risk_limit," + limit), s.out());
        assertEquals(0.4, limit, 1e-12);
    }

    @Test
    void badInputGivesOneLineAndExitCode2() {
        final Result foreign = run("dynamics", "--model", "ridge", "--rho", "2");
        assertEquals(2, foreign.code());
        assertTrue(foreign.err().contains("--rho does not apply to --model ridge"), foreign.err());
        final Result unknown = run("dynamics", "--model", "cnn");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("gmm, ridge"), unknown.err());
        final Result unstable = run("dynamics", "--method", "descent", "--alpha", "1");
        assertEquals(2, unstable.code());
        assertTrue(unstable.err().contains("Choose alpha <"), unstable.err());
        assertEquals(2, run("dynamics", "--trials", "-1").code());
        assertEquals(2, run("dynamics", "--method", "newton").code());
    }
}
