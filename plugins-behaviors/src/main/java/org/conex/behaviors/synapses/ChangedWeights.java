package org.conex.behaviors.synapses;

import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.WeightChanges;

/**
 * One reader's view of a synapse's {@link WeightChanges}: the rows and columns of the
 * {@code [N_src, N_dst]} weights that may have changed since this reader's previous visit.
 *
 * <p>{@link #collect} answers "visit only these" when the tracker can be trusted: every other
 * scheduled behavior of the synapse declares {@link WeightAccess#NONE} or
 * {@link WeightAccess#REPORTED}, the weights are the same object as at the last visit, nothing
 * marked everything, and the previous visit was trusted too. Otherwise it answers "visit
 * everything", which is always exact. The trust check is cached per network structure version,
 * so a step costs one scan of the row and column stamps, O(N_src + N_dst), and no allocation.
 */
final class ChangedWeights {
    private final Behavior<SynapseGroup> reader;
    private long checkedVersion = -1;
    private boolean trusted;
    private boolean clampable;
    private boolean sweepNext = true;
    private Object lastWeights;
    private long cursor;
    private int[] rows = new int[0];
    private int[] cols = new int[0];
    private int rowCount;
    private int colCount;

    /** @param reader the behavior that reads the changes (it is not counted as a writer) */
    ChangedWeights(Behavior<SynapseGroup> reader) {
        this.reader = reader;
    }

    /**
     * Closes this reader's epoch and collects the changed rows and columns.
     *
     * @param s             the synapse
     * @param weights       the current weights object (dense array or sparse matrix)
     * @param unclampedOnly skip rows and columns whose writers clamped to this reader's offered bounds
     * @return false if every weight must be visited, true if {@link #rowCount()} rows and
     *         {@link #columnCount()} columns suffice
     */
    boolean collect(SynapseGroup s, Object weights, boolean unclampedOnly) {
        WeightChanges c = s.weightChanges();
        long since = cursor;
        cursor = c.advance();
        boolean trust = trusted(s);
        boolean sweep = sweepNext || !trust || weights != lastWeights || c.allChangedSince(since);
        sweepNext = !trust;
        lastWeights = weights;
        if (sweep) {
            return false;
        }
        if (rows.length != c.rows() || cols.length != c.cols()) {
            rows = new int[c.rows()];
            cols = new int[c.cols()];
        }
        rowCount = 0;
        colCount = 0;
        if (!c.anyMarkedSince(since, unclampedOnly)) {
            return true;
        }
        for (int i = 0, n = c.rows(); i < n; i++) {
            if (unclampedOnly ? c.rowUnclampedSince(i, since) : c.rowChangedSince(i, since)) {
                rows[rowCount++] = i;
            }
        }
        for (int j = 0, n = c.cols(); j < n; j++) {
            if (unclampedOnly ? c.columnUnclampedSince(j, since) : c.columnChangedSince(j, since)) {
                cols[colCount++] = j;
            }
        }
        return true;
    }

    /**
     * True if the writer of the synapse may apply this reader's bounds as it writes: the tracker is
     * trusted, exactly one other behavior writes the weights (declared REPORTED), it runs before
     * this reader, and no other behavior of the synapse runs between the two.
     */
    boolean clampable(SynapseGroup s) {
        trusted(s);
        return clampable;
    }

    private boolean trusted(SynapseGroup s) {
        long v = s.network().structureVersion();
        if (v != checkedVersion) {
            trusted = true;
            Behavior<?> writer = null;
            int writers = 0;
            for (Behavior<?> b : s.behaviors().values()) {
                if (b == reader || !b.hasForward()) {
                    continue;
                }
                WeightAccess access = b.type() == null ? WeightAccess.UNKNOWN : b.type().weightAccess();
                if (access == WeightAccess.UNKNOWN) {
                    trusted = false;
                } else if (access == WeightAccess.REPORTED) {
                    writer = b;
                    writers++;
                }
            }
            clampable = trusted && writers == 1 && writer.priority() < reader.priority();
            for (Behavior<?> b : s.behaviors().values()) {
                if (clampable && b != reader && b != writer && b.hasForward() && b.priority() > writer.priority()
                        && b.priority() < reader.priority()) {
                    clampable = false;
                }
            }
            checkedVersion = v;
        }
        return trusted;
    }

    /** Number of changed rows found by the last {@link #collect}. */
    int rowCount() {
        return rowCount;
    }

    /** The k-th changed row, ascending. */
    int row(int k) {
        return rows[k];
    }

    /** Number of changed columns found by the last {@link #collect}. */
    int columnCount() {
        return colCount;
    }

    /** The changed columns, ascending, in the first {@link #columnCount()} entries (not to be modified). */
    int[] columns() {
        return cols;
    }
}
