package org.conex.behaviors.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** im2col against its definition U[(c*kh + i)*kw + j, y*W_out + x] = X_pad[c, y*sh + i, x*sw + j]. */
class UnfoldTest {
    private static final ConvGeometry[] GEOMETRIES = {
        new ConvGeometry(1, 3, 3, 2, 2, 1, 1, 0, 0),
        new ConvGeometry(2, 5, 7, 3, 2, 2, 3, 1, 2),
        new ConvGeometry(3, 4, 4, 4, 4, 1, 1, 3, 3),
        new ConvGeometry(1, 6, 5, 1, 3, 1, 2, 0, 1),
    };

    @Test
    void valuesAndSpikesMatchTheDefinition() {
        SplittableRandom r = new SplittableRandom(2);
        for (ConvGeometry g : GEOMETRIES) {
            int n = g.inputSize();
            float[] x = new float[n];
            byte[] s = new byte[n];
            double[] xd = new double[n];
            double[] sd = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) r.nextDouble();
                xd[i] = x[i];
                s[i] = (byte) (r.nextBoolean() ? 1 : 0);
                sd[i] = s[i];
            }
            float[] u = new float[g.patchSize() * g.locations()];
            float[] us = new float[u.length];
            java.util.Arrays.fill(u, Float.NaN);
            java.util.Arrays.fill(us, Float.NaN);
            Unfold.values(g, x, u);
            Unfold.spikes(g, s, us);
            int[] sources = g.patchSources();
            for (int k = 0; k < g.patchSize(); k++) {
                for (int l = 0; l < g.locations(); l++) {
                    assertEquals(StdpReference.unfold(g, xd, k, l), u[k * g.locations() + l], 0, g + " k " + k + " l " + l);
                    assertEquals(StdpReference.unfold(g, sd, k, l), us[k * g.locations() + l], 0);
                    int src = sources[l * g.patchSize() + k];
                    assertEquals(StdpReference.unfold(g, xd, k, l), src < 0 ? 0 : xd[src], 0);
                }
            }
        }
    }

    @Test
    void appendixB8Patches() {
        // S = [[1,0,1],[0,1,0],[1,0,0]], 2x2 windows: rows are (i, j) = (0,0), (0,1), (1,0), (1,1)
        byte[] s = {1, 0, 1, 0, 1, 0, 1, 0, 0};
        float[] u = new float[16];
        Unfold.spikes(new ConvGeometry(1, 3, 3, 2, 2, 1, 1, 0, 0), s, u);
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0, 0}, u);
    }
}
