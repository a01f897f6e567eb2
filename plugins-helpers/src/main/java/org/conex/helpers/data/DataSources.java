package org.conex.helpers.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.conex.api.ConexException;
import org.conex.api.helper.DataSource;
import org.conex.api.helper.Sample;
import org.conex.api.tensor.RandomStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Index views over a {@link DataSource}: seeded shuffling, train/test split, contiguous subsets
 * and batching. Views copy no sample; they re-map indices (samples are decoded on access).
 *
 * <pre>{@code
 * DataSource shuffled = DataSources.shuffle(mnist, network.random().stream("data/shuffle"));
 * DataSources.Split s = DataSources.split(shuffled, 0.8);      // 8,000 train, 2,000 test
 * for (DataSources.Batch b : DataSources.batches(s.train(), 16)) { ... }   // b.sensory() [16, 1, 28, 28]
 * }</pre>
 */
public final class DataSources {
    private DataSources() {
    }

    /** A train and a test part. */
    public record Split(DataSource train, DataSource test) {
    }

    /**
     * Samples stacked along a new first axis: sensory {@code [B, ...]}, location {@code [B, ...]}
     * (null unless every sample has one) and labels (empty array unless every sample has one).
     */
    public record Batch(INDArray sensory, INDArray location, long[] labels) {
        public int size() {
            return (int) sensory.size(0);
        }
    }

    /** The samples at {@code indices} (in that order; repeats allowed). */
    public static DataSource select(DataSource source, int[] indices, String what) {
        Objects.requireNonNull(source, "source");
        int[] idx = indices.clone();
        for (int i : idx) {
            DataSource.checkIndex(source, i);
        }
        return new DataSource() {
            @Override
            public int size() {
                return idx.length;
            }

            @Override
            public Sample get(int index) {
                DataSource.checkIndex(this, index);
                return source.get(idx[index]);
            }

            @Override
            public String describe() {
                return what + " of " + source.describe();
            }
        };
    }

    /** A uniformly random permutation (Fisher-Yates) drawn from {@code random}. */
    public static DataSource shuffle(DataSource source, RandomStream random) {
        int n = source.size();
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return select(source, p, "shuffled " + n + " samples");
    }

    /** Samples {@code [from, to)}. */
    public static DataSource range(DataSource source, int from, int to) {
        if (from < 0 || to > source.size() || from > to) {
            throw new ConexException("range [" + from + ", " + to + ") is not inside the " + source.size()
                    + " samples of " + source.describe());
        }
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return select(source, idx, "samples " + from + ".." + (to - 1));
    }

    /**
     * The first {@code round(trainFraction * N)} samples for training, the rest for testing
     * (shuffle first for a random split).
     *
     * @param trainFraction in [0, 1]
     */
    public static Split split(DataSource source, double trainFraction) {
        if (!(trainFraction >= 0 && trainFraction <= 1)) {
            throw new ConexException("train fraction must be in [0, 1], found " + trainFraction);
        }
        int cut = (int) Math.round(trainFraction * source.size());
        return new Split(range(source, 0, cut), range(source, cut, source.size()));
    }

    /**
     * Consecutive batches of {@code batchSize} samples; the last one is smaller when the size is not
     * a multiple (like a DataLoader without drop_last). Every sample of a batch must have the same
     * shape and type. Batches are built lazily, one per iteration step.
     */
    public static Iterable<Batch> batches(DataSource source, int batchSize) {
        if (batchSize < 1) {
            throw new ConexException("batch size must be >= 1, found " + batchSize);
        }
        return () -> new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < source.size();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException("no batch after sample " + next);
                }
                int end = Math.min(next + batchSize, source.size());
                List<INDArray> xs = new ArrayList<>();
                List<INDArray> locs = new ArrayList<>();
                long[] labels = new long[end - next];
                boolean labelled = true;
                for (int i = next; i < end; i++) {
                    Sample s = source.get(i);
                    if (!xs.isEmpty() && !java.util.Arrays.equals(xs.get(0).shape(), s.sensory().shape())) {
                        throw new ConexException("cannot batch sample " + i + " of shape "
                                + java.util.Arrays.toString(s.sensory().shape()) + " with samples of shape "
                                + java.util.Arrays.toString(xs.get(0).shape()));
                    }
                    xs.add(s.sensory());
                    s.location().ifPresent(locs::add);
                    labelled &= s.label().isPresent();
                    labels[i - next] = s.label().orElse(-1);
                }
                next = end;
                INDArray stacked = Nd4j.stack(0, xs.toArray(new INDArray[0]));
                INDArray location = locs.size() == xs.size() ? Nd4j.stack(0, locs.toArray(new INDArray[0])) : null;
                return new Batch(stacked, location, labelled ? labels : new long[0]);
            }
        };
    }
}
