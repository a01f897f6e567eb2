package org.conex.helpers.masks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.helper.HelperContext;
import org.conex.api.helper.Sample;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.Tensors;
import org.conex.helpers.TestData;
import org.conex.helpers.masks.GridMask.Mode;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** behaviors.md 8.2: 28 x 28 ones, m = n = 2, and the notebook's gap -5 case. */
class GridMaskTest {
    private static final INDArray ONES = TestData.constant(784, 1.0).reshape(1, 28, 28);

    private static double cellSum(INDArray images, int k) {
        return images.get(org.nd4j.linalg.indexing.NDArrayIndex.point(k)).sumNumber().doubleValue();
    }

    @Test
    void keepEraseCropWithoutGaps() {
        GridMask.Result keep = new GridMask(Mode.KEEP, 2, 2).split(ONES);
        GridMask.Result erase = new GridMask(Mode.ERASE, 2, 2).split(ONES);
        GridMask.Result crop = new GridMask(Mode.CROP, 2, 2).split(ONES);
        assertArrayEquals(new long[] {4, 1, 28, 28}, keep.images().shape());
        assertArrayEquals(new long[] {4, 1, 14, 14}, crop.images().shape());
        for (int k = 0; k < 4; k++) {
            assertEquals(196, cellSum(keep.images(), k));
            assertEquals(784 - 196, cellSum(erase.images(), k));
            assertEquals(196, cellSum(crop.images(), k));
        }
        assertArrayEquals(new long[] {4, 2, 2}, keep.location().shape());
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, Tensors.toDoubles(keep.location()), 0);
        assertArrayEquals(new double[] {0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0}, Tensors.toDoubles(erase.location()), 0);
        assertTrue(TestData.same(keep.location(), crop.location()));
        // cell 1 = (0, 1): the top-right quarter
        assertEquals(1.0, keep.images().getDouble(1, 0, 0, 14));
        assertEquals(0.0, keep.images().getDouble(1, 0, 0, 13));
    }

    @Test
    void notebookNegativeGapEnlargesCells() {
        Gap g = Gap.uniform(-5);
        for (GapConvention c : GapConvention.values()) { // symmetric gaps: both conventions agree
            INDArray keep = new GridMask(Mode.KEEP, 2, 2, g, c, null).transform(ONES);
            INDArray erase = new GridMask(Mode.ERASE, 2, 2, g, c, null).transform(ONES);
            assertEquals(19 * 19, cellSum(keep, 0)); // rows and columns 0..18
            assertEquals(19 * 19, cellSum(keep, 3)); // rows and columns 9..27
            assertEquals(1.0, keep.getDouble(0, 0, 18, 18));
            assertEquals(0.0, keep.getDouble(0, 0, 19, 18));
            assertEquals(1.0, keep.getDouble(3, 0, 9, 9));
            assertEquals(0.0, keep.getDouble(3, 0, 8, 9));
            assertEquals(784 - 19 * 19, cellSum(erase, 0));
            INDArray crop = new GridMask(Mode.CROP, 2, 2, g, c, null).transform(ONES);
            assertArrayEquals(new long[] {4, 1, 24, 24}, crop.shape());
            assertEquals(0.0, crop.getDouble(0, 0, 4, 10)); // first 5 rows zero-padded for i = 0
            assertEquals(1.0, crop.getDouble(0, 0, 5, 10));
            assertEquals(1.0, crop.getDouble(3, 0, 18, 10));
            assertEquals(0.0, crop.getDouble(3, 0, 19, 10)); // last 5 rows padded for i = 1
            assertEquals(19 * 19, cellSum(crop, 0));
        }
    }

    /** One meaning: a left gap trims columns; the reference (BUG-14) trims rows with it instead. */
    @Test
    void leftGapActsOnColumnsUnlessReferenceConvention() {
        Gap left = new Gap(3, 0, 0, 0);
        INDArray sides = new GridMask(Mode.KEEP, 2, 2, left, GapConvention.SIDES, null).transform(ONES);
        assertEquals(0.0, sides.getDouble(0, 0, 0, 2));
        assertEquals(1.0, sides.getDouble(0, 0, 0, 3));
        assertEquals(14 * 11, cellSum(sides, 0));
        INDArray ref = new GridMask(Mode.KEEP, 2, 2, left, GapConvention.REFERENCE, null).transform(ONES);
        assertEquals(0.0, ref.getDouble(0, 0, 2, 0));
        assertEquals(1.0, ref.getDouble(0, 0, 3, 0));
        INDArray crop = new GridMask(Mode.CROP, 2, 2, left, GapConvention.SIDES, null).transform(ONES);
        assertArrayEquals(new long[] {4, 1, 14, 11}, crop.shape());
    }

    @Test
    void randomPermutesImagesAndLocationsTogether() {
        double[] ramp = new double[784];
        for (int i = 0; i < 784; i++) {
            ramp[i] = i;
        }
        INDArray image = TestData.floats(ramp, 1, 28, 28);
        GridMask.Result r = new GridMask(Mode.CROP, 2, 2, Gap.NONE, GapConvention.SIDES, new RandomStream(3)).split(image);
        boolean permuted = false;
        for (int k = 0; k < 4; k++) {
            double[] loc = Tensors.toDoubles(r.location().get(org.nd4j.linalg.indexing.NDArrayIndex.point(k)));
            int cell = 0;
            while (loc[cell] == 0) {
                cell++;
            }
            int top = (cell / 2) * 14;
            int left = (cell % 2) * 14;
            assertEquals(top * 28 + left, r.images().getDouble(k, 0, 0, 0), "image " + k + " comes from cell " + cell);
            permuted |= cell != k;
        }
        assertTrue(permuted);
    }

    @Test
    void registeredMaskSetsTheSampleLocation() {
        GridMask mask = (GridMask) GridMask.KEEP_TYPE.create(Map.of("m", 2, "n", 2, "gap", new int[] {-5}),
                HelperContext.seeded(1));
        Sample s = mask.apply(Sample.of(ONES, 3));
        assertArrayEquals(new long[] {4, 2, 2}, s.location().orElseThrow().shape());
        assertEquals(3, s.label().getAsLong());
        assertNotEquals(ONES.shape().length, s.sensory().shape().length);
        ConexException e = assertThrows(ConexException.class, () -> new GridMask(Mode.CROP, 2, 2, Gap.uniform(7),
                GapConvention.SIDES, null).transform(ONES));
        assertTrue(e.getMessage().contains("0 x 0 pixels"), e.getMessage());
    }
}
