package org.rmtlab.knime.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.rmtlab.core.cli.Grid;
import org.rmtlab.core.dynamics.Curve;
import org.rmtlab.core.dynamics.DeepLinearNetwork;
import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.GaussianMixtureDynamics;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.core.dynamics.LearningCurves;
import org.rmtlab.core.dynamics.NonMonotoneTestLoss;
import org.rmtlab.core.dynamics.OneStepFeatureLearning;
import org.rmtlab.core.dynamics.RandomFeatureDynamics;
import org.rmtlab.core.dynamics.RandomFeatureFlow;
import org.rmtlab.core.dynamics.RidgeDynamics;
import org.rmtlab.core.dynamics.TestLossMinimum;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.util.Progress;
import org.rmtlab.knime.TestSettings;
import org.rmtlab.knime.common.ChartOutput;
import org.rmtlab.knime.generator.DataGeneratorNodeFactory;
import org.rmtlab.stub.testing.NodeHarness;
import org.rmtlab.stub.testing.Tables;
import org.rmtlab.stub.testing.TestExecution;

class DynamicsSimulatorNodeTest {
    private static final int P = 64;
    private static final int N = 128;
    private static final int TRIALS = 3;
    private static final int SEED = 7;
    private static final int COUNT = 20;

    private static NodeHarness<DynamicsSimulatorNodeModel> node(final String model, final Object... keysAndValues)
        throws InvalidSettingsException {
        NodeHarness<DynamicsSimulatorNodeModel> node = NodeHarness.of(new DynamicsSimulatorNodeFactory());
        NodeSettings s = node.saveSettings();
        s.addString(DynamicsSimulatorSettings.KEY_MODEL, model);
        s.addInt(DynamicsSimulatorSettings.KEY_TRIALS, TRIALS);
        s.addInt(DynamicsSimulatorSettings.KEY_SEED, SEED);
        s.addInt(model + "_" + GradientModelSettings.KEY_P, P);
        s.addInt(model + "_" + GradientModelSettings.KEY_N, N);
        s.addInt(model + "_" + TimeGridSettings.KEY_COUNT, COUNT);
        s.addDouble(model + "_" + TimeGridSettings.KEY_TO, 100.0);
        TestSettings.put(s, keysAndValues);
        node.loadSettings(s);
        return node;
    }

    private static double[] grid() {
        double[] t = new double[COUNT];
        for (int i = 0; i < COUNT; i++) {
            t[i] = 0.01 * Math.pow(100 / 0.01, i / (COUNT - 1.0));
        }
        t[COUNT - 1] = 100;
        return t;
    }

    private static void assertCurve(final Curve expected, final BufferedDataTable table, final String column,
        final boolean stderr) {
        double[] want = stderr ? expected.stderr() : expected.values();
        assertArrayEquals(want, Tables.doubles(table, column), 0.0, column);
    }

    /** Configure announces the curve columns of the model (and the step column for gradient descent) and a PNG. */
    @Test
    void configureAnnouncesCurveColumnsAndImage() throws Exception {
        PortObjectSpec[] specs = node("gmm").configure((PortObjectSpec) null);
        DataTableSpec table = (DataTableSpec) specs[0];
        assertEquals(List.of("tau", "train_theory", "test_theory", "e_test_theory", "v_test_theory", "e_train_theory",
            "v_train_theory", "train_sim", "test_sim", "e_test_sim", "v_test_sim", "e_train_sim", "v_train_sim",
            "train_sim_se", "test_sim_se", "e_test_sim_se", "v_test_sim_se", "e_train_sim_se", "v_train_sim_se"),
            List.of(table.getColumnNames()));
        assertInstanceOf(ImagePortObjectSpec.class, specs[1]);
        DataTableSpec ridge =
            (DataTableSpec) node("ridge", "ridge_method", "descent").configure((PortObjectSpec) null)[0];
        assertEquals(List.of("tau", "step", "train_theory", "test_theory", "bias_theory", "variance_theory",
            "init_theory"), List.of(ridge.getColumnNames()).subList(0, 7));
        assertEquals(17, ridge.getNumColumns());
    }

