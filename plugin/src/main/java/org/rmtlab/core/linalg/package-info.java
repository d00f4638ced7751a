/**
 * Dense linear algebra of the solver core, in one place: every package forms its Gram matrices, products,
 * factorisations and eigendecompositions here rather than with a kernel of its own.
 *
 * <ul>
 * <li>{@link org.rmtlab.core.linalg.SymmetricGram}: G += s A^T A (upper triangle, zero rows of a column
 * skipped), and the full products s X X^T and s X^T X.</li>
 * <li>{@link org.rmtlab.core.linalg.DenseProduct}: C = A B with B packed once, for products with a fixed right
 * factor (the data X in sigma(W X), the training data in cross kernels, the eigenvectors of a kernel).</li>
 * <li>{@link org.rmtlab.core.linalg.Cholesky}: blocked factorisation A = U^T U whose leading blocks factor the
 * leading blocks of A, triangular solves, the inverse and a definiteness test.</li>
 * <li>{@link org.rmtlab.core.linalg.SymmetricEigen}: EJML's symmetric eigensolver with the row-major or the
 * blocked tridiagonalisation chosen by size, values ascending, vectors as columns.</li>
 * <li>{@link org.rmtlab.core.linalg.MatrixVector}: products of a row-major matrix or its transpose with a
 * vector, and dot products.</li>
 * </ul>
 *
 * <p>Conventions: matrices are row-major ({@code DMatrixRMaj} or a plain array with an explicit row
 * stride); symmetric results are computed in their upper triangle and mirrored where a full matrix is
 * returned. Determinism: the parallel variants split the output among threads and compute every entry
 * with the same sequence of operations as the serial variant, so results are bit-identical whatever the
 * number of threads (tested); the eigensolver is single-threaded.
 *
 * <p>Why own kernels beside EJML: measured on the 2-core build machine, the Gram and product kernels here
 * run 3 to 8 times faster than {@code CommonOps_DDRM.multTransA}, {@code multOuter} and {@code mult} on the
 * shapes of this project (numbers in each class and in {@code bench/README.md}); EJML does the
 * eigendecompositions.
 */
package org.rmtlab.core.linalg;
