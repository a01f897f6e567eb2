package org.conex.helpers.masks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conex.api.ConexException;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.Tensors;
import org.conex.helpers.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MaskBuilderTest {

    @Test
    void gridMasksTileTheImage() {
        Mask m = MaskBuilder.forImage(28, 28).grid(2, 2).build();
        assertEquals(4, m.count());
        assertArrayEquals(new long[] {4, 28, 28}, m.array().shape());
        for (int k = 0; k < 4; k++) {
            assertEquals(0.25, m.coverage(k));
        }
        assertEquals(784, TestData.total(m.union()));
        assertEquals(784, TestData.total(m.array()), "cells do not overlap");
    }

    @Test
    void unevenGridUsesCeilingCellsClippedAtTheEdge() {
        Mask m = MaskBuilder.forImage(10, 10).grid(3, 3).build(); // cells of 4: 4, 4, 2 rows
        assertEquals(16 / 100.0, m.coverage(0));
        assertEquals(8 / 100.0, m.coverage(2));
        assertEquals(4 / 100.0, m.coverage(8));
    }

    @Test
    void gridWithNegativeGapOverlaps() {
        Mask m = MaskBuilder.forImage(28, 28).grid(2, 2, Gap.uniform(-5)).build();
        assertEquals(19 * 19 / 784.0, m.coverage(0));
        double[] a = Tensors.toDoubles(m.array()); // mask 0 flat: row * 28 + column
        assertEquals(1.0, a[18 * 28 + 18]);
        assertEquals(0.0, a[19 * 28]);
    }

    @Test
    void regionAndRandom() {
        Mask m = MaskBuilder.forImage(28, 28).region(4, 4, 20, 20).random(0.25, new RandomStream(9)).build();
        assertEquals(2, m.count());
        assertEquals(400 / 784.0, m.coverage(0));
        assertEquals(196 / 784.0, m.coverage(1)); // exactly round(0.25 * 784) pixels
        Mask again = MaskBuilder.forImage(28, 28).random(0.25, new RandomStream(9)).build();
        Mask other = MaskBuilder.forImage(28, 28).random(0.25, new RandomStream(10)).build();
        assertTrue(TestData.same(again.array(), MaskBuilder.forImage(28, 28).random(0.25, new RandomStream(9)).build().array()));
        assertFalse(TestData.same(again.array(), other.array()));
        // a region reaching outside the image is clipped: rows [-1, 1) x columns [-1, 3) keeps row 0
        assertEquals(0.5, MaskBuilder.forImage(2, 2).region(-1, -1, 2, 4).build().coverage(0));
    }

    @Test
    void keepAndEraseApplyTheMasks() {
        Mask m = MaskBuilder.forImage(2, 2).region(0, 0, 1, 2).build();
        INDArray img = TestData.floats(new double[] {1, 2, 3, 4}, 2, 2);
        assertArrayEquals(new double[] {1, 2, 0, 0}, Tensors.toDoubles(m.keep().transform(img)), 0);
        assertArrayEquals(new double[] {0, 0, 3, 4}, Tensors.toDoubles(m.erase().transform(img)), 0);
        assertArrayEquals(new long[] {1, 1, 2, 2}, m.keep().transform(img).shape());
        assertThrows(ConexException.class, () -> m.keep().transform(TestData.floats(new double[9], 3, 3)));
    }

    @Test
    void badArguments() {
        assertThrows(ConexException.class, () -> MaskBuilder.forImage(28, 28).build());
        ConexException e = assertThrows(ConexException.class, () -> MaskBuilder.forImage(28, 28).region(30, 0, 2, 2));
        assertTrue(e.getMessage().contains("covers no pixel"), e.getMessage());
        assertThrows(ConexException.class, () -> MaskBuilder.forImage(28, 28).random(1.5, new RandomStream(1)));
        assertThrows(ConexException.class, () -> MaskBuilder.forImage(28, 28).grid(0, 2));
    }
}
