package org.conex.behaviors.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConvGeometryTest {
    @Test
    void outputSizeUsesFloorDivision() {
        ConvGeometry g = new ConvGeometry(2, 6, 5, 3, 2, 2, 1, 1, 0);
        assertEquals(3, g.outHeight()); // floor((6 + 2 - 3) / 2) + 1
        assertEquals(4, g.outWidth()); // floor((5 - 2) / 1) + 1
        assertEquals(12, g.locations());
        assertEquals(12, g.patchSize());
        assertEquals(60, g.inputSize());
    }

    @Test
    void rowTapsInvertTheWindow() {
        // H = 3, kernel 2, stride 2, padding 1: output rows cover padded rows {-1,0} and {1,2}
        ConvGeometry g = new ConvGeometry(1, 3, 3, 2, 2, 2, 2, 1, 1);
        int[][] t = g.rowTaps();
        assertArrayEquals(new int[] {1, 0}, t[0]); // row 0 is kernel row 1 of output row 0
        assertArrayEquals(new int[] {0, 1}, t[1]);
        assertArrayEquals(new int[] {1, 1}, t[2]);
    }

    @Test
    void kernelLargerThanPaddedInputIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConvGeometry(1, 3, 4, 5, 3, 1, 1, 0, 0));
        assertEquals("kernel 5x3 is larger than the padded input 3x4 (input 3x4, padding (0, 0))", e.getMessage());
    }

    @Test
    void nonPositiveStrideIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConvGeometry(1, 3, 3, 2, 2, 0, 1, 0, 0));
        assertEquals("stride height must be >= 1, found 0", e.getMessage());
    }
}
