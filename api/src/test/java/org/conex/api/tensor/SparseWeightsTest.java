package org.conex.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SparseWeightsTest {
    @Test
    void cooIsCoalescedIntoCscOrderWithARowIndex() {
        SparseWeights w = SparseWeights.fromCoo(3, 2, new long[] {2, 0, 1, 0}, new long[] {0, 1, 0, 1},
                new double[] {1, 2, 3, 4}, DType.FLOAT32);
        assertEquals(3, w.nnz());
        assertArrayEquals(new long[] {1, 2, 0}, w.rowIndices());
        assertArrayEquals(new long[] {0, 0, 1}, w.colIndices());
        assertArrayEquals(new double[] {3, 1, 6}, Tensors.toDoubles(w.values()));
        assertArrayEquals(new double[] {0, 6, 3, 0, 1, 0}, Tensors.toDoubles(w.toDense()));
        // row 0 holds entry 2 only
        assertEquals(0, w.rowStart(0));
        assertEquals(1, w.rowStart(1));
        assertEquals(2, w.rowEntry(0));
        assertEquals(2, w.colStart(1));
    }

    @Test
    void rowOrderColumnsAndMemory() {
        // entries (CSC): (1,0) (2,0) (0,1) (2,1); row 2 holds entries 1 and 3, in columns 0 and 1
        SparseWeights w = SparseWeights.fromCoo(3, 2, new long[] {2, 0, 1, 2}, new long[] {0, 1, 0, 1},
                new double[] {1, 2, 3, 4}, DType.FLOAT32);
        for (int p = 0; p < w.nnz(); p++) {
            assertEquals(w.col(w.rowEntry(p)), w.rowCol(p));
        }
        assertEquals(2, w.rowStart(2));
        assertEquals(1, w.rowCol(3));
        assertEquals(4 * 4 + 4 * 4 * 4 + 4 * (3 + 4), w.memoryBytes());
    }

    @Test
    void entriesOutsideTheMatrixAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SparseWeights.fromCoo(2, 2, new long[] {2},
                new long[] {0}, new double[] {1}, DType.FLOAT32));
    }
}
