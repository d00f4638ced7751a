package org.rmtlab.bench;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.ExpectedKernels;

/**
 * The inputs every benchmark shares: MNIST-sized two-class Gaussian-mixture data (p = 784, ||mu||^2 = 4,
 * normalised so that ||x|| is about 1, the scale of the theory), ReLU features, and the log-spaced grids of the
 * CLI's defaults.
 */
final class Workloads {
    static final int P = 784;
    static final double RHO = 4;
    static final double NOISE = 0.1;
    static final String ACTIVATION = "relu";
    /** Ridge of the double-descent sweeps (the CLI default): small, so that the test error peaks at N = n. */
    static final double GAMMA = 1e-3;

    private Workloads() {
    }

    /** n training and nTest test samples of the mixture, fixed seed. */
    static GeneratedData mixture(final int n, final int nTest) {
        return DataGenerator.generate(new DataSpec(DataModel.MIXTURE, n, nTest, P, RHO, NOISE, Scale.NORMALISED, 1));
    }

    /** The n x n expected ReLU kernel of the training samples. */
    static DMatrixRMaj reluKernel(final int n) {
        return ExpectedKernels.matrix(ExpectedKernels.forActivation(Activations.byId(ACTIVATION)),
            mixture(n, 0).train().x());
    }

    /** count values log-spaced from {@code from} to {@code to}, both included. */
    static double[] logGrid(final double from, final double to, final int count) {
        final double[] g = new double[count];
        for (int k = 0; k < count; k++) {
            g[k] = from * Math.pow(to / from, count == 1 ? 0 : k / (count - 1.0));
        }
        return g;
    }
}
