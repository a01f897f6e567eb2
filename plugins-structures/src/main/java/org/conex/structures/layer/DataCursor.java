package org.conex.structures.layer;

import java.util.Iterator;

/**
 * Where {@link SpikeNdDataset} is in its data: the pass over the {@code Iterable<InputBatch>}
 * (0 for the first; each restart after the end of the data when {@code loop} is on starts the
 * next) and the number of batches read in that pass, including the one being presented.
 *
 * <p>An iterator's position cannot be saved, so a checkpoint stores these two numbers and
 * {@link #seek} reaches them again by reading the data from where the cursor is, exactly as the
 * checkpointed run read it (one {@code iterator()} per pass, one {@code next()} per batch, the
 * skipped batches not decoded). For data that is the same on every run (files, encoders drawing
 * from the network's random streams, which the checkpoint restores afterwards, or from their own
 * seeded stream, which this replay advances exactly as the run did) the data continues with the
 * batch the checkpointed run would have read next. Cost: reading every batch up to the position
 * once (transforms and encoders of the skipped samples run, their spikes are dropped).
 */
final class DataCursor {
    private final SpikeNdDataset owner;
    private final Iterable<?> data;
    private Iterator<?> iterator;
    private long pass;
    private long read;

    DataCursor(SpikeNdDataset owner, Iterable<?> data) {
        this.owner = owner;
        this.data = data;
        this.iterator = data.iterator();
    }

    /** Whether the current pass has another batch. */
    boolean hasNext() {
        return iterator.hasNext();
    }

    /** The next batch of the current pass (not yet checked). */
    Object next() {
        Object item = iterator.next();
        read++;
        return item;
    }

    /**
     * Starts the next pass over the data.
     *
     * @return whether that pass has a batch
     */
    boolean restart() {
        iterator = data.iterator();
        pass++;
        read = 0;
        return iterator.hasNext();
    }

    /** Passes started before the current one. */
    long pass() {
        return pass;
    }

    /** Batches read in the current pass. */
    long read() {
        return read;
    }

    /**
     * Moves to batch {@code toRead} of pass {@code toPass} by reading the data the way the run did.
     * From a position past the target (not the case right after initialization) it starts over
     * from a new iterator.
     *
     * @throws org.conex.api.ModelException naming the layer if the data ends before the position
     *                                      (the data is not the data of the checkpointed run)
     */
    void seek(long toPass, long toRead) {
        if (toPass < 0 || toRead < 0) {
            throw new IllegalArgumentException("data position (pass " + toPass + ", batch " + toRead + ") is negative");
        }
        if (pass > toPass || pass == toPass && read > toRead) {
            iterator = data.iterator();
            pass = 0;
            read = 0;
        }
        while (pass < toPass) {
            while (iterator.hasNext()) {
                next();
            }
            if (!restart()) {
                throw ended(toPass, toRead);
            }
        }
        while (read < toRead) {
            if (!iterator.hasNext()) {
                throw ended(toPass, toRead);
            }
            next();
        }
    }

    private org.conex.api.ModelException ended(long toPass, long toRead) {
        return owner.fail("the data ended at batch " + read + " of pass " + pass + ", before the saved position (batch "
                + toRead + " of pass " + toPass + "): it is not the data the checkpoint was taken with");
    }
}
