package org.conex.behaviors.spatial;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.SplittableRandom;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Manual benchmark (not a unit test) that calibrates {@link KernelCost}: times the event-driven
 * and GEMM paths of {@link SpikeConvolution} for several map sizes and spike densities.
 * Run with OMP_NUM_THREADS=1: {@code java -cp <test classpath> ...SpatialKernelBenchmark}.
 */
public final class SpatialKernelBenchmark {
    private SpatialKernelBenchmark() {
    }

    public static void main(String[] args) {
        ConvGeometry[] gs = {
            new ConvGeometry(1, 6, 6, 3, 3, 1, 1, 0, 0),
            new ConvGeometry(1, 28, 28, 5, 5, 1, 1, 0, 0),
            new ConvGeometry(8, 32, 32, 3, 3, 1, 1, 1, 1),
            new ConvGeometry(16, 64, 64, 3, 3, 1, 1, 1, 1),
            new ConvGeometry(4, 64, 64, 5, 5, 2, 2, 2, 2),
        };
        int[] outs = {2, 16, 16, 32, 16};
        double[] densities = {0.01, 0.05, 0.2, 0.5};
        SplittableRandom r = new SplittableRandom(1);
        for (int gi = 0; gi < gs.length; gi++) {
            ConvGeometry g = gs[gi];
            int oc = outs[gi];
            INDArray w = SpatialTestSupport.floats(SpatialTestSupport.randomValues(r, oc * g.patchSize()), oc,
                    g.channels(), g.kernelH(), g.kernelW());
            for (double d : densities) {
                ByteBuffer s = SpatialTestSupport.spikes(SpatialTestSupport.randomBits(r, g.inputSize(), d));
                SpikeConvolution evc = new SpikeConvolution(g, oc).path(KernelPath.EVENT);
                SpikeConvolution gec = new SpikeConvolution(g, oc).path(KernelPath.GEMM);
                double ev = Double.MAX_VALUE;
                double ge = Double.MAX_VALUE;
                for (int rep = 0; rep < 15; rep++) {
                    ev = Math.min(ev, time(evc, s, Vec.of(w)));
                    ge = Math.min(ge, time(gec, s, Vec.of(w)));
                }
                SpikeConvolution auto = new SpikeConvolution(g, oc);
                auto.compute(s, Vec.of(w));
                System.out.printf(Locale.ROOT, "%-60s out %2d density %.2f  event %9.1f us  gemm %9.1f us  auto=%s%n",
                        g, oc, d, ev, ge, auto.lastUsedGemm() ? "gemm" : "event");
            }
        }
    }

    private static double time(SpikeConvolution c, ByteBuffer s, Vec wv) {
        int n = 20;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            c.compute(s, wv);
        }
        return (System.nanoTime() - t0) / 1e3 / n;
    }
}
