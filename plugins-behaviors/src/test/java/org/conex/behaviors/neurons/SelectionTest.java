package org.conex.behaviors.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.conex.api.tensor.RandomStream;
import org.junit.jupiter.api.Test;

/** The quickselect behind KWTA against a full sort. */
class SelectionTest {
    @Test
    void kthLargestMatchesSorting() {
        RandomStream rng = new RandomStream(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(40);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextInt(8) / 4.0;
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            for (int k = 1; k <= n; k++) {
                assertEquals(sorted[n - k], Selection.kthLargest(a.clone(), n, k), "n=" + n + ", k=" + k);
            }
        }
    }

    @Test
    void worksOnAPrefixAndRejectsBadK() {
        double[] a = {3, 1, 2, 99};
        assertEquals(1, Selection.kthLargest(a, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> Selection.kthLargest(a, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> Selection.kthLargest(a, 3, 0));
    }
}
