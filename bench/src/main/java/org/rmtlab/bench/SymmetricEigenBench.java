package org.rmtlab.bench;

import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecompositionHouseholder_DDRM;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecompositionHouseholder_MT_DDRM;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecomposition_DDRB_to_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rmtlab.core.linalg.SymmetricEigen;
import org.rmtlab.core.linalg.SymmetricGram;
import org.rmtlab.core.util.Rng;

/**
 * Eigenvalues (no vectors) of a symmetric n x n Wishart matrix with EJML's symmetric QR algorithm,
 * after the tridiagonal reduction done row-major, row-major multithreaded, or blocked. The tridiagonal
 * reduction is the O(n^3) part, so this is where the variants differ. {@link #linalg()} is what the solver
 * core uses ({@link SymmetricEigen}, which picks the variant by size), including its sorting and copying.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class SymmetricEigenBench {

    @Param({"1024", "2048"})
    public int n;

    private DMatrixRMaj wishart;
    private DMatrixRMaj work;

    @Setup(Level.Trial)
    public void setUp() {
        final DMatrixRMaj x = new DMatrixRMaj(n, n);
        new Rng(1).gaussians(x.data, 1.0);
        wishart = SymmetricGram.outer(x, 1);
        work = new DMatrixRMaj(n, n);
    }

    private double run(final EigenDecomposition_F64<DMatrixRMaj> eig) {
        work.setTo(wishart);
        if (!eig.decompose(work)) {
            throw new IllegalStateException("eigen decomposition failed");
        }
        return eig.getEigenvalue(0).real;
    }

    @Benchmark
    public double rowMajor() {
        return run(new SymmetricQRAlgorithmDecomposition_DDRM(new TridiagonalDecompositionHouseholder_DDRM(), false));
    }

    @Benchmark
    public double rowMajorMultithreaded() {
        return run(new SymmetricQRAlgorithmDecomposition_DDRM(new TridiagonalDecompositionHouseholder_MT_DDRM(), false));
    }

    @Benchmark
    public double blocked() {
        return run(new SymmetricQRAlgorithmDecomposition_DDRM(new TridiagonalDecomposition_DDRB_to_DDRM(), false));
    }

    @Benchmark
    public double linalg() {
        return SymmetricEigen.eigenvalues(wishart)[0];
    }
}
