package org.conex.behaviors.spatial;

/**
 * The cost model that chooses between the event-driven scatter and im2col + GEMM
 * ({@link KernelPath#AUTO}). Costs are counted in "scatter additions" (one weight added to one
 * output for one spike): a BLAS multiply-add costs about {@value #GEMM_MAC} of them, writing one
 * element of the unfolded matrix about {@value #UNFOLD_ELEMENT}, and an ND4J GEMM call a fixed
 * {@value #GEMM_CALL} (about 10 microseconds).
 *
 * <p>Measured with {@code SpatialKernelBenchmark} (test sources; float32, one thread,
 * OMP_NUM_THREADS=1, best of 15 interleaved runs on the shared 2-core machine, which was heavily
 * loaded, so absolute times are inflated). Spike density where GEMM starts to win, and the
 * model's choice:
 * <table>
 *   <caption>event/GEMM crossover of Conv2dDendriticInput</caption>
 *   <tr><th>input, kernel, C_out</th><th>measured crossover</th><th>model switches at</th></tr>
 *   <tr><td>1x6x6, 3x3, 2 (golden cases)</td><td>never (event 1 us, GEMM 25-60 us)</td><td>never</td></tr>
 *   <tr><td>1x28x28, 5x5, 16 (MNIST-like)</td><td>about 0.25</td><td>0.19</td></tr>
 *   <tr><td>8x32x32, 3x3 pad 1, 16</td><td>0.2 to 0.5</td><td>0.22</td></tr>
 *   <tr><td>16x64x64, 3x3 pad 1, 32</td><td>0.05 to 0.2</td><td>0.18</td></tr>
 *   <tr><td>4x64x64, 5x5 stride 2, 16</td><td>about 0.15</td><td>0.22</td></tr>
 * </table>
 * Spiking networks are usually far below these densities, so the event path is the common one;
 * GEMM takes over for densely active large maps (e.g. rate-coded images fed as spikes).
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
