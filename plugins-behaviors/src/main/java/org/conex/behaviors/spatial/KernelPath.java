package org.conex.behaviors.spatial;

/**
 * How a spatial kernel computes its sums: {@link #EVENT} scatters the footprint of every spike
 * (cost proportional to the number of spikes), {@link #GEMM} unfolds the input and multiplies with
 * ND4J's BLAS (cost proportional to the map size, at BLAS speed), {@link #AUTO} picks the cheaper
 * one each step from the spike count (see {@link KernelCost}). All three give the same sums up to
 * float summation order. Each is deterministic: the sums depend only on the inputs, never on the
 * thread count (the GEMM runs with one BLAS thread, see {@link PinnedGemm}), and AUTO's choice
 * depends only on the spike counts. Forcing another path may change the last bits of a run.
 */
public enum KernelPath {
    AUTO, EVENT, GEMM
}
