package org.rmtlab.core.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.rmtlab.core.linalg.SymmetricEigen;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * The Hermitian counterpart of the noiseless random-feature gradient flow (rf-dynamics.md; Bordelon and
 * Pehlevan 2026): dDelta/dt = -M Delta, Delta(0) = -w*, with M = B^{1/2} C B^{1/2}, which has the spectrum
 * of the non-symmetric B C of {@link RandomFeatureFlow}. Its test loss ||Delta||^2/D = (1/D) sum_j
 * e^{-2t lambda_j} (o_j . w*)^2 (M = sum_j lambda_j o_j o_j^T) is a sum of decaying exponentials with
 * non-negative weights, hence non-increasing in every realisation, and tends to 1 - min(psiN, psiP)
 * (the zero modes) when that is positive. In the limit it is (1/D) tr e^{-2tBC}
 * ({@link RandomFeatureFlowResolvent#hermitianTestLoss(double)}). The non-symmetric flow, with the same
 * spectrum, need not be monotone ({@link NonMonotoneTestLoss}).
 */
public final class HermitianCounterpart {
    private final double psiN;
    private final double psiP;

    public HermitianCounterpart(final double psiN, final double psiP) {
        this.psiN = Check.positive("psiN (features per dimension N/D)", psiN);
        this.psiP = Check.positive("psiP (samples per dimension P/D)", psiP);
    }

    /** Long-time limit of the test loss, the mass 1 - min(psiN, psiP) of the zero eigenvalue (0 if negative). */
    public double limit() {
        return new MarchenkoPasturProduct(psiN, psiP).zeroMass();
    }

    /** Limiting test loss (1/D) tr e^{-2tBC} at the given times, named {@link RandomFeatureDynamics#HERMITIAN_TEST_RISK}. */
    public Curve theory(final double[] times) {
        final double[] grid = DynamicsModel.checkTimes(times);
        double horizon = 0;
        for (double t : grid) {
            horizon = Math.max(horizon, t);
        }
        return Curve.theory(RandomFeatureDynamics.HERMITIAN_TEST_RISK,
            new RandomFeatureFlowResolvent(RandomFeatureFlow.noiseless(psiN, psiP), horizon).hermitianTestLoss(grid));
    }

    /**
     * Finite-size simulation, mean over trials and standard error: per trial draws F, X, w* as
     * {@link RandomFeatureFlowSimulation} does (same seed, same matrices), decomposes B and then M.
     */
    public Curve simulate(final int dimension, final double[] times, final int trials, final long seed,
        final Progress progress) throws CancelledException {
        Check.positive("dimension D", dimension);
        final double[] grid = DynamicsModel.checkTimes(times);
        DynamicsModel.checkTrials(trials);
        final int d = dimension;
        final int n = RandomFeatureFlowSimulation.sizeOf("N = psiN D", psiN, d);
        final int p = RandomFeatureFlowSimulation.sizeOf("P = psiP D", psiP, d);
        Memory.require(String.format("Hermitian counterpart simulation with D = %d, N = %d, P = %d", d, n, p),
            Memory.doubles(n, d, 1) + Memory.doubles(d, p, 1) + Memory.doubles(d, d, 7));
        final Rng root = new Rng(seed);
        final CurveAccumulator acc = new CurveAccumulator(grid.length);
        for (int k = 0; k < trials; k++) {
            progress.checkCancelled();
            progress.report(k / (double) trials, "trial " + (k + 1) + " of " + trials);
            acc.add(RandomFeatureDynamics.HERMITIAN_TEST_RISK, trial(d, n, p, grid, root.split(), progress));
        }
        progress.report(1, "done");
        return acc.curves().get(0);
    }

    private static double[] trial(final int d, final int n, final int p, final double[] times, final Rng rng,
        final Progress progress) throws CancelledException {
        final DMatrixRMaj f = new DMatrixRMaj(n, d);
        rng.gaussians(f.data, 1.0);
        final DMatrixRMaj x = new DMatrixRMaj(d, p);
        rng.gaussians(x.data, 1.0);
        final double[] wStar = new double[d];
        rng.gaussians(wStar, 1.0);

        final DMatrixRMaj b = new DMatrixRMaj(d, d);
        CommonOps_MT_DDRM.multTransA(1.0 / n, f, f, b);
        RandomFeatureFlowSimulation.symmetrise(b);
        final SymmetricEigen eigB = SymmetricEigen.of(b);
        progress.checkCancelled();
        // B^{1/2} = O diag(sqrt(lambda)) O^T (eigenvalues clipped at 0 against rounding)
        final DMatrixRMaj scaled = eigB.vectors().copy();
        for (int j = 0; j < d; j++) {
            final double root = Math.sqrt(Math.max(0, eigB.values()[j]));
            for (int i = 0; i < d; i++) {
                scaled.unsafe_set(i, j, scaled.unsafe_get(i, j) * root);
            }
        }
        final DMatrixRMaj sqrtB = new DMatrixRMaj(d, d);
        CommonOps_MT_DDRM.multTransB(scaled, eigB.vectors(), sqrtB);
        final DMatrixRMaj c = new DMatrixRMaj(d, d);
        CommonOps_MT_DDRM.multTransB(1.0 / p, x, x, c);
        final DMatrixRMaj tmp = new DMatrixRMaj(d, d);
        CommonOps_MT_DDRM.mult(sqrtB, c, tmp);
        final DMatrixRMaj m = new DMatrixRMaj(d, d);
        CommonOps_MT_DDRM.mult(tmp, sqrtB, m);
        RandomFeatureFlowSimulation.symmetrise(m);
        final SymmetricEigen eigM = SymmetricEigen.of(m);
        progress.checkCancelled();
        final double[] proj = RandomFeatureFlowSimulation.transposeTimes(eigM.vectors(), wStar);
        final double[] loss = new double[times.length];
        for (int ti = 0; ti < times.length; ti++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += Math.exp(-2 * times[ti] * eigM.values()[j]) * proj[j] * proj[j];
            }
            loss[ti] = sum / d;
        }
        return loss;
    }
}
