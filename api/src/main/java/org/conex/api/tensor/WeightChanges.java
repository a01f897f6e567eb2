package org.conex.api.tensor;

/**
 * Which rows and columns of a synapse group's weights may have changed, so that behaviors that
 * must see every changed weight (WeightClip) visit only those instead of sweeping the whole matrix
 * every step. Rows and columns index the logical {@code [N_src, N_dst]} matrix (dense or sparse).
 *
 * <p>Writers mark what they change: {@link #markRow}, {@link #markColumn}, or {@link #markAll} when
 * they cannot say. Readers keep their own cursor and never clear anything, so any number of
 * writers and readers can share one tracker in any schedule order:
 * <pre>{@code
 * long since = cursor;
 * cursor = changes.advance();             // marks made from now on are newer than cursor
 * if (changes.allChangedSince(since)) { sweep everything }
 * else { visit rows i with rowChangedSince(i, since), columns j with columnChangedSince(j, since) }
 * }</pre>
 * A reader starts with a full sweep (its cursor from {@link #advance()} afterwards). Marks are
 * epoch stamps, so marking costs one store and a reader's scan is O(N_src + N_dst).
 *
 * <p>A tracker is only a promise if every writer keeps it: readers trust it only when every
 * behavior of the synapse declares that it reports its weight writes or does not write weights
 * ({@link org.conex.api.behavior.WeightAccess}); replacing or {@code put}-ting the weights marks
 * everything. Code that writes the weight array in place from outside a declared behavior (a
 * script between steps) must call {@link #markAll()}.
 */
public final class WeightChanges {
    private final int rows;
    private final int cols;
    private final long[] rowStamp;
    private final long[] colStamp;
    private long allStamp;
    private long clock = 1;

    /**
     * @param rows number of rows (source neurons)
     * @param cols number of columns (destination neurons)
     */
    public WeightChanges(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("rows and cols must be >= 0, found " + rows + ", " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.rowStamp = new long[rows];
        this.colStamp = new long[cols];
        this.allStamp = clock;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Every weight of row {@code i} may have changed. */
    public void markRow(int i) {
        rowStamp[i] = clock;
    }

    /** Every weight of column {@code j} may have changed. */
    public void markColumn(int j) {
        colStamp[j] = clock;
    }

    /** Any weight may have changed (the next reader sweeps everything). */
    public void markAll() {
        allStamp = clock;
    }

    /**
     * Ends the current epoch and returns it: every mark made so far is at most the returned value,
     * every later mark is greater. A reader stores it as its new cursor.
     */
    public long advance() {
        return clock++;
    }

    /** True if {@link #markAll()} was called after the reader's cursor {@code since}. */
    public boolean allChangedSince(long since) {
        return allStamp > since;
    }

    /** True if row {@code i} was marked after {@code since}. */
    public boolean rowChangedSince(int i, long since) {
        return rowStamp[i] > since;
    }

    /** True if column {@code j} was marked after {@code since}. */
    public boolean columnChangedSince(int j, long since) {
        return colStamp[j] > since;
    }
}
