package org.conex.behaviors.spatial;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small builders and a naive reference convolution written straight from the definition. */
final class SpatialTestSupport {
    private SpatialTestSupport() {
    }

    static INDArray floats(double[] data, long... shape) {
        return Tensors.of(DType.FLOAT32, data, shape);
    }

    static ByteBuffer spikes(int... bits) {
        boolean[] b = new boolean[bits.length];
        for (int i = 0; i < bits.length; i++) {
            b[i] = bits[i] != 0;
        }
        return Views.bools(Tensors.bools(b, bits.length));
    }

    static int[] randomBits(SplittableRandom r, int n, double density) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextDouble() < density ? 1 : 0;
        }
        return b;
    }

    static double[] randomValues(SplittableRandom r, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = r.nextDouble();
        }
        return d;
    }

    /** out[o, oy, ox] = sum W[o,c,i,j] * x_pad[c, oy*sh+i, ox*sw+j], in double. */
    static double[] naiveConv(ConvGeometry g, int outCh, double[] x, double[] w) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        double[] out = new double[outCh * outH * outW];
        for (int o = 0; o < outCh; o++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    double s = 0;
                    for (int c = 0; c < g.channels(); c++) {
                        for (int i = 0; i < g.kernelH(); i++) {
                            for (int j = 0; j < g.kernelW(); j++) {
                                int iy = oy * g.strideH() + i - g.padH();
                                int ix = ox * g.strideW() + j - g.padW();
                                if (iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width()) {
                                    s += w[((o * g.channels() + c) * g.kernelH() + i) * g.kernelW() + j]
                                            * x[(c * g.height() + iy) * g.width() + ix];
                                }
                            }
                        }
                    }
                    out[(o * outH + oy) * outW + ox] = s;
                }
            }
        }
        return out;
    }

    static double[] toDoubles(int[] bits) {
        double[] d = new double[bits.length];
        for (int i = 0; i < bits.length; i++) {
            d[i] = bits[i];
        }
        return d;
    }
}
