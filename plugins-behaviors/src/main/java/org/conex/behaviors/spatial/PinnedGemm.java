package org.conex.behaviors.spatial;

import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GEMM of the spatial kernels' {@link KernelPath#GEMM} path, {@code C = op(A) @ op(B)}, run
 * with ND4J's BLAS pinned to one thread so that its float32 sums do not depend on the thread count.
 *
 * <p>Why: OpenBLAS (ND4J's CPU BLAS) partitions a multi-threaded SGEMM so that the summation order
 * of each output element depends on the number of threads. Measured with ND4J 1.0.0-M2.1 /
 * OpenBLAS 0.3.19 on a 2-core AVX-512 machine: {@code [16,100] @ [100,784]} and larger products
 * differ in the last bits between {@code OMP_NUM_THREADS=1} and {@code 2} (each thread count is
 * reproducible on its own), and setting the BLAS to one thread inside the 2-thread process gives
 * exactly the 1-thread bits. Changing the BLAS thread count costs about 1 ms per call, far more
 * than a GEMM here, so it is done once: the first GEMM of any spatial kernel sets ND4J's BLAS to
 * one thread for the whole process (and again if something raises it later; checking costs a
 * few tens of nanoseconds).
 *
 * <p>Consequences: a network's spikes and weights are bit-identical for every
 * {@code OMP_NUM_THREADS}; ND4J's own OpenMP operations are not affected; BLAS calls elsewhere in
 * the process run single-threaded once a spatial GEMM ran. {@link KernelCost} was measured with
 * one thread, so the path choice is unchanged. The choice itself depends only on spike counts, so
 * it is deterministic too.
 */
final class PinnedGemm {
    private static final Object LOCK = new Object();

    private PinnedGemm() {
    }

    /**
     * {@code c := op(a) @ op(b)} (alpha 1, beta 0) with one BLAS thread.
     *
     * @param c a contiguous result array (not a view)
     */
    static void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB) {
        pinBlasToOneThread();
        Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
    }

    /** Sets ND4J's BLAS to one thread unless it already runs with one. */
    static void pinBlasToOneThread() {
        Blas blas = Nd4j.factory().blas();
        if (blas.getMaxThreads() != 1) {
            synchronized (LOCK) {
                if (blas.getMaxThreads() != 1) {
                    blas.setMaxThreads(1);
                }
            }
        }
    }
}
