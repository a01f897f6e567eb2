package org.conex.helpers.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.conex.api.ConexException;
import org.conex.api.helper.DataSource;
import org.conex.api.tensor.Tensors;
import org.conex.helpers.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** behaviors.md 8.1 #39: 2 samples x T = 3 slices, labels [7, 9], with and without silence. */
class InstancePresenterTest {

    /** Sample s, slice t is the one-hot vector of length 6 at 3s + t, as BOOL [3, 6]. */
    private static DataSource twoSpikeTrains() {
        boolean[] b = new boolean[2 * 3 * 6];
        for (int s = 0; s < 2; s++) {
            for (int t = 0; t < 3; t++) {
                b[(s * 3 + t) * 6 + 3 * s + t] = true;
            }
        }
        return new ArrayDataSource(Tensors.bools(b, 2, 3, 6), new long[] {7, 9}, "two");
    }

    /** For each step: the index of the true entry (-1 if none) and the label. */
    private static List<long[]> run(InstancePresenter p, int steps) {
        List<long[]> out = new ArrayList<>();
        INDArray target = Tensors.zeros(DataType.BOOL, 6);
        for (int k = 0; k < steps; k++) {
            p.advance();
            p.copyInto(target);
            double[] v = Tensors.toDoubles(target);
            int on = -1;
            for (int i = 0; i < v.length; i++) {
                if (v[i] != 0) {
                    on = i;
                }
            }
            out.add(new long[] {on, p.label()});
        }
        return out;
    }

    @Test
    void eachSliceOnceThenTheNextSample() {
        List<long[]> r = run(InstancePresenter.spikeTrains(twoSpikeTrains(), 0, true), 7);
        long[][] expected = {{0, 7}, {1, 7}, {2, 7}, {3, 9}, {4, 9}, {5, 9}, {0, 7}};
        for (int k = 0; k < 7; k++) {
            assertArrayEquals(expected[k], r.get(k), "step " + (k + 1));
        }
    }

    @Test
    void silentIntervalAfterEachInstance() {
        InstancePresenter p = InstancePresenter.spikeTrains(twoSpikeTrains(), 2, true);
        List<long[]> r = run(p, 8);
        long[] on = r.stream().mapToLong(a -> a[0]).toArray();
        assertArrayEquals(new long[] {0, 1, 2, -1, -1, 3, 4, 5}, on);
    }

    @Test
    void withoutLoopOnePassThenSilence() {
        InstancePresenter p = InstancePresenter.spikeTrains(twoSpikeTrains(), 0, false);
        for (int k = 0; k < 6; k++) {
            assertTrue(p.advance());
        }
        assertFalse(p.advance());
        assertTrue(p.exhausted());
        assertEquals(0, TestData.total(p.frame()));
        assertArrayEquals(new long[] {6}, p.frame().shape());
    }

    @Test
    void repeatingShowsStaticSamplesForTheDuration() {
        DataSource src = new ArrayDataSource(TestData.floats(new double[] {1, 2, 3, 4}, 2, 2), null, "static");
        InstancePresenter p = InstancePresenter.repeating(src, 3, 0, false);
        INDArray target = TestData.floats(new double[2]);
        double[] first = new double[7];
        for (int k = 0; k < 7; k++) {
            p.advance();
            p.copyInto(target);
            first[k] = target.getDouble(0);
        }
        assertArrayEquals(new double[] {1, 1, 1, 3, 3, 3, 0}, first, 0);
        assertThrows(ConexException.class, () -> p.copyInto(TestData.floats(new double[3])));
        assertThrows(ConexException.class, () -> InstancePresenter.repeating(src, 0, 0, true));
    }
}
