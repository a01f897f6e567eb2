package org.conex.behaviors.spatial;

/**
 * The cost model that chooses between the event-driven scatter and im2col + GEMM
 * ({@link KernelPath#AUTO}). Costs are in "scatter additions"; the constants were measured with
 * {@code SpatialKernelBenchmark} (single thread, OMP_NUM_THREADS=1, float32) on the project's
 * 2-core machine: one BLAS multiply-add costs about {@value #GEMM_MAC} scatter additions, one
 * unfolded element about {@value #UNFOLD_ELEMENT}, and an ND4J GEMM call a fixed
 * {@value #GEMM_CALL} (about 10 microseconds).
 */
public final class KernelCost {
    /** Relative cost of one BLAS multiply-add. */
    public static final double GEMM_MAC = 0.15;
    /** Relative cost of writing one element of the unfolded matrix. */
    public static final double UNFOLD_ELEMENT = 1.0;
    /** Fixed cost of one ND4J GEMM call. */
    public static final double GEMM_CALL = 10_000;

    private KernelCost() {
    }

    /**
     * True if unfolding {@code unfolded} elements and a GEMM of {@code macs} multiply-adds is
     * cheaper than {@code scatterAdds} event-driven additions.
     */
    public static boolean gemmWins(double scatterAdds, double unfolded, double macs) {
        return GEMM_CALL + unfolded * UNFOLD_ELEMENT + macs * GEMM_MAC < scatterAdds;
    }

    /** Resolves {@link KernelPath#AUTO} with {@link #gemmWins}. */
    public static boolean useGemm(KernelPath path, double scatterAdds, double unfolded, double macs) {
        switch (path) {
            case GEMM: return true;
            case EVENT: return false;
            default: return gemmWins(scatterAdds, unfolded, macs);
        }
    }
}
