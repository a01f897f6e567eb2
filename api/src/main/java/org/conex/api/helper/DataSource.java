package org.conex.api.helper;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A finite, indexed collection of {@link Sample}s (a dataset). Random access lets shuffling,
 * splitting and batching be cheap index views; implementations decode a sample on {@link #get}.
 *
 * <pre>{@code
 * DataSource digits = ...;                                    // e.g. MNIST, 10,000 images [28, 28]
 * DataSource spikes = digits.map(squeeze.andThen(encoder));   // lazily transformed view
 * for (Sample s : spikes) { ... }
 * }</pre>
 */
public interface DataSource extends Iterable<Sample> {
    /** Number of samples. */
    int size();

    /**
     * The sample at {@code index} (0-based). Its arrays belong to the caller (a fresh copy or an
     * immutable view): transforms may not write into them.
     *
     * @throws IndexOutOfBoundsException naming the index and the size
     */
    Sample get(int index);

    /** A short description for messages ("MNIST images-idx3-ubyte.gz", ...). */
    default String describe() {
        return getClass().getSimpleName() + " of " + size() + " samples";
    }

    /** A lazy view applying {@code step} to each sample on access. */
    default DataSource map(SampleTransform step) {
        Objects.requireNonNull(step, "step");
        DataSource base = this;
        return new DataSource() {
            @Override
            public int size() {
                return base.size();
            }

            @Override
            public Sample get(int index) {
                return step.apply(base.get(index));
            }

            @Override
            public String describe() {
                return base.describe() + " (transformed)";
            }
        };
    }

    /** Samples in index order. */
    @Override
    default Iterator<Sample> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Sample next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("all " + size() + " samples were returned");
                }
                return get(next++);
            }
        };
    }

    /** Throws the standard out-of-range error for {@code index}; for implementations. */
    static void checkIndex(DataSource source, int index) {
        if (index < 0 || index >= source.size()) {
            throw new IndexOutOfBoundsException("sample " + index + " of " + source.describe()
                    + ": expected an index in [0, " + source.size() + ")");
        }
    }
}
