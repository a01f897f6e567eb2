package org.conex.behaviors.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import org.conex.api.behavior.Params;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.junit.jupiter.api.Test;

/** The float32 STDP kernels equal StdpParams.dw (rounded double arithmetic) bit for bit. */
class FloatStdpTest {
    private static StdpParams params(String positive, String negative) {
        Params p = SimpleSTDP.TYPE.params(Map.of("a_plus", 0.0173, "a_minus", 0.0091, "w_min", 0.05, "w_max", 0.93,
                "positive_bound", positive, "negative_bound", negative));
        return StdpParams.of(p, DType.FLOAT32);
    }

    @Test
    void everyBoundCombinationMatchesTheGenericExpression() {
        String[] bounds = StdpBound.keys();
        Random r = new Random(5);
        int n = 64;
        for (String pos : bounds) {
            for (String neg : bounds) {
                StdpParams sp = params(pos, neg);
                FloatStdp f = new FloatStdp(sp);
                FloatBuffer w = Views.floats(Tensors.zeros(DType.FLOAT32.nd4j(), 2 * n));
                FloatBuffer xPost = Views.floats(Tensors.zeros(DType.FLOAT32.nd4j(), n));
                boolean[] post = new boolean[n];
                int[] posts = new int[n];
                int count = 0;
                float[] before = new float[2 * n];
                for (int j = 0; j < n; j++) {
                    xPost.put(j, (float) r.nextDouble());
                    post[j] = r.nextBoolean();
                    if (post[j]) {
                        posts[count++] = j;
                    }
                }
                for (int e = 0; e < 2 * n; e++) {
                    before[e] = (float) (r.nextDouble() * 1.2 - 0.1);
                    w.put(e, before[e]);
                }
                float xPre0 = (float) r.nextDouble();
                float xPre1 = (float) r.nextDouble();
                f.spikingSourceRow(w, 0, n, xPre0, xPost, post, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
                f.silentSourceRow(w, n, xPre1, posts, count, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
                for (int j = 0; j < n; j++) {
                    double spiking = (float) (before[j] + sp.dw(before[j], xPre0, true, xPost.get(j), post[j]));
                    assertEquals(Float.floatToRawIntBits((float) spiking), Float.floatToRawIntBits(w.get(j)),
                            pos + "/" + neg + " spiking source, column " + j);
                    double silent = post[j] ? (float) (before[n + j] + sp.dw(before[n + j], xPre1, false, xPost.get(j),
                            true)) : before[n + j];
                    assertEquals(Float.floatToRawIntBits((float) silent), Float.floatToRawIntBits(w.get(n + j)),
                            pos + "/" + neg + " silent source, column " + j);
                }
            }
        }
    }

    @Test
    void offeredBoundsClampTheWrittenValues() {
        FloatStdp f = new FloatStdp(params("no_bound", "no_bound"));
        FloatBuffer w = Views.floats(Tensors.of(DType.FLOAT32, new double[] {0.99, 0.5, 0.01}, 3));
        FloatBuffer xPost = Views.floats(Tensors.of(DType.FLOAT32, new double[] {0, 0, 5}, 3));
        f.spikingSourceRow(w, 0, 3, 1f, xPost, new boolean[] {true, false, false}, 0f, 1f);
        assertEquals(1f, w.get(0));
        assertEquals(0.5f, w.get(1));
        assertEquals(0f, w.get(2));
    }
}
