package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.Rng;

class MarchenkoPasturQuadratureTest {
    /** Ratios including the hard edge c = 1 and its near neighbours, where the 1/x pole touches the bulk. */
    private static final double[] RATIOS = {0.1, 0.5, 0.9, 0.999999, 1, 1.000001, 2, 10};

    @Test
    // moments of mu_c are the Narayana polynomials: 1, 1, 1 + c, 1 + 3c + c^2
    void momentsMatchNarayanaPolynomials() {
        for (double c : RATIOS) {
            final QuadratureRule r = MarchenkoPasturQuadrature.rule(c);
            assertEquals(1, r.mass(), 1e-13, "mass, c = " + c);
            assertEquals(1, r.integrate(x -> x), 1e-13, "mean, c = " + c);
            assertEquals(1 + c, r.integrate(x -> x * x), 1e-13 * (1 + c), "2nd moment, c = " + c);
            assertEquals(1 + 3 * c + c * c, r.integrate(x -> x * x * x), 1e-13 * (1 + c) * (1 + c), "3rd, c = " + c);
        }
    }

    @Test
    // int dmu/x = 1/(1-c), int dmu/x^2 = 1/(1-c)^3 (c < 1); bulk int dmu/x = 1/(c(c-1)) (c > 1).
    // At c = 1 - 1e-6 these are 1e6 and 1e18: the near-edge pole must be resolved, not just the bulk.
    void inverseMomentsMatchClosedForms() {
        for (double c : RATIOS) {
            final QuadratureRule r = MarchenkoPasturQuadrature.rule(c);
            if (c < 1) {
                assertEquals(1, r.integrate(x -> 1 / x) * (1 - c), 1e-13, "c = " + c);
                assertEquals(1, r.integrate(x -> 1 / (x * x)) * Math.pow(1 - c, 3), 1e-12, "c = " + c);
            } else if (c > 1) {
                assertEquals(1, r.integrate(x -> x == 0 ? 0 : 1 / x) * c * (c - 1), 1e-13, "c = " + c);
            }
        }
    }

    @Test
    // m(z) = int dmu/(x - z) solves c z m^2 - (1 - c - z) m + 1 = 0; at z = -gamma < 0 it is the positive root
    void stieltjesTransformOnTheNegativeAxisMatchesTheQuadraticEquation() {
        for (double c : RATIOS) {
            for (double gamma : new double[] {1e-3, 0.3, 5}) {
                final double z = -gamma;
                final double b = -(1 - c - z);
                final double m = (-b - Math.sqrt(b * b - 4 * c * z)) / (2 * c * z);
                assertEquals(m, MarchenkoPasturQuadrature.rule(c).integrate(x -> 1 / (x + gamma)), 1e-12 * m,
                    "c = " + c + ", gamma = " + gamma);
            }
        }
    }

    @Test
    // The boundary layer of exp(-tau x) at the hard edge (c = 1) against an independent rule: with
    // x = 2 + 2 cos(theta), int f dmu_1 = (1/pi) int_0^pi f(x) (1 - cos theta) dtheta, a smooth periodic
    // integrand for which the trapezoidal rule converges geometrically (200000 points resolve tau = 1e6).
    void exponentialAtTheHardEdgeMatchesAnIndependentRule() {
        final QuadratureRule r = MarchenkoPasturQuadrature.rule(1);
        for (double tau : new double[] {1, 100, 1e4, 1e6}) {
            final int m = 200_000;
            double ref = 0;
            for (int k = 0; k <= m; k++) {
                final double th = Math.PI * k / m;
                final double term = Math.exp(-tau * (2 + 2 * Math.cos(th))) * (1 - Math.cos(th)) / Math.PI;
                ref += (k == 0 || k == m ? 0.5 : 1) * term;
            }
            ref *= Math.PI / m;
            assertEquals(ref, r.integrate(x -> Math.exp(-tau * x)), 1e-10 * ref, "tau = " + tau);
        }
    }

    @Test
    // Monte-Carlo: (1/p) sum_k f(lambda_k) over the eigenvalues of (1/n) X X^T. A linear spectral statistic
    // sum_k f(lambda_k) has O(1) mean shift and O(1) fluctuations (Bai-Silverstein CLT), so the average over
    // p eigenvalues is within a few units of 1/p of the limit: tolerance 3/p.
    void eigenvaluesOfSampleCovariancesFollowTheRule() {
        final Rng rng = new Rng(3);
        for (int[] size : new int[][] {{300, 600}, {400, 200}}) {
            final int p = size[0];
            final int n = size[1];
            final DMatrixRMaj x = new DMatrixRMaj(p, n);
            for (int i = 0; i < x.getNumElements(); i++) {
                x.data[i] = rng.gaussian();
            }
            final double[] lambda = GramSpectrum.of(x).eigenvalues();
            double empirical = 0;
            for (double l : lambda) {
                empirical += Math.exp(-l);
            }
            // the p - n zero eigenvalues of the wide case contribute exp(0) = 1 each
            empirical = (empirical + Math.max(0, p - n)) / p;
            final double theory = MarchenkoPasturQuadrature.rule(p / (double) n).integrate(l -> Math.exp(-l));
            assertEquals(theory, empirical, 3.0 / p, "p = " + p + ", n = " + n);
        }
    }

    @Test
    // the angular rule integrates polynomials of degree < 2 nodes exactly (Narayana moments up to rounding) for every
    // c; the mass, whose integrand 2 sin^2(theta) / (pi x) is smooth and periodic, geometrically at a rate set by the
    // distance l- of the pole x = 0 from the bulk: 64 nodes (as in DeepLinearTheory) reach 1e-12 unless c is near 1
    // (but not 1, where the pole cancels against sin^2): measured 1.3e-4 at c = 0.9, 5e-11 at 0.7, 2e-12 at 1.5
    void angularRuleHasTheRightMoments() {
        for (double c : new double[] {0.1, 0.3, 0.5, 0.9, 0.999999, 1, 1.000001, 2, 2.5, 10}) {
            final QuadratureRule r = MarchenkoPasturQuadrature.angular(c, 64);
            assertEquals(c > 1 ? 65 : 64, r.size());
            if (c == 1 || Math.abs(c - 1) >= 0.5) {
                assertEquals(1, r.mass(), 1e-12, "mass, c = " + c);
            }
            assertEquals(1, r.integrate(x -> x), 1e-12, "mean, c = " + c);
            assertEquals(1 + c, r.integrate(x -> x * x), 1e-12 * (1 + c), "2nd moment, c = " + c);
            assertEquals(1 + 3 * c + c * c, r.integrate(x -> x * x * x), 1e-12 * (1 + c) * (1 + c), "3rd, c = " + c);
        }
        // at the hard edge the bulk nodes stay strictly inside (0, 4) with positive weights
        final QuadratureRule hard = MarchenkoPasturQuadrature.angular(1, 64);
        for (int k = 0; k < hard.size(); k++) {
            assertTrue(hard.node(k) > 0 && hard.node(k) < 4 && hard.weight(k) > 0, "node " + k);
        }
    }

    @Test
    void rejectsBadRatios() {
        assertThrows(IllegalArgumentException.class, () -> MarchenkoPasturQuadrature.rule(0));
        assertThrows(IllegalArgumentException.class, () -> MarchenkoPasturQuadrature.rule(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> MarchenkoPasturQuadrature.rule(Double.POSITIVE_INFINITY));
    }
}
