package org.conex.api.tensor;

import org.conex.api.behavior.Behavior;

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
 * <p><b>Bounds at write time.</b> A clip that runs right after the only writer of a synapse may
 * {@link #offerBounds offer} its bounds: the writer then clamps each value it writes (with
 * {@link Kernels#clamp}) and marks with {@link #markRowClamped}/{@link #markColumnClamped}, and the
 * clip visits only the unclamped marks ({@link #rowUnclampedSince}), so the changed weights are
 * read and written once per step instead of twice. The result is the same as clipping afterwards
 * as long as nothing reads or writes the weights between the writer and the clip, which the
 * offering behavior checks before it offers.
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
    private final long[] rowUnclamped;
    private final long[] colUnclamped;
    private long allStamp;
    /** The epoch of the newest row or column mark, and of the newest one made without clamping. */
    private long lastMark;
    private long lastUnclamped;
    private long clock = 1;
    private Behavior<?> boundsOwner;
    private double lower;
    private double upper;
    private long boundsVersion;

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
        this.rowUnclamped = new long[rows];
        this.colUnclamped = new long[cols];
        this.allStamp = clock;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Every weight of row {@code i} may have changed, to any value. */
    public void markRow(int i) {
        rowStamp[i] = clock;
        rowUnclamped[i] = clock;
        lastMark = clock;
        lastUnclamped = clock;
    }

    /** Every weight of column {@code j} may have changed, to any value. */
    public void markColumn(int j) {
        colStamp[j] = clock;
        colUnclamped[j] = clock;
        lastMark = clock;
        lastUnclamped = clock;
    }

    /** Row {@code i} may have changed, and every value written was clamped to the offered bounds. */
    public void markRowClamped(int i) {
        rowStamp[i] = clock;
        lastMark = clock;
    }

    /** Column {@code j} may have changed, and every value written was clamped to the offered bounds. */
    public void markColumnClamped(int j) {
        colStamp[j] = clock;
        lastMark = clock;
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

    /**
     * True if any row or column was marked after {@code since} (only marks made without clamping
     * when {@code unclampedOnly}): when false, a reader's scan of the stamps would find nothing.
     */
    public boolean anyMarkedSince(long since, boolean unclampedOnly) {
        return (unclampedOnly ? lastUnclamped : lastMark) > since;
    }

    /** True if {@link #markAll()} was called after the reader's cursor {@code since}. */
    public boolean allChangedSince(long since) {
        return allStamp > since;
    }

    /** True if row {@code i} was marked (clamped or not) after {@code since}. */
    public boolean rowChangedSince(int i, long since) {
        return rowStamp[i] > since;
    }

    /** True if column {@code j} was marked (clamped or not) after {@code since}. */
    public boolean columnChangedSince(int j, long since) {
        return colStamp[j] > since;
    }

    /** True if row {@code i} was marked without clamping after {@code since}. */
    public boolean rowUnclampedSince(int i, long since) {
        return rowUnclamped[i] > since;
    }

    /** True if column {@code j} was marked without clamping after {@code since}. */
    public boolean columnUnclampedSince(int j, long since) {
        return colUnclamped[j] > since;
    }

    /**
     * Offers bounds that writers may apply as they write, valid while {@code owner} is enabled
     * and the network's structure version is still {@code structureVersion}.
     *
     * <p>The owner offers right after its visit, so while an offer stands every weight outside
     * the bounds lies in a row or column marked unclamped since that visit, or everything was
     * marked (and the owner's next visit covers them). A writer may rely on this: e.g. one that
     * only adds non-negative increments need not apply the lower bound ({@code min(w + c, upper)}
     * instead of the full clamp), since a value in bounds stays above it and a value outside them
     * is visited anyway.
     */
    public void offerBounds(Behavior<?> owner, double lower, double upper, long structureVersion) {
        this.boundsOwner = owner;
        this.lower = lower;
        this.upper = upper;
        this.boundsVersion = structureVersion;
    }

    /** Withdraws an offer made by {@code owner} (no-op if another behavior's offer stands). */
    public void withdrawBounds(Behavior<?> owner) {
        if (boundsOwner == owner) {
            boundsOwner = null;
        }
    }

    /** True if the standing offer (valid or not) was made by {@code owner}. */
    public boolean offeredBy(Behavior<?> owner) {
        return boundsOwner != null && boundsOwner == owner;
    }

    /**
     * True if a writer may clamp to {@link #lowerBound()}..{@link #upperBound()} now: an offer stands,
     * its owner is enabled and the structure has not changed since it was made.
     */
    public boolean boundsOffered(long structureVersion) {
        return boundsOwner != null && boundsOwner.isEnabled() && boundsVersion == structureVersion;
    }

    /** Lower bound of the standing offer (in the weights' dtype). */
    public double lowerBound() {
        return lower;
    }

    /** Upper bound of the standing offer (in the weights' dtype). */
    public double upperBound() {
        return upper;
    }
}
