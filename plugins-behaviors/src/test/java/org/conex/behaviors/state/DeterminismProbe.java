package org.conex.behaviors.state;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.conex.api.model.Network;
import org.conex.api.tensor.DType;
import org.conex.runtime.Simulation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs the determinism models in a JVM of its own, so that {@link ThreadCountDeterminismTest} can
 * start it with different {@code OMP_NUM_THREADS}. Prints one line per result, {@code NAME SHA256}:
 * <ul>
 *   <li>{@code raw-blas}: a plain ND4J GEMM of the conv size ([16, 36] @ [36, 1024] float32), run
 *       first, before any spatial kernel pinned the BLAS: shows whether this machine's BLAS
 *       depends on the thread count at all (informational);</li>
 *   <li>{@code stateful}: {@link StatefulNetwork} (float32), 60 steps, complete state;</li>
 *   <li>{@code dense-conv}: {@link DenseConvNetwork}, 8 steps on the GEMM path, complete state.</li>
 * </ul>
 */
public final class DeterminismProbe {
    private DeterminismProbe() {
    }

    public static void main(String[] args) {
        List<String> out = new ArrayList<>();
        out.add("raw-blas " + rawGemm());
        Network stateful = StatefulNetwork.build(DType.FLOAT32, 7L);
        new Simulation(stateful).simulate(60);
        out.add("stateful " + StateDigest.of(stateful).sha256());
        Network dense = DenseConvNetwork.build(7L);
        Simulation sim = new Simulation(dense);
        sim.initialize();
        DenseConvNetwork.forceGemm(dense);
        sim.simulate(8);
        out.add("dense-conv " + StateDigest.of(dense).sha256());
        for (String line : out) {
            System.out.println(line);
        }
    }

    private static String rawGemm() {
        SplittableRandom r = new SplittableRandom(5);
        float[] w = new float[16 * 36];
        float[] u = new float[36 * 1024];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < u.length; i++) {
            u[i] = r.nextDouble() < 0.5 ? 1f : 0f;
        }
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {16, 1024}, 'c');
        Nd4j.gemm(Nd4j.create(w, new long[] {16, 36}, 'c'), Nd4j.create(u, new long[] {36, 1024}, 'c'), c, false,
                false, 1.0, 0.0);
        return StateDigest.bits(c).hashCode() + "";
    }
}
