package org.rmtlab.core.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Complex;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.GaussLegendre;

class SampleCovarianceLawTest {

    @Test
    void isotropicPopulationGivesMarchenkoPasturToRoundingLevel() {
        for (double c : new double[] {0.2, 1, 3}) {
            for (SampleMatrix side : SampleMatrix.values()) {
                final SampleCovarianceLaw law = new SampleCovarianceLaw(PopulationSpectrum.isotropic(2), c, side);
                final MarchenkoPastur mp = MarchenkoPastur.of(c, 2, side);
                final String where = "c = " + c + ", " + side;
                assertEquals(1, law.support().size(), where);
                assertEquals(mp.lowerEdge(), law.lowerEdge(), 1e-13 * mp.upperEdge(), "lower edge, " + where);
                assertEquals(mp.upperEdge(), law.upperEdge(), 1e-13 * mp.upperEdge(), "upper edge, " + where);
                assertEquals(mp.atom(), law.atom(), 0, where);
                assertEquals(1 - mp.atom(), law.continuousMass(), 1e-13, "mass, " + where);
                assertTrue(law.worstResidual() < 1e-13, "residual " + law.worstResidual());
                for (int i = 1; i < 100; i++) {
                    final double x = mp.lowerEdge() + (mp.upperEdge() - mp.lowerEdge()) * i / 100.0;
                    assertEquals(mp.density(x), law.density(x), 1e-12 * mp.density(x), "density(" + x + "), " + where);
                    assertEquals(mp.cdf(x), law.cdf(x), 1e-13, "cdf(" + x + "), " + where);
                }
                for (double u : new double[] {0.01, 0.3, 0.999}) {
                    assertEquals(mp.quantile(u), law.quantile(u), 1e-11 * mp.upperEdge(), "quantile, " + where);
                }
                for (Complex z : new Complex[] {new Complex(1, 1e-3), new Complex(0.3, 2), new Complex(-4, -0.1),
                    Complex.real(-0.7), Complex.real(40)}) {
                    final Complex expected = mp.stieltjes(z);
                    final Complex m = law.stieltjes(z);
                    assertEquals(expected.re(), m.re(), 1e-12 * expected.abs(), "Re m(" + z + "), " + where);
                    assertEquals(expected.im(), m.im(), 1e-12 * expected.abs(), "Im m(" + z + "), " + where);
                }
                if (c != 1) {
                    assertEquals(mp.edgeScale(false, 300), law.edgeScale(false, 300), 1e-9 * mp.edgeScale(false, 300));
                }
                assertEquals(mp.edgeScale(true, 300), law.edgeScale(true, 300), 1e-9 * mp.edgeScale(true, 300));
            }
        }
    }

