package org.rmtlab.core.kernel;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

/**
 * Timing of kernel matrices (not a unit test; run by hand):
 * {@code java -cp plugin/target/classes:plugin/target/test-classes:plugin/lib/* org.rmtlab.core.kernel.KernelMatrixTiming [n] [p]}.
 * For normalised and raw-scale mixture data it times the Gram matrix X^T X, then the kernel step
 * (inner products to kernel values) of every activation with its factory kernel, and for closed forms
 * also with the Hermite series, reporting the largest difference between the two relative to
 * sqrt(K_ii K_jj). Best of three runs after a warm-up.
 */
public final class KernelMatrixTiming {
    private KernelMatrixTiming() {
    }

    public static void main(final String[] args) throws CancelledException {
        final int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        final int p = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        for (Scale scale : Scale.values()) {
            final DMatrixRMaj x = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, n, 0, p, 4, 0, scale, 1)).train().x();
            final DMatrixRMaj gram = new DMatrixRMaj(n, n);
            final long t0 = System.nanoTime();
            CommonOps_MT_DDRM.multInner(x, gram);
            System.out.printf(Locale.ROOT, "%s data, n = %d, p = %d: Gram X^T X %.0f ms%n", scale.id(), n, p,
                (System.nanoTime() - t0) / 1e6);
            final double[] norms = new double[n];
            for (int i = 0; i < n; i++) {
                norms[i] = gram.get(i, i);
            }
            for (ActivationInfo info : Activations.catalogue()) {
                final Activation a = Activations.byId(info.id());
                final ExpectedKernel k = ExpectedKernels.forActivation(a);
                final DMatrixRMaj km = gram.copy();
                final double ms = best(k, norms, gram, km);
                String line = String.format(Locale.ROOT, "  %-14s %-16s %8.0f ms", info.id(), info.kernel(), ms);
                if (info.closedForm()) {
                    final DMatrixRMaj hm = gram.copy();
                    final double hms = best(ExpectedKernels.numerical(a), norms, gram, hm);
                    double diff = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = i; j < n; j++) {
                            final double s = Math.sqrt(km.get(i, i) * km.get(j, j));
                            diff = Math.max(diff, Math.abs(km.get(i, j) - hm.get(i, j)) / (s > 0 ? s : 1));
                        }
                    }
                    line += String.format(Locale.ROOT, "   Hermite series %8.0f ms, max difference %.1e", hms, diff);
                }
                System.out.println(line);
            }
        }
    }

    /** Best of three timed runs of the kernel step after one warm-up; leaves the result in {@code out}. */
    private static double best(final ExpectedKernel k, final double[] norms, final DMatrixRMaj gram, final DMatrixRMaj out)
        throws CancelledException {
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 4; rep++) {
            out.setTo(gram);
            final long t0 = System.nanoTime();
            k.applyToGram(norms, norms, out, true, Progress.NONE);
            if (rep > 0) {
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            }
        }
        return best;
    }
}
