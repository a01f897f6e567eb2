package org.conex.behaviors.spatial;

/**
 * Dense reference implementations of the spatial STDP increments written straight from the spec
 * (behaviors.md 4.10), in double, looping over every weight: the tests compare the event-driven
 * and GEMM kernels with them. Bounds: {@code soft} selects {@code (w - w_min)(w_max - w)} with
 * w_min 0 and w_max 1 for both terms, otherwise no bound.
 */
final class StdpReference {
    private StdpReference() {
    }

    /** U[k, l] of a flat input x (0 in the padding). */
    static double unfold(ConvGeometry g, double[] x, int k, int l) {
        int kk = g.kernelH() * g.kernelW();
        int c = k / kk;
        int i = (k % kk) / g.kernelW();
        int j = k % g.kernelW();
        int iy = (l / g.outWidth()) * g.strideH() + i - g.padH();
        int ix = (l % g.outWidth()) * g.strideW() + j - g.padW();
        if (iy < 0 || iy >= g.height() || ix < 0 || ix >= g.width()) {
            return 0;
        }
        return x[(c * g.height() + iy) * g.width() + ix];
    }

    static double bound(boolean soft, double w) {
        return soft ? w * (1 - w) : 1;
    }

    /** Conv2dSTDP dW[o, k] for weights w[o*K + k]. */
    static double[] conv(ConvGeometry g, int outCh, double[] w, double[] sPre, double[] xPre, double[] sPost,
                         double[] xPost, double aPlus, double aMinus, boolean soft) {
        int kSize = g.patchSize();
        int l = g.locations();
        double[] dw = new double[outCh * kSize];
        for (int o = 0; o < outCh; o++) {
            for (int k = 0; k < kSize; k++) {
                double plus = 0;
                double minus = 0;
                for (int p = 0; p < l; p++) {
                    plus += unfold(g, xPre, k, p) * sPost[o * l + p];
                    minus += unfold(g, sPre, k, p) * xPost[o * l + p];
                }
                double wi = w[o * kSize + k];
                dw[o * kSize + k] = (plus * bound(soft, wi) * aPlus - minus * bound(soft, wi) * aMinus) / l;
            }
        }
        return dw;
    }

    /** Local2dSTDP dW[o, l, k] (intended rule, post_spike in the potentiation term). */
    static double[] local(ConvGeometry g, int outCh, double[] w, double[] sPre, double[] xPre, double[] sPost,
                          double[] xPost, double aPlus, double aMinus, boolean soft) {
        int kSize = g.patchSize();
        int l = g.locations();
        double[] dw = new double[outCh * l * kSize];
        for (int o = 0; o < outCh; o++) {
            for (int p = 0; p < l; p++) {
                for (int k = 0; k < kSize; k++) {
                    int e = (o * l + p) * kSize + k;
                    double plus = sPost[o * l + p] * unfold(g, xPre, k, p);
                    double minus = xPost[o * l + p] * unfold(g, sPre, k, p);
                    dw[e] = plus * bound(soft, w[e]) * aPlus - minus * bound(soft, w[e]) * aMinus;
                }
            }
        }
        return dw;
    }
}
