package org.conex.api.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RandomStreamTest {
    @Test
    void nextFloatsEqualsRepeatedNextFloatAndLeavesTheSameState() {
        for (int n : new int[] {0, 1, 7, 1000}) {
            RandomStream calls = new RandomStream(12345);
            RandomStream bulk = new RandomStream(12345);
            calls.nextLong();
            bulk.nextLong();
            float[] out = new float[n + 3];
            out[0] = -1f;
            out[n + 2] = -2f;
            bulk.nextFloats(out, 2, n + 2);
            for (int k = 0; k < n; k++) {
                assertEquals(Float.floatToRawIntBits(calls.nextFloat()), Float.floatToRawIntBits(out[k + 2]),
                        "n " + n + ", value " + k);
            }
            assertEquals(-1f, out[0]);
            assertEquals(-2f, out[n + 2]);
            assertEquals(calls.state(), bulk.state(), "state after " + n);
            assertEquals(calls.nextLong(), bulk.nextLong());
        }
    }
}