    /**
     * Without an input table the table holds exactly the core's numbers for the same settings: theory and
     * simulation (same seed), and the early-stopping optimum as flow variables.
     */
    @Test
    void gmmTableIsTheCoresTheoryAndSimulation() throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> node = node("gmm");
        node.execute((BufferedDataTable) null);
        BufferedDataTable table = node.table(0);
        GaussianMixtureDynamics core = new GaussianMixtureDynamics(P, N, DynamicsDefaults.GMM_RHO,
            DynamicsDefaults.GMM_INIT_VARIANCE, DynamicsDefaults.GMM_GAMMA, GradientMethod.flow());
        LearningCurves theory = core.theory(grid());
        LearningCurves sim = core.simulate(grid(), TRIALS, SEED, Progress.NONE);
        assertArrayEquals(theory.times(), Tables.doubles(table, "tau"), 0.0);
        assertCurve(theory.curve("test_error"), table, "test_theory", false);
        assertCurve(theory.curve("train_error"), table, "train_theory", false);
        assertCurve(theory.curve("v_test"), table, "v_test_theory", false);
        assertCurve(sim.curve("test_error"), table, "test_sim", false);
        assertCurve(sim.curve("test_error"), table, "test_sim_se", true);
        assertCurve(sim.curve("e_train"), table, "e_train_sim", false);
        Map<String, Object> vars = node.flowVariables();
        assertEquals(core.earlyStopping().tau(), (Double) vars.get("tau_star"), 0.0);
        assertEquals(core.earlyStopping().value(), (Double) vars.get("test_at_tau_star"), 0.0);
        assertEquals(core.testErrorLimit(), (Double) vars.get("test_error_limit"), 0.0);
        assertNull(node.warning());
    }

    /** ridge with gradient descent: the core's numbers, and whole steps t = tau / alpha in the step column. */
    @Test
    void ridgeDescentTableIsTheCoresWithSteps() throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> node = node("ridge", "ridge_method", "descent", "ridge_alpha", 0.2,
            "ridge_gamma", 0.1, "ridge_init", 0.5);
        node.execute((BufferedDataTable) null);
        BufferedDataTable table = node.table(0);
        GradientMethod.Descent gd = new GradientMethod.Descent(0.2);
        RidgeDynamics core = new RidgeDynamics(P, N, DynamicsDefaults.RIDGE_SIGNAL, DynamicsDefaults.RIDGE_NOISE, 0.5,
            0.1, gd);
        LearningCurves theory = core.theory(grid());
        LearningCurves sim = core.simulate(grid(), TRIALS, SEED, Progress.NONE);
        double[] tau = Tables.doubles(table, "tau");
        double[] steps = Tables.doubles(table, "step");
        for (int i = 0; i < tau.length; i++) {
            assertEquals(Math.rint(grid()[i] / 0.2), steps[i], 0.0);
            assertEquals(0.2 * steps[i], tau[i], 1e-12 * Math.max(1, tau[i]));
        }
        assertCurve(theory.curve("test_risk"), table, "test_theory", false);
        assertCurve(theory.curve("train_loss"), table, "train_theory", false);
        assertCurve(theory.curve("bias"), table, "bias_theory", false);
        assertCurve(sim.curve("test_risk"), table, "test_sim", false);
        assertCurve(sim.curve("init"), table, "init_sim_se", true);
        assertEquals(core.earlyStopping().value(), (Double) node.flowVariables().get("test_at_tau_star"), 0.0);
        assertEquals(core.limit().risk(), (Double) node.flowVariables().get("risk_limit"), 0.0);
        // the grid starts at 0.01, far below one step 0.2: its first times all land on step 0
        assertTrue(node.warning().contains("round to the same whole step"), node.warning());
    }

    /**
     * deep-linear: the core's numbers for the same settings (flow time t, population loss), its own time grid
     * and column names; depth 3 has the DMFT's train and test theory but no spectrum theory, which the node says;
     * a range too long for the DMFT's grid leaves the late theory out, with a warning.
     */
    @Test
    void deepLinearTableIsTheCores() throws Exception {
        // the node must equal the core to the bit: a small network on a short time range checks the wiring as well
        NodeHarness<DynamicsSimulatorNodeModel> node = node("deep-linear", "deep-linear_p", 10, "deep-linear_width", 20,
            "deep-linear_n", 0, "deep-linear_time_to", 3.0, "deep-linear_time_from", 0.1, "deep-linear_time_count", 4);
        node.execute((BufferedDataTable) null);
        BufferedDataTable table = node.table(0);
        assertEquals(List.of("t", "train_theory", "test_theory", "top_eig_theory", "overlap_theory"),
            List.of(table.getDataTableSpec().getColumnNames()).subList(0, 5));
        DeepLinearNetwork core = new DeepLinearNetwork(new DeepLinearNetwork.Config(2, 20, 10, 0,
            DynamicsDefaults.DEEP_LINEAR_GAMMA0, DynamicsDefaults.DEEP_LINEAR_READOUT_INIT,
            DynamicsDefaults.DEEP_LINEAR_HIDDEN_INIT, DynamicsDefaults.DEEP_LINEAR_NOISE));
        double[] t = new Grid(0.1, 3, 4, true).values();
        LearningCurves theory = core.theory(t);
        LearningCurves sim = core.simulate(t, TRIALS, SEED, Progress.NONE);
        assertCurve(theory.curve("test_risk"), table, "test_theory", false);
        assertCurve(theory.curve("overlap"), table, "overlap_theory", false);
        assertCurve(sim.curve("train_loss"), table, "train_sim", false);
        assertCurve(sim.curve("top_eig"), table, "top_eig_sim_se", true);
        assertEquals(theory.scalar("bulk_edge"), (Double) node.flowVariables().get("bulk_edge"), 0.0);
        assertNull(node.flowVariables().get("tau_star"), "no early-stopping optimum for this model");

        NodeHarness<DynamicsSimulatorNodeModel> deep = node("deep-linear", "deep-linear_depth", 3, "deep-linear_p", 10,
            "deep-linear_width", 20, "deep-linear_time_count", 4, DynamicsSimulatorSettings.KEY_TRIALS, 1);
        deep.execute((BufferedDataTable) null);
        assertTrue(deep.warning().contains("simulation alone"), deep.warning());
        assertTrue(Double.isFinite(Tables.doubles(deep.table(0), "test_theory")[0]));
        assertTrue(Double.isNaN(Tables.doubles(deep.table(0), "top_eig_theory")[0]));
        assertTrue(Double.isFinite(Tables.doubles(deep.table(0), "test_sim")[0]));

        // too long a range for the DMFT's grid: the late theory values are missing, and the warning says why
        final NodeHarness<DynamicsSimulatorNodeModel> far = node("deep-linear", "deep-linear_p", 10,
            "deep-linear_width", 20, "deep-linear_n", 15, "deep-linear_gamma0", 2.0, "deep-linear_sigma_a", 1.0,
            "deep-linear_sigma_w", 1.0, "deep-linear_time_to", 200.0, "deep-linear_time_count", 3,
            DynamicsSimulatorSettings.KEY_SIMULATE, false);
        far.execute((BufferedDataTable) null);
        assertTrue(far.warning().contains("Shorten the time range"), far.warning());
        assertTrue(Double.isNaN(Tables.doubles(far.table(0), "test_theory")[2]));
    }

    /**
     * one-step: the time is the learning rate eta, the curves have their own names (no train/test), the numbers
     * are the core's, the theory's and the simulation's scalars are flow variables, and the chart is the top
     * singular value against eta.
     */
    @Test
    void oneStepTableIsTheCores() throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> node = node("one-step", "one-step_p", 40, "one-step_width", 80,
            "one-step_n", 80, "one-step_time_count", 5, "one-step_student", "tanh");
        node.execute((BufferedDataTable) null);
        BufferedDataTable table = node.table(0);
        assertEquals(List.of("eta", "theta_theory", "top_sv_theory", "overlap_beta_theory", "overlap_a_theory",
            "top_sv_conditional_theory", "second_sv_theory", "theta_sim"),
            List.of(table.getDataTableSpec().getColumnNames()).subList(0, 8));
        OneStepFeatureLearning core = new OneStepFeatureLearning(new OneStepFeatureLearning.Config(40, 80, 80,
            Activations.byId("tanh"), Activations.byId(DynamicsDefaults.ONE_STEP_TEACHER), DynamicsDefaults.ONE_STEP_NOISE,
            DynamicsDefaults.ONE_STEP_LOSS));
        double[] eta = new Grid(DynamicsDefaults.ONE_STEP_ETA_FROM, 100, 5, true).values();
        LearningCurves theory = core.theory(eta);
        LearningCurves sim = core.simulate(eta, TRIALS, SEED, Progress.NONE);
        assertCurve(theory.curve("top_sv"), table, "top_sv_theory", false);
        assertCurve(sim.curve("overlap_beta"), table, "overlap_beta_sim", false);
        assertCurve(sim.curve("second_sv"), table, "second_sv_sim_se", true);
        assertTrue(Double.isNaN(Tables.doubles(table, "second_sv_theory")[0]), "simulation-only curve");
        assertEquals(theory.scalar("threshold_eta"), (Double) node.flowVariables().get("threshold_eta"), 0.0);
        assertEquals(sim.scalar("rank_one_ratio"), (Double) node.flowVariables().get("rank_one_ratio"), 0.0);
        assertTrue(node.model().chart().figure().title().contains("top singular value"));
    }

    /**
     * random-features: the core's numbers for the same settings (theory, simulation with the same seed, scalars),
     * flow time t; the Hermitian curve only when enabled, the ensemble curves when K >= 2. With an input table D
     * is its number of features and psiP its rows over D.
     */
    @Test
    void randomFeaturesTableIsTheCores() throws Exception {
        // D = 32 rather than P: the node must equal the core to the bit, whatever the size
        NodeHarness<DynamicsSimulatorNodeModel> node = node("random-features", "random-features_p", 32,
            "random-features_noise", 0.2, "random-features_hermitian", false, "random-features_ensemble", 3);
        node.execute((BufferedDataTable) null);
        BufferedDataTable table = node.table(0);
        assertEquals(List.of("t", "train_theory", "test_theory", "bias_theory", "variance_theory",
            "ensemble_test_risk_theory", "train_sim"), List.of(table.getDataTableSpec().getColumnNames()).subList(0, 7));
        RandomFeatureDynamics core = new RandomFeatureDynamics(new RandomFeatureDynamics.Config(
            new RandomFeatureFlow(DynamicsDefaults.RANDOM_FEATURES_PSI_N, DynamicsDefaults.RANDOM_FEATURES_PSI_P, 0.2),
            32, RandomFeatureDynamics.Engine.RESOLVENT, false, 3));
        LearningCurves theory = core.theory(grid());
        LearningCurves sim = core.simulate(grid(), TRIALS, SEED, Progress.NONE);
        assertArrayEquals(theory.times(), Tables.doubles(table, "t"), 0.0);
        assertCurve(theory.curve("train_loss"), table, "train_theory", false);
        assertCurve(theory.curve("test_risk"), table, "test_theory", false);
        assertCurve(theory.curve("variance"), table, "variance_theory", false);
        assertCurve(theory.curve("ensemble_test_risk"), table, "ensemble_test_risk_theory", false);
        assertCurve(sim.curve("test_risk"), table, "test_sim", false);
        assertCurve(sim.curve("bias"), table, "bias_sim", false);
        assertCurve(sim.curve("ensemble_test_risk"), table, "ensemble_test_risk_sim_se", true);
        assertNull(node.flowVariables().get("tau_star"), "no optimum is computed with label noise");
        assertTrue(node.model().chart().figure().subtitle().contains("ensemble K = 3"));

        // the table's shape: D = 20 features (y and class are not features), psiP = 30 rows / 20
        NodeHarness<DynamicsSimulatorNodeModel> fromTable = node("random-features",
            DynamicsSimulatorSettings.KEY_SIMULATE, false);
        fromTable.execute(generated(20, 30, 1));
        RandomFeatureDynamics shaped = new RandomFeatureDynamics(new RandomFeatureDynamics.Config(
            RandomFeatureFlow.noiseless(DynamicsDefaults.RANDOM_FEATURES_PSI_N, 1.5), 20,
            RandomFeatureDynamics.Engine.RESOLVENT, true, 0));
        LearningCurves shapedTheory = shaped.theory(grid());
        assertCurve(shapedTheory.curve("test_risk"), fromTable.table(0), "test_theory", false);
        assertCurve(shapedTheory.curve("hermitian_test_risk"), fromTable.table(0), "hermitian_test_risk_theory", false);
        assertEquals(shapedTheory.scalar("hermitian_risk_limit"),
            (Double) fromTable.flowVariables().get("hermitian_risk_limit"), 0.0);
    }

    /**
     * The random-features defaults are the non-monotone example of Bordelon and Pehlevan (psiN = 0.5, psiP = 1.2,
     * no noise): the theoretical test risk falls to its minimum 0.737 near t = 1.1 inside the time range and then
     * rises clearly (by 0.05 or more, towards 6/7) while the training loss keeps falling; the Hermitian
     * counterpart with the same spectrum never rises and ends near its limit 1 - psiN = 0.5.
     */
    @Test
    void randomFeaturesDefaultsShowTheNonMonotoneTestRisk() throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> node = NodeHarness.of(new DynamicsSimulatorNodeFactory());
        NodeSettings s = node.saveSettings();
        s.addString(DynamicsSimulatorSettings.KEY_MODEL, RandomFeatureDynamics.ID);
        s.addBoolean(DynamicsSimulatorSettings.KEY_SIMULATE, false);
        node.loadSettings(s);
        node.execute((BufferedDataTable) null);
        double[] test = Tables.doubles(node.table(0), "test_theory");
        double[] train = Tables.doubles(node.table(0), "train_theory");
        double[] hermitian = Tables.doubles(node.table(0), "hermitian_test_risk_theory");
        assertEquals(DynamicsDefaults.RANDOM_FEATURES_TIME_COUNT, test.length);
        double tStar = (Double) node.flowVariables().get("tau_star");
        double best = (Double) node.flowVariables().get("test_at_tau_star");
        TestLossMinimum min = NonMonotoneTestLoss.find(NonMonotoneTestLoss.EXAMPLE);
        assertEquals(min.time(), tStar, 0.0);
        assertEquals(min.value(), best, 0.0);
        assertEquals(1.1, tStar, 0.1);
        assertEquals(0.737, best, 0.001);
        int argmin = 0;
        for (int i = 1; i < test.length; i++) {
            argmin = test[i] < test[argmin] ? i : argmin;
            assertTrue(hermitian[i] <= hermitian[i - 1] + 1e-12, "Hermitian risk rises at row " + i);
            assertTrue(train[i] <= train[i - 1] + 1e-12, "training loss rises at row " + i);
        }
        assertTrue(argmin > 0 && argmin < test.length - 1, "interior minimum, row " + argmin);
        // the grid's minimum is within one grid step of t*: no lower than the true minimum
        assertTrue(test[argmin] >= best - 1e-9, test[argmin] + " < " + best);
        assertTrue(test[test.length - 1] > best + 0.05, "test risk at the end " + test[test.length - 1]);
        assertEquals(6.0 / 7, (Double) node.flowVariables().get("risk_limit"), 1e-12);
        assertEquals(0.5, (Double) node.flowVariables().get("hermitian_risk_limit"), 1e-12);
        assertEquals(0.5, hermitian[hermitian.length - 1], 0.01);
        assertTrue(node.model().chart().figure().series().stream().anyMatch(x -> x.name().contains("Hermitian")));
    }

    /**
     * The wiring of every model: the id is the core model's, the time column is named as the core names its
     * axis, and every curve the core computes (theory or simulation) has its columns, and no column stands for
     * a curve the core does not compute.
     */
    @Test
    void everyModelShowsExactlyTheCurvesOfItsCoreModel() throws Exception {
        for (String id : new DynamicsSimulatorSettings().ids()) {
            DynamicsSimulatorSettings s = new DynamicsSimulatorSettings();
            s.loadFrom(node(id, id + "_time_count", 3, id + "_p", 16, id + "_n", 32, "deep-linear_width", 20,
                "one-step_width", 20, "random-features_ensemble", 2).saveSettings());
            ModelSettings m = s.selected();
            DynamicsModel core = m.create(null);
            assertEquals(id, core.id());
            LearningCurves theory = core.theory(m.times());
            LearningCurves sim = core.simulate(m.times(), 1, SEED, Progress.NONE);
            assertEquals(theory.timeName(), m.timeName(), id);
            Set<String> computed = new TreeSet<>(theory.names());
            computed.addAll(sim.names());
            Set<String> shown = new TreeSet<>(m.roles().extra());
            if (m.roles().learning()) {
                shown.add(m.roles().train());
                shown.add(m.roles().test());
            }
            assertEquals(computed, shown, id);
        }
    }

    /**
     * The defaults are the command line's: the overfitting example of Liao and Couillet (2018), p = 256,
     * n = 512, rho = 2, sigma^2 = 0.1. The theoretical test error falls to a minimum inside the time range and
     * then rises clearly (by 0.05 or more) towards its limit, while the training error keeps falling.
     */
    @Test
    void defaultsShowTheOverfittingOfLiaoCouillet() throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> node = NodeHarness.of(new DynamicsSimulatorNodeFactory());
        NodeSettings s = node.saveSettings();
        s.addBoolean(DynamicsSimulatorSettings.KEY_SIMULATE, false);
        node.loadSettings(s);
        node.execute((BufferedDataTable) null);
        double[] test = Tables.doubles(node.table(0), "test_theory");
        double[] train = Tables.doubles(node.table(0), "train_theory");
        assertEquals(DynamicsDefaults.TIME_COUNT, test.length);
        double tauStar = (Double) node.flowVariables().get("tau_star");
        double best = (Double) node.flowVariables().get("test_at_tau_star");
        assertTrue(tauStar > DynamicsDefaults.TIME_FROM && tauStar < DynamicsDefaults.TIME_TO, "tau* = " + tauStar);
        assertTrue(test[test.length - 1] > best + 0.05, "test error at the end " + test[test.length - 1]);
        assertTrue(train[train.length - 1] < best, "training error keeps falling");
        GaussianMixtureDynamics core = new GaussianMixtureDynamics(DynamicsDefaults.P, DynamicsDefaults.N,
            DynamicsDefaults.GMM_RHO, DynamicsDefaults.GMM_INIT_VARIANCE, DynamicsDefaults.GMM_GAMMA,
            GradientMethod.flow());
        assertEquals(core.earlyStopping().tau(), tauStar, 0.0);
        // theory only: the simulation columns are missing
        assertTrue(Double.isNaN(Tables.doubles(node.table(0), "test_sim")[0]));
    }

    /** A mixture table as the Data Generator writes it: x1..xp, y, class. */
    private static BufferedDataTable generated(final int p, final int n, final double rho) throws Exception {
        NodeHarness<?> gen = NodeHarness.of(new DataGeneratorNodeFactory());
        NodeSettings s = gen.saveSettings();
        s.addString("model", "mixture");
        s.addInt("n", n);
        s.addInt("n_test", 0);
        s.addInt("p", p);
        s.addDouble("rho", rho);
        s.addInt("seed", 3);
        gen.loadSettings(s);
        gen.execute();
        return gen.table(0);
    }

    /**
     * With a generated mixture table (normalised scale, p = 100, n = 1000, rho = 2) the node takes p and n from
     * the table (y and class are not features) and estimates rho from the class means: within 4 standard
     * errors of the truth, the standard error being sqrt(2 p v^2 + 16 rho v) / 4 with v = 1/n_a + 1/n_b,
     * about 0.09 here. The theory is then the core's at (p, n, rho estimated).
     */
    @Test
    void estimatesSizeAndSignalFromAMixtureTable() throws Exception {
        int p = 100;
        int n = 1000;
        double rho = 2;
        BufferedDataTable data = generated(p, n, rho);
        NodeHarness<DynamicsSimulatorNodeModel> node = node("gmm", DynamicsSimulatorSettings.KEY_SIMULATE, false);
        node.execute(data);
        Map<String, Object> vars = node.flowVariables();
        double estimate = (Double) vars.get("rho_estimated");
        double se = (Double) vars.get("rho_standard_error");
        assertEquals(Math.sqrt(2 * p * 16e-6 + 16 * rho * 0.004) / 4, se, 0.01);
        assertEquals(rho, estimate, 4 * se);
        GaussianMixtureDynamics core = new GaussianMixtureDynamics(p, n, estimate, DynamicsDefaults.GMM_INIT_VARIANCE,
            DynamicsDefaults.GMM_GAMMA, GradientMethod.flow());
        assertArrayEquals(core.theory(grid()).curve("test_error").values(),
            Tables.doubles(node.table(0), "test_theory"), 0.0);
        assertTrue(node.model().chart() != null);
    }

    /** ridge reads only the table's shape: no class column needed, p = numeric columns left, n = rows. */
    @Test
    void ridgeTakesTheShapeOfTheTable() throws Exception {
        DataTableSpec spec = Tables.spec("a", DoubleCell.TYPE, "b", DoubleCell.TYPE, "c", IntCell.TYPE, "name",
            StringCell.TYPE);
        List<Object[]> rows = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            rows.add(new Object[] {1.0 * j, 2.0 - j, j % 3, "s" + j});
        }
        NodeHarness<DynamicsSimulatorNodeModel> node = node("ridge", DynamicsSimulatorSettings.KEY_SIMULATE, false);
        node.execute(Tables.table(spec, rows.toArray(new Object[0][])));
        RidgeDynamics core = new RidgeDynamics(3, 6, DynamicsDefaults.RIDGE_SIGNAL, DynamicsDefaults.RIDGE_NOISE,
            DynamicsDefaults.RIDGE_INIT, DynamicsDefaults.RIDGE_GAMMA, GradientMethod.flow());
        assertArrayEquals(core.theory(grid()).curve("test_risk").values(), Tables.doubles(node.table(0), "test_theory"),
            0.0);
    }

    private static BufferedDataTable smallMixture(final Object missingX, final Object thirdLabel) {
        DataTableSpec spec = Tables.spec("x1", DoubleCell.TYPE, "x2", DoubleCell.TYPE, "label", StringCell.TYPE);
        return Tables.table(spec,
            new Object[] {1.0, 0.5, "a"}, new Object[] {1.5, -0.5, "a"}, new Object[] {2.0, 0.1, "a"},
            new Object[] {missingX, 0.2, "b"}, new Object[] {-1.0, 0.3, "b"}, new Object[] {-2.0, -0.4, "b"},
            new Object[] {-1.5, 0.0, thirdLabel});
    }

    /** Missing values stop the node naming row and column, or are skipped with a warning; a third class is refused. */
    @Test
    void missingValuesAndExtraClassesInTheTable() throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> strict = node("gmm", DynamicsSimulatorSettings.KEY_SIMULATE, false,
            DynamicsSimulatorSettings.KEY_CLASS_COLUMN, "label");
        InvalidSettingsException missing = assertThrows(InvalidSettingsException.class,
            () -> strict.execute(smallMixture(null, "b")));
        assertTrue(missing.getMessage().contains("Row 'Row3' of the input table has a missing value in column 'x1'"),
            missing.getMessage());
        InvalidSettingsException nan = assertThrows(InvalidSettingsException.class,
            () -> strict.execute(smallMixture(Double.NaN, "b")));
        assertTrue(nan.getMessage().contains("Row 'Row3' of the input table has the value NaN in column 'x1'"),
            nan.getMessage());
        InvalidSettingsException third = assertThrows(InvalidSettingsException.class,
            () -> strict.execute(smallMixture(-1.2, "c")));
        assertTrue(third.getMessage().contains("more than two values (a, b, c"), third.getMessage());

        NodeHarness<DynamicsSimulatorNodeModel> lenient = node("gmm", DynamicsSimulatorSettings.KEY_SIMULATE, false,
            DynamicsSimulatorSettings.KEY_CLASS_COLUMN, "label", DynamicsSimulatorSettings.KEY_SKIP_MISSING, true);
        lenient.execute(smallMixture(null, null));
        assertTrue(lenient.warning().contains("2 rows with missing"), lenient.warning());
        assertTrue(lenient.model().chart() != null);
    }

    /** Bad settings and tables are refused with a message that says what to change. */
    @Test
    void badSettingsGiveMessagesThatSayHowToFixThem() throws Exception {
        assertRefused("Swap the two values", null, "gmm", "gmm_time_from", 1000.0, "gmm_time_to", 0.01);
        assertRefused("must be a number > 0", null, "gmm", "gmm_time_from", 0.0);
        assertRefused("simulating needs at least 1 trial", null, "gmm", DynamicsSimulatorSettings.KEY_TRIALS, 0);
        // theory only: trials do not matter
        node("gmm", DynamicsSimulatorSettings.KEY_TRIALS, 0, DynamicsSimulatorSettings.KEY_SIMULATE, false)
            .configure((PortObjectSpec) null);
        // c = 1/2, rho = 2: the class spike at c + 1 + rho + c/rho = 3.75 is the largest curvature; 1 x 3.75 >= 2
        assertRefused("Choose alpha < 0.533", null, "gmm", "gmm_method", "descent", "gmm_alpha", 1.0);
        assertRefused("must be a finite number > 0", null, "gmm", "gmm_method", "descent", "gmm_alpha", -0.1);
        assertRefused("Not enough memory", null, "ridge", "ridge_p", 1_000_000, "ridge_n", 1_000_000);
        assertRefused("Choose one of: gmm, ridge, deep-linear, one-step, random-features", null, "spiral");
        assertRefused("Unknown engine 'dfmt'", null, "random-features", "random-features_engine", "dfmt");
        assertRefused("ensemble size K must be 0", null, "random-features", "random-features_ensemble", 1);
        assertRefused("psiN (features per dimension N/D)", null, "random-features", "random-features_psi_n", 0.0);
        assertRefused("Not enough memory", null, "random-features", "random-features_p", 1_000_000);
        assertRefused("Unknown activation 'rleu'", null, "one-step", "one-step_student", "rleu");
        assertRefused("deep-linear_depth", null, "deep-linear", "deep-linear_depth", 1);

        DataTableSpec noClass = Tables.spec("x1", DoubleCell.TYPE, "x2", DoubleCell.TYPE);
        assertRefused("no class column 'class'", noClass, "gmm");
        DataTableSpec noFeatures = Tables.spec("y", DoubleCell.TYPE, "class", IntCell.TYPE, "name", StringCell.TYPE);
        assertRefused("no numeric feature columns", noFeatures, "gmm");
    }

    /** The settings are refused when applied (dialog OK) or when the node is configured, with this message. */
    private static void assertRefused(final String part, final DataTableSpec in, final String model,
        final Object... keysAndValues) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> node(model, keysAndValues).configure(in));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    /** Cancelling mid-simulation stops the node and leaves no chart behind. */
    @Test
    void cancelStopsTheSimulation() throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> node = node("gmm", DynamicsSimulatorSettings.KEY_TRIALS, 50);
        TestExecution exec = TestExecution.cancellingAfter(30);
        assertThrows(CanceledExecutionException.class, () -> node.execute(exec, (BufferedDataTable) null));
        assertNull(node.model().chart());
        assertTrue(exec.lastProgress() > 0 && exec.lastProgress() < 1, "progress " + exec.lastProgress());
    }

    /** Same seed, same numbers; another seed, other simulated numbers but the same theory. */
    @Test
    void sameSeedSameTable() throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> a = node("gmm");
        NodeHarness<DynamicsSimulatorNodeModel> b = node("gmm");
        NodeHarness<DynamicsSimulatorNodeModel> c = node("gmm", DynamicsSimulatorSettings.KEY_SEED, SEED + 1);
        a.execute((BufferedDataTable) null);
        b.execute((BufferedDataTable) null);
        c.execute((BufferedDataTable) null);
        assertEquals(Tables.values(a.table(0)), Tables.values(b.table(0)));
        assertArrayEquals(Tables.doubles(a.table(0), "test_theory"), Tables.doubles(c.table(0), "test_theory"), 0.0);
        assertTrue(Tables.doubles(a.table(0), "test_sim")[5] != Tables.doubles(c.table(0), "test_sim")[5]);
    }

    /**
     * The image port holds a PNG of the size of ChartOutput, rendered headlessly, with a real chart in it:
     * many colours (curves, points, text) and a good share of non-white pixels. The chart survives a reload.
     */
    @Test
    void pngIsRenderedAndKeptInTheInternals(@TempDir final Path dir) throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> node = node("gmm");
        node.execute((BufferedDataTable) null);
        assertInstanceOf(ImagePortObject.class, node.output(1));
        byte[] png = node.model().chart().png();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(ChartOutput.WIDTH, img.getWidth());
        assertEquals(ChartOutput.HEIGHT, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        int ink = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                ink += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        assertTrue(colours.size() > 20, colours.size() + " colours");
        assertTrue(ink > 0.02 * img.getWidth() * img.getHeight() / 4, ink + " non-white pixels");
        File internals = dir.toFile();
        NodeHarness<DynamicsSimulatorNodeModel> reloaded = node.internalsReloaded(internals);
        assertArrayEquals(png, reloaded.model().chart().png());
        node.reset();
        assertNull(node.model().chart());
    }

    @Test
    void settingsRoundTripAndOldWorkflowsLoadDefaults() throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> node = node("ridge", "ridge_noise", 0.7, "gmm_rho", 3.0);
        assertEquals(node.saveSettings(), node.reloaded().saveSettings());
        // a workflow saved before the input-table options and the ridge model existed
        NodeSettings old = new NodeSettings("model");
        old.addString(DynamicsSimulatorSettings.KEY_MODEL, "gmm");
        old.addInt(DynamicsSimulatorSettings.KEY_TRIALS, 2);
        old.addDouble("gmm_rho", 4.0);
        NodeHarness<DynamicsSimulatorNodeModel> fresh = NodeHarness.of(new DynamicsSimulatorNodeFactory());
        fresh.loadSettings(old);
        NodeSettings loaded = fresh.saveSettings();
        assertEquals(4.0, loaded.getDouble("gmm_rho"), 0.0);
        assertEquals(2, loaded.getInt(DynamicsSimulatorSettings.KEY_TRIALS));
        assertEquals("class", loaded.getString(DynamicsSimulatorSettings.KEY_CLASS_COLUMN));
        assertEquals(DynamicsDefaults.RIDGE_NOISE, loaded.getDouble("ridge_noise"), 0.0);
        assertEquals(DynamicsDefaults.TIME_TO, loaded.getDouble("gmm_time_to"), 0.0);
        assertEquals(DynamicsDefaults.RANDOM_FEATURES_PSI_P, loaded.getDouble("random-features_psi_p"), 0.0);
        assertEquals(DynamicsDefaults.RANDOM_FEATURES_HERMITIAN, loaded.getBoolean("random-features_hermitian"));
    }

    /** The dialog opens without an input table (no column pickers) and gives back the settings unchanged. */
    @Test
    void dialogOpensWithoutInputAndRoundTrips() throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> node = node("ridge", "ridge_noise", 0.7);
        NodeSettings before = node.saveSettings();
        assertEquals(before, node.dialogRoundTrip((PortObjectSpec) null));
    }

    @Test
    void viewShowsTheChart() throws Exception {
        NodeHarness<DynamicsSimulatorNodeModel> node = node("gmm", DynamicsSimulatorSettings.KEY_SIMULATE, false);
        node.execute((BufferedDataTable) null);
        assertNotNull(node.openView(0));
    }

    @Test
    void descriptionIsWellFormed() throws Exception {
        assertEquals("knimeNode", NodeHarness.of(new DynamicsSimulatorNodeFactory()).nodeDescription()
            .getDocumentElement().getNodeName());
    }

    /** The generated table's layout, which the defaults of the input-table options assume: features, y, class. */
    @Test
    void generatedTableHasTheExpectedColumns() throws Exception {
        BufferedDataTable t = generated(4, 10, 1);
        assertEquals(List.of("x1", "x2", "x3", "x4", "y", "class"), List.of(t.getDataTableSpec().getColumnNames()));
    }
}
