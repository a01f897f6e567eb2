package org.conex.api.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A truly sparse weight matrix of shape {@code rows x cols} (SxD: rows = source neurons) stored in
 * CSC order (entries sorted by column, then row) with a row index for event-driven propagation
 * (for each row, its entries' CSC positions and columns in row order).
 * Values live in a rank-1 INDArray of length {@link #nnz()} (the network's float dtype), so
 * learning rules update them in place; memory is O(nnz), never O(rows*cols).
 */
public final class SparseWeights implements Recordable {
    private final int rows;
    private final int cols;
    private final int[] colPtr;
    private final int[] rowIdx;
    private final int[] colIdx;
    private final int[] rowPtr;
    private final int[] rowEntries;
    private final int[] rowCols;
    private final INDArray values;

    /**
     * Builds from coordinate entries in any order; duplicates are summed (COO coalesce).
     *
     * @param values rank-1 floating array of entry values (copied and reordered)
     */
    public static SparseWeights fromCoo(int rows, int cols, long[] r, long[] c, double[] v, DType dtype) {
        int n = r.length;
        if (c.length != n || v.length != n) {
            throw new IllegalArgumentException("sparse weights need as many row indices, column indices and values; found "
                    + r.length + ", " + c.length + ", " + v.length);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (r[i] < 0 || r[i] >= rows || c[i] < 0 || c[i] >= cols) {
                throw new IllegalArgumentException("sparse entry " + i + " at (" + r[i] + ", " + c[i]
                        + ") is outside the " + rows + "x" + cols + " matrix");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> c[a] != c[b] ? Long.compare(c[a], c[b]) : Long.compare(r[a], r[b]));
        int[] rr = new int[n];
        int[] cc = new int[n];
        double[] vv = new double[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (m > 0 && rr[m - 1] == r[i] && cc[m - 1] == c[i]) {
                vv[m - 1] = dtype.round(vv[m - 1] + dtype.round(v[i]));
            } else {
                rr[m] = (int) r[i];
                cc[m] = (int) c[i];
                vv[m] = dtype.round(v[i]);
                m++;
            }
        }
        return new SparseWeights(rows, cols, Arrays.copyOf(rr, m), Arrays.copyOf(cc, m),
                Tensors.of(dtype, Arrays.copyOf(vv, m), m));
    }

    /**
     * Wraps entries that are already in strict CSC order (column ascending, then row ascending, no
     * duplicates) without sorting: memory stays O(nnz) with no boxed or coordinate copies, which is
     * what large random sparse initialisation needs. The index arrays are taken over (not copied).
     *
     * @param rowIdx row (source) index of each entry, CSC order
     * @param colIdx column (destination) index of each entry, CSC order
     * @param values rank-1 FLOAT or DOUBLE array of nnz entry values, CSC order (kept, not copied)
     * @throws IllegalArgumentException on length mismatch, an index outside the matrix, or entries
     *                                  out of CSC order / duplicated
     */
    public static SparseWeights fromCsc(int rows, int cols, int[] rowIdx, int[] colIdx, INDArray values) {
        int n = rowIdx.length;
        if (colIdx.length != n || values.length() != n || values.rank() != 1) {
            throw new IllegalArgumentException("sparse weights need as many row indices, column indices and values"
                    + " (rank-1); found " + rowIdx.length + ", " + colIdx.length + ", " + values.length());
        }
        Vec.of(values);
        for (int k = 0; k < n; k++) {
            int r = rowIdx[k];
            int c = colIdx[k];
            if (r < 0 || r >= rows || c < 0 || c >= cols) {
                throw new IllegalArgumentException("sparse entry " + k + " at (" + r + ", " + c
                        + ") is outside the " + rows + "x" + cols + " matrix");
            }
            if (k > 0 && (c < colIdx[k - 1] || c == colIdx[k - 1] && r <= rowIdx[k - 1])) {
                throw new IllegalArgumentException("sparse entry " + k + " at (" + r + ", " + c
                        + ") is not in CSC order (column, then row, ascending, no duplicates) after ("
                        + rowIdx[k - 1] + ", " + colIdx[k - 1] + ")");
            }
        }
        return new SparseWeights(rows, cols, rowIdx, colIdx, values);
    }

    private SparseWeights(int rows, int cols, int[] rowIdx, int[] colIdx, INDArray values) {
        this.rows = rows;
        this.cols = cols;
        this.rowIdx = rowIdx;
        this.colIdx = colIdx;
        this.values = values;
        int n = rowIdx.length;
        colPtr = new int[cols + 1];
        for (int k = 0; k < n; k++) {
            colPtr[colIdx[k] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        rowPtr = new int[rows + 1];
        for (int k = 0; k < n; k++) {
            rowPtr[rowIdx[k] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        rowEntries = new int[n];
        rowCols = new int[n];
        int[] fill = Arrays.copyOf(rowPtr, rows);
        for (int k = 0; k < n; k++) {
            int p = fill[rowIdx[k]]++;
            rowEntries[p] = k;
            rowCols[p] = colIdx[k];
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of stored entries. */
    public int nnz() {
        return rowIdx.length;
    }

    /** Entry values in CSC order (length nnz); update in place. */
    public INDArray values() {
        return values;
    }

    /** Row (source) index of entry k (CSC order). */
    public int row(int k) {
        return rowIdx[k];
    }

    /** Column (destination) index of entry k. */
    public int col(int k) {
        return colIdx[k];
    }

    /** Entries of column j are {@code colStart(j) .. colStart(j+1)-1}. */
    public int colStart(int j) {
        return colPtr[j];
    }

    /** Entries of row i are {@code rowEntry(rowStart(i)) .. rowEntry(rowStart(i+1)-1)}. */
    public int rowStart(int i) {
        return rowPtr[i];
    }

    /** The CSC position of the p-th entry in row order. */
    public int rowEntry(int p) {
        return rowEntries[p];
    }

    /**
     * The column of the p-th entry in row order, {@code col(rowEntry(p))}, stored so that walking a
     * row reads its columns sequentially (one random access per entry, to its value, instead of
     * two).
     */
    public int rowCol(int p) {
        return rowCols[p];
    }

    /**
     * Bytes held by this matrix: the values, the row, column, row-order position and row-order
     * column of every entry (4 ints) and the column and row pointers.
     */
    public long memoryBytes() {
        return values.length() * values.dataType().width() + 4L * Integer.BYTES * nnz()
                + (long) Integer.BYTES * (colPtr.length + rowPtr.length);
    }

    /** Row indices of all entries in CSC order (a copy). */
    public long[] rowIndices() {
        return Arrays.stream(rowIdx).asLongStream().toArray();
    }

    /** Column indices of all entries in CSC order (a copy). */
    public long[] colIndices() {
        return Arrays.stream(colIdx).asLongStream().toArray();
    }

    /** The dense {@code rows x cols} matrix (absent entries 0). */
    public INDArray toDense() {
        Vec vals = Vec.of(values);
        double[] d = new double[Math.multiplyExact(rows, cols)];
        for (int k = 0; k < nnz(); k++) {
            d[rowIdx[k] * cols + colIdx[k]] = vals.get(k);
        }
        return Tensors.of(vals.dtype(), d, rows, cols);
    }

    @Override
    public INDArray snapshot() {
        return toDense();
    }
}