    @Test
    void solverReportsConvergenceAndAgreesWithTheEquation() {
        final SilversteinEquation eq = new SilversteinEquation(PopulationSpectrum.powerLaw(40, 1), 0.3);
        for (Complex z : new Complex[] {new Complex(0.5, 1e-8), new Complex(2, 1e-3), new Complex(-1, 5),
            Complex.real(eq.support().get(0).lower() + 1e-3)}) {
            final SilversteinSolution s = eq.solve(z);
            assertTrue(s.converged(), "converged at " + z);
            assertTrue(s.residual() < 1e-13, "residual " + s.residual() + " at " + z);
            assertTrue(s.y().im() >= 0, "root in the closed upper half plane at " + z);
            final Complex back = eq.map(s.y());
            assertEquals(z.re(), back.re(), 1e-12 * (1 + z.abs()));
            assertEquals(z.im(), back.im(), 1e-12 * (1 + z.abs()));
            // m~ = -1/y satisfies the original form z = -1/m~ + c sum w tau / (1 + tau m~)
            final Complex mt = s.companion();
            Complex rhs = mt.reciprocal().negate();
            final PopulationSpectrum h = eq.population();
            for (int k = 0; k < h.size(); k++) {
                rhs = rhs.plus(Complex.real(0.3 * h.weight(k) * h.eigenvalue(k))
                    .divide(mt.times(h.eigenvalue(k)).plus(1)));
            }
            assertEquals(z.re(), rhs.re(), 1e-11 * (1 + z.abs()), "Silverstein equation at " + z);
            assertEquals(z.im(), rhs.im(), 1e-11 * (1 + z.abs()), "Silverstein equation at " + z);
        }
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> eq.solveReal(0.5 * (eq.support().get(0).lower() + eq.support().get(0).upper())));
        assertTrue(e.getMessage().contains("inside the support"), e.getMessage());
    }

    @Test
    void tabulationReportsProgressAndCanBeCancelled() throws CancelledException {
        final SilversteinEquation eq = new SilversteinEquation(PopulationSpectrum.powerLaw(50, 1), 0.05);
        final List<Double> seen = new ArrayList<>();
        final Progress record = new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                seen.add(fraction);
            }

            @Override
            public void checkCancelled() {
                // never
            }
        };
        final SampleCovarianceLaw law = SampleCovarianceLaw.of(eq, SampleMatrix.COVARIANCE, record);
        assertEquals(eq.support().size() + 1, seen.size(), "one report per interval and the final one");
        assertEquals(1.0, seen.get(seen.size() - 1), 0);
        assertEquals(new SampleCovarianceLaw(eq, SampleMatrix.COVARIANCE).cdf(1), law.cdf(1), 0);
        final Progress cancel = new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                // ignored
            }

            @Override
            public void checkCancelled() throws CancelledException {
                throw new CancelledException();
            }
        };
        assertThrows(CancelledException.class, () -> SampleCovarianceLaw.of(eq, SampleMatrix.GRAM, cancel));
    }

    @Test
    void separatedPopulationGivesSeparatedIntervalsWithTheirMass() {
        // tau in {1, 10} with weights 0.3/0.7: well apart at small c, merged at large c
        final PopulationSpectrum h = PopulationSpectrum.twoPoint(1, 10, 0.3);
        final SampleCovarianceLaw small = new SampleCovarianceLaw(h, 0.05, SampleMatrix.COVARIANCE);
        final List<SupportInterval> s = small.support();
        assertEquals(2, s.size());
        assertEquals(0.3, small.cdf(s.get(0).upper()), 1e-12, "mass of the cluster around 1");
        assertEquals(1, small.cdf(s.get(1).upper()), 1e-12);
        assertEquals(0, small.density(0.5 * (s.get(0).upper() + s.get(1).lower())), 0, "density in the gap");
        assertEquals(1, new SampleCovarianceLaw(h, 2, SampleMatrix.COVARIANCE).support().size(), "merged at c = 2");
    }

    @Test
    void stieltjesIsTheTransformOfTheDensityAndAtom() {
        // m(z) against the integral of density/(t - z) over the support (theta panels) plus atom/(0 - z)
        final GaussLegendre rule = new GaussLegendre(16);
        for (double c : new double[] {0.05, 2}) {
            for (SampleMatrix side : SampleMatrix.values()) {
                final SampleCovarianceLaw law = new SampleCovarianceLaw(PopulationSpectrum.twoPoint(1, 10, 0.3), c, side);
                for (Complex z : new Complex[] {new Complex(3, 0.5), new Complex(12, 2), Complex.real(-1)}) {
                    Complex sum = law.atom() > 0 ? Complex.real(law.atom()).divide(z.negate()) : Complex.ZERO;
                    for (SupportInterval s : law.support()) {
                        for (int j = 0; j < 200; j++) {
                            final double from = Math.PI * j / 200;
                            final double to = Math.PI * (j + 1) / 200;
                            for (int k = 0; k < rule.order(); k++) {
                                final double theta = rule.node(k, from, to);
                                final double h = Math.sin(0.5 * theta);
                                final double t = s.lower() + s.width() * h * h;
                                final double w = rule.weight(k, from, to) * law.density(t) * 0.5 * s.width()
                                    * Math.sin(theta);
                                sum = sum.plus(Complex.real(w).divide(Complex.real(t).minus(z)));
                            }
                        }
                    }
                    final Complex m = law.stieltjes(z);
                    // the integrand is smooth in theta and 1/(t - z) is at distance >= 0.5 from the support
                    assertEquals(sum.re(), m.re(), 1e-10 * (1 + m.abs()), "Re m(" + z + "), c = " + c + ", " + side);
                    assertEquals(sum.im(), m.im(), 1e-10 * (1 + m.abs()), "Im m(" + z + "), c = " + c + ", " + side);
                }
            }
        }
    }

    @Test
    void simulatedSpectraFollowTheLawOnBothSides() {
        // two-point population tau in {1, 4}: one bulk at c = 0.5 that is not Marchenko-Pastur
        final PopulationSpectrum h = PopulationSpectrum.twoPoint(1, 4, 0.5);
        final int p = 400;
        final int n = 800;
        final SampleCovarianceLaw cov = new SampleCovarianceLaw(h, 0.5, SampleMatrix.COVARIANCE);
        final SampleCovarianceLaw gram = new SampleCovarianceLaw(h, 0.5, SampleMatrix.GRAM);
        final EmpiricalSpectrum es = EmpiricalSpectrum.of(Simulations.gaussian(h.diagonal(p), n, 11), SampleMatrix.COVARIANCE);
        final double ks = es.kolmogorovDistance(cov);
        assertTrue(ks < Simulations.ksTolerance(p), "KS " + ks + " vs " + Simulations.ksTolerance(p));
        final double ksg = es.companion().kolmogorovDistance(gram);
        assertTrue(ksg < Simulations.ksTolerance(n), "Gram KS " + ksg + " vs " + Simulations.ksTolerance(n));
        // the test can fail: Marchenko-Pastur with the same mean eigenvalue is far
        final double wrong = es.kolmogorovDistance(MarchenkoPastur.of(0.5, h.mean()));
        assertTrue(wrong > 5 * Simulations.ksTolerance(p), "KS to Marchenko-Pastur " + wrong);
        // extreme eigenvalues stay within a few Tracy-Widom scales of the edges
        final double[] e = es.eigenvalues();
        assertEquals(cov.upperEdge(), e[p - 1], 6 * cov.edgeScale(true, p), "largest eigenvalue");
        assertEquals(cov.lowerEdge(), e[0], 6 * cov.edgeScale(false, p), "smallest eigenvalue");
        assertEquals(0, es.outliers(cov, EmpiricalSpectrum.DEFAULT_EDGE_MARGIN).count(), "no outliers");
    }

    @Test
    void eigenvaluesSeparateExactlyAsThePopulationDoes() {
        // Bai and Silverstein (1999), exact separation: with a gap in the support, the number of sample
        // eigenvalues below it equals the number of population eigenvalues of the lower cluster
        final PopulationSpectrum h = PopulationSpectrum.weighted(new double[] {0.5, 1, 8, 12}, new double[] {1, 1, 1, 1});
        final int p = 100;
        final int n = 2000;
        final SampleCovarianceLaw law = new SampleCovarianceLaw(h, p / (double) n, SampleMatrix.COVARIANCE);
        assertTrue(law.density(3) == 0 && law.cdf(3) > 0 && law.cdf(3) < 1, "3 lies in a gap: " + law.support());
        double gap = 3;
        for (int i = 0; i + 1 < law.support().size(); i++) {
            if (law.support().get(i).upper() < 3 && law.support().get(i + 1).lower() > 3) {
                gap = 0.5 * (law.support().get(i).upper() + law.support().get(i + 1).lower());
            }
        }
        assertEquals(0.5, law.cdf(gap), 1e-12, "half the mass below the gap");
        for (long seed = 1; seed <= 3; seed++) {
            final double[] e = EmpiricalSpectrum.of(Simulations.gaussian(h.diagonal(p), n, seed), SampleMatrix.COVARIANCE)
                .eigenvalues();
            int below = 0;
            for (double v : e) {
                below += v < gap ? 1 : 0;
            }
            assertEquals(p / 2, below, "eigenvalues below the gap, seed " + seed);
        }
    }

    @Test
    void powerLawPopulationMatchesSimulation() {
        final PopulationSpectrum h = PopulationSpectrum.powerLaw(50, 1);
        final int p = 200;
        final int n = 100;
        final SampleCovarianceLaw law = new SampleCovarianceLaw(h, 2, SampleMatrix.COVARIANCE);
        assertEquals(0.5, law.continuousMass(), 1e-12);
        final EmpiricalSpectrum es = EmpiricalSpectrum.of(Simulations.gaussian(h.diagonal(p), n, 5), SampleMatrix.COVARIANCE);
        assertEquals(p - n, es.zeroCount());
        final double ks = es.kolmogorovDistance(law);
        assertTrue(ks < Simulations.ksTolerance(p), "KS " + ks + " vs " + Simulations.ksTolerance(p));
    }
}
