package org.rmtlab.core.resolvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.ExpectedKernels;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

class NonlinearGramEquivalentTest {

    /**
     * K = I_n: delta = 1 / (c / (1 + delta) + gamma) is the quadratic gamma d^2 + (c + gamma - 1) d - 1 = 0
     * (the Marchenko–Pastur equation), whose positive root is known in closed form. Newton must reach it
     * to rounding for ridges from 1e-8 to 1e4: g(delta) is evaluated with an error of a few ulps of
     * 1 + delta, so the root is determined to 16 eps (1 + delta) / g'(delta); g' = 1 - c / (c + gamma (1 + delta))^2
     * is as small as 2e-4 at c = 1, gamma = 1e-8.
     */
    @Test
    void deltaMatchesClosedFormForIdentityKernel() {
        final NonlinearGramEquivalent eq = NonlinearGramEquivalent.ofKernel(CommonOps_DDRM.identity(50));
        for (double c : new double[] {0.1, 0.5, 1, 2, 10}) {
            for (double gamma : new double[] {1e-8, 1e-3, 0.1, 1, 1e4}) {
                final double b = c + gamma - 1;
                // root of gamma d^2 + b d - 1 written without cancellation
                final double exact = b >= 0 ? 2 / (b + Math.sqrt(b * b + 4 * gamma))
                    : (-b + Math.sqrt(b * b + 4 * gamma)) / (2 * gamma);
                final DeltaSolution s = eq.delta(c, gamma);
                final double t = 1 + exact;
                final double slope = 1 - c / ((c + gamma * t) * (c + gamma * t));
                assertEquals(exact, s.delta(), 1e-13 * exact + 16 * Math.ulp(1.0) * t / slope,
                    "c = " + c + ", gamma = " + gamma);
                assertTrue(s.residual() <= 1e-12 * (1 + exact));
                assertTrue(s.iterations() <= 60, "iterations " + s.iterations());
            }
        }
    }

