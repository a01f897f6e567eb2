package org.conex.api.tensor;

import java.nio.FloatBuffer;

/**
 * The loops behind {@link Kernels#addToColumns} and {@link Kernels#addToColumnsOfEveryRow} (over the
 * rows {@code [fromRow, toRow)}, so that {@link ColumnUpdates} can split them): each
 * in its own method, so that each is compiled with its own profile. Arguments are checked by the
 * callers' documented contracts; the buffer's own bounds checks stay in force.
 */
final class ColumnWalks {
    private ColumnWalks() {
    }

    static void walkEveryRow(FloatBuffer w, int cols, float[] increments, int fromRow, int toRow, int[] columns,
                             int nColumns, float lo, float hi) {
        int k = 0;
        for (; k + 2 <= nColumns; k += 2) {
            int j0 = columns[k];
            int j1 = columns[k + 1];
            for (int r = fromRow; r < toRow; r++) {
                float c = increments[r];
                int e0 = r * cols + j0;
                int e1 = r * cols + j1;
                w.put(e0, Kernels.clamp(w.get(e0) + c, lo, hi));
                w.put(e1, Kernels.clamp(w.get(e1) + c, lo, hi));
            }
        }
        for (; k < nColumns; k++) {
            int j = columns[k];
            for (int r = fromRow; r < toRow; r++) {
                int e = r * cols + j;
                w.put(e, Kernels.clamp(w.get(e) + increments[r], lo, hi));
            }
        }
    }

    /** {@link #walkEveryRow} with {@code lo = -inf}: {@code min(w + c, hi)}, the same values. */
    static void walkEveryRowAtMost(FloatBuffer w, int cols, float[] increments, int fromRow, int toRow, int[] columns,
                                   int nColumns, float hi) {
        int k = 0;
        for (; k + 2 <= nColumns; k += 2) {
            int j0 = columns[k];
            int j1 = columns[k + 1];
            for (int r = fromRow; r < toRow; r++) {
                float c = increments[r];
                int e0 = r * cols + j0;
                int e1 = r * cols + j1;
                w.put(e0, Math.min(w.get(e0) + c, hi));
                w.put(e1, Math.min(w.get(e1) + c, hi));
            }
        }
        for (; k < nColumns; k++) {
            int j = columns[k];
            for (int r = fromRow; r < toRow; r++) {
                int e = r * cols + j;
                w.put(e, Math.min(w.get(e) + increments[r], hi));
            }
        }
    }

    static void walkColumns(FloatBuffer w, int cols, int[] rows, float[] increments, int nRows,
                            int[] columns, int nColumns, float lo, float hi) {
        int k = 0;
        for (; k + 2 <= nColumns; k += 2) {
            int j0 = columns[k];
            int j1 = columns[k + 1];
            for (int r = 0; r < nRows; r++) {
                int base = rows[r] * cols;
                float c = increments[r];
                w.put(base + j0, Kernels.clamp(w.get(base + j0) + c, lo, hi));
                w.put(base + j1, Kernels.clamp(w.get(base + j1) + c, lo, hi));
            }
        }
        for (; k < nColumns; k++) {
            int j = columns[k];
            for (int r = 0; r < nRows; r++) {
                int e = rows[r] * cols + j;
                w.put(e, Kernels.clamp(w.get(e) + increments[r], lo, hi));
            }
        }
    }

    /** {@link #walkColumns} with {@code lo = -inf}: {@code min(w + c, hi)}, the same values. */
    static void walkColumnsAtMost(FloatBuffer w, int cols, int[] rows, float[] increments, int nRows,
                                  int[] columns, int nColumns, float hi) {
        int k = 0;
        for (; k + 2 <= nColumns; k += 2) {
            int j0 = columns[k];
            int j1 = columns[k + 1];
            for (int r = 0; r < nRows; r++) {
                int base = rows[r] * cols;
                float c = increments[r];
                w.put(base + j0, Math.min(w.get(base + j0) + c, hi));
                w.put(base + j1, Math.min(w.get(base + j1) + c, hi));
            }
        }
        for (; k < nColumns; k++) {
            int j = columns[k];
            for (int r = 0; r < nRows; r++) {
                int e = rows[r] * cols + j;
                w.put(e, Math.min(w.get(e) + increments[r], hi));
            }
        }
    }

    static void rowBlocks(FloatBuffer w, int cols, int[] rows, float[] increments, int nRows,
                          int[] columns, int nColumns, float lo, float hi) {
        int r = 0;
        for (; r + 4 <= nRows; r += 4) {
            int b0 = rows[r] * cols;
            int b1 = rows[r + 1] * cols;
            int b2 = rows[r + 2] * cols;
            int b3 = rows[r + 3] * cols;
            float c0 = increments[r];
            float c1 = increments[r + 1];
            float c2 = increments[r + 2];
            float c3 = increments[r + 3];
            for (int k = 0; k < nColumns; k++) {
                int j = columns[k];
                float x0 = w.get(b0 + j);
                float x1 = w.get(b1 + j);
                float x2 = w.get(b2 + j);
                float x3 = w.get(b3 + j);
                w.put(b0 + j, Kernels.clamp(x0 + c0, lo, hi));
                w.put(b1 + j, Kernels.clamp(x1 + c1, lo, hi));
                w.put(b2 + j, Kernels.clamp(x2 + c2, lo, hi));
                w.put(b3 + j, Kernels.clamp(x3 + c3, lo, hi));
            }
        }
        for (; r < nRows; r++) {
            int base = rows[r] * cols;
            float c = increments[r];
            for (int k = 0; k < nColumns; k++) {
                int e = base + columns[k];
                w.put(e, Kernels.clamp(w.get(e) + c, lo, hi));
            }
        }
    }
}
