package org.conex.helpers.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.conex.api.ConexException;
import org.conex.api.helper.DataSource;
import org.conex.api.tensor.RandomStream;
import org.conex.helpers.TestData;
import org.junit.jupiter.api.Test;

class DataSourcesTest {
    /** Ten samples [2] holding (i, -i), labelled i % 3. */
    static DataSource ten() {
        double[] v = new double[20];
        long[] labels = new long[10];
        for (int i = 0; i < 10; i++) {
            v[2 * i] = i;
            v[2 * i + 1] = -i;
            labels[i] = i % 3;
        }
        return new ArrayDataSource(TestData.floats(v, 10, 2), labels, "ten");
    }

    private static int[] order(DataSource d) {
        int[] o = new int[d.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = (int) d.get(i).sensory().getDouble(0);
        }
        return o;
    }

    @Test
    void seededShuffleIsAReproduciblePermutation() {
        int[] a = order(DataSources.shuffle(ten(), new RandomStream(1)));
        int[] b = order(DataSources.shuffle(ten(), new RandomStream(1)));
        int[] c = order(DataSources.shuffle(ten(), new RandomStream(2)));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
        assertFalse(Arrays.equals(sorted, a));
    }

    @Test
    void splitAndRange() {
        DataSources.Split s = DataSources.split(ten(), 0.8);
        assertEquals(8, s.train().size());
        assertEquals(2, s.test().size());
        assertArrayEquals(new int[] {8, 9}, order(s.test()));
        assertEquals(2, s.test().get(0).label().getAsLong());
        assertThrows(ConexException.class, () -> DataSources.split(ten(), 1.2));
        assertThrows(ConexException.class, () -> DataSources.range(ten(), 5, 11));
        assertThrows(IndexOutOfBoundsException.class, () -> s.test().get(2));
    }

    @Test
    void batchesStackSamplesAndKeepLabels() {
        List<DataSources.Batch> batches = new ArrayList<>();
        DataSources.batches(ten(), 4).forEach(batches::add);
        assertEquals(3, batches.size());
        assertArrayEquals(new long[] {4, 2}, batches.get(0).sensory().shape());
        assertArrayEquals(new long[] {2, 2}, batches.get(2).sensory().shape());
        assertArrayEquals(new long[] {1, 2, 0, 1}, batches.get(1).labels()); // samples 4..7, labels i % 3
        assertEquals(-9.0, batches.get(2).sensory().getDouble(1, 1));
        assertThrows(ConexException.class, () -> DataSources.batches(ten(), 0));
    }

    @Test
    void mapIsLazyAndLeavesTheSourceAlone() {
        DataSource doubled = ten().map(org.conex.helpers.transforms.ValueTransforms.scale(2));
        assertEquals(14.0, doubled.get(7).sensory().getDouble(0));
        assertEquals(1, doubled.get(7).label().getAsLong());
        assertTrue(doubled.describe().contains("transformed"));
    }
}