    /**
     * A general spectrum: the Newton solution satisfies the fixed point computed independently with the
     * dense matrix Qbar, (1/n) tr(K Qbar) = delta, to 1e-10 relative.
     */
    @Test
    void deltaIsTheFixedPointOfTheDenseEquation() {
        final GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 80, 0, 40, 4, 0,
            Scale.NORMALISED, 3));
        final DMatrixRMaj k = ExpectedKernels.matrix(ExpectedKernels.forActivation(Activations.byId("relu")),
            d.train().x());
        final NonlinearGramEquivalent eq = NonlinearGramEquivalent.ofKernel(k);
        for (double c : new double[] {0.3, 1, 3}) {
            for (double gamma : new double[] {1e-6, 0.01, 10}) {
                final GramResolvent r = eq.at(c, gamma);
                final DMatrixRMaj qbarInverse = k.copy();
                CommonOps_DDRM.scale(c / (1 + r.delta().delta()), qbarInverse);
                for (int i = 0; i < 80; i++) {
                    qbarInverse.add(i, i, gamma);
                }
                final DMatrixRMaj kq = new DMatrixRMaj(80, 80);
                CommonOps_DDRM.solve(qbarInverse, k, kq);
                final double traceKq = CommonOps_DDRM.trace(kq) / 80;
                assertEquals(traceKq, r.delta().delta(), 1e-10 * traceKq, "c = " + c + ", gamma = " + gamma);
                // the eigenbasis route and the dense inverse agree on (1/n) tr Qbar too
                final DMatrixRMaj inv = new DMatrixRMaj(80, 80);
                CommonOps_DDRM.invert(qbarInverse, inv);
                assertEquals(CommonOps_DDRM.trace(inv) / 80, r.normalizedTrace(), 1e-9 * r.normalizedTrace());
            }
        }
    }

    /**
     * LLC18 Theorem 1 against Monte Carlo at n = p = 512: (1/n) tr Q averaged over 3 draws of W vs
     * (1/n) tr Qbar. The normalised trace fluctuates by O(1/n) per draw (the standard error is measured)
     * and the deterministic equivalent carries an O(1/n) bias; allowed: 4 standard errors + 2/n relative.
     * (1/n) tr(K E[Q]) vs delta = (1/n) tr(K Qbar) is held to 1% (5/n) for the same reasons.
     */
    @Test
    void expectedResolventMatchesQbarForReluAndLinear() throws CancelledException {
        checkExpectedResolvent(Activations.byId("relu"));
        checkExpectedResolvent(Activations.byId("linear"));
    }

    @Test
    void expectedResolventMatchesQbarForErf() throws CancelledException {
        Assumptions.assumeTrue(Activations.ids().contains("erf"), "erf is not among the activations yet");
        checkExpectedResolvent(Activations.byId("erf"));
    }

    private static void checkExpectedResolvent(final Activation sigma) throws CancelledException {
        final int n = 512;
        final GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, n, 0, n, 4, 0,
            Scale.NORMALISED, 1));
        final DMatrixRMaj k = ExpectedKernels.matrix(ExpectedKernels.forActivation(sigma), d.train().x());
        final NonlinearGramEquivalent eq = NonlinearGramEquivalent.ofKernel(k);
        for (double c : new double[] {0.5, 2}) {
            final double gamma = 0.1;
            final GramResolvent r = eq.at(c, gamma);
            final EmpiricalResolvent e = EmpiricalResolvent.sample(sigma, d.train().x(), (int) (c * n), gamma, 3,
                17, Progress.NONE);
            final String where = sigma.id() + ", N/n = " + c;
            assertEquals(r.normalizedTrace(), e.normalizedTraceMean(),
                4 * e.normalizedTraceStandardError() + 2.0 / n * r.normalizedTrace(), where);
            final DMatrixRMaj kq = new DMatrixRMaj(n, n);
            CommonOps_DDRM.mult(k, e.mean(), kq);
            assertEquals(r.delta().delta(), CommonOps_DDRM.trace(kq) / n, 0.01 * r.delta().delta(), where);
            assertEquals(r.delta().delta(), r.normalizedTraceWith(k), 1e-10 * r.delta().delta(), where);
        }
    }

    /** Qbar applied through the eigenbasis equals the dense Qbar, and the quadratic form is consistent. */
    @Test
    void qbarActionAgreesWithDenseMatrix() {
        final GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.TEACHER, 60, 0, 30, 0, 0.1,
            Scale.NORMALISED, 2));
        final NonlinearGramEquivalent eq = NonlinearGramEquivalent.of(Activations.byId("relu"), d.train().x());
        final GramResolvent r = eq.at(1.5, 0.05);
        final double[] v = d.train().y();
        final double[] qv = r.apply(v);
        final DMatrixRMaj dense = r.matrix();
        double quad = 0;
        for (int i = 0; i < 60; i++) {
            double s = 0;
            for (int j = 0; j < 60; j++) {
                s += dense.get(i, j) * v[j];
            }
            assertEquals(s, qv[i], 1e-10 * Math.abs(s) + 1e-12);
            quad += v[i] * s;
        }
        assertEquals(quad / 60, r.quadraticForm(v, v), 1e-10 * Math.abs(quad / 60));
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        final NonlinearGramEquivalent eq = NonlinearGramEquivalent.ofKernel(CommonOps_DDRM.identity(4));
        assertThrows(IllegalArgumentException.class, () -> eq.at(0, 1));
        assertThrows(IllegalArgumentException.class, () -> eq.at(1, 0));
        assertThrows(IllegalArgumentException.class, () -> eq.at(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> eq.at(1, Double.POSITIVE_INFINITY));
        final DMatrixRMaj bad = CommonOps_DDRM.identity(3);
        bad.set(0, 1, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> NonlinearGramEquivalent.ofKernel(bad));
        final DMatrixRMaj asym = CommonOps_DDRM.identity(3);
        asym.set(0, 1, 0.5);
        assertThrows(IllegalArgumentException.class, () -> NonlinearGramEquivalent.ofKernel(asym));
        final DMatrixRMaj indefinite = CommonOps_DDRM.identity(2);
        indefinite.set(1, 1, -1);
        assertThrows(IllegalArgumentException.class, () -> NonlinearGramEquivalent.ofKernel(indefinite));
        assertThrows(IllegalArgumentException.class, () -> NonlinearGramEquivalent.ofKernel(new DMatrixRMaj(2, 3)));
    }
}
