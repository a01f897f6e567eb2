package org.conex.helpers.data;

import java.util.Iterator;
import org.conex.api.helper.DataSource;
import org.conex.api.structure.InputBatch;
import org.conex.api.tensor.Tensors;

/**
 * Feeds a dataset to an input layer: the {@code Iterable<InputBatch>} (the reference's DataLoader)
 * that the {@code SpikeNdDataset} behavior of an {@code InputLayer} reads. Samples should already be
 * encoded spike tensors {@code [T, ...frame]}; a batch stacks B of them into {@code [B, T, ...frame]}
 * (the layer cuts it into B*T frames and, with labels, shows each sample for T steps), the
 * locations likewise, and the labels as a LONG vector {@code [B]}.
 *
 * <pre>{@code
 * DataSource spikes = mnist.map(pipeline);                    // sample i: BOOL [30, 1, 28, 28]
 * inputLayer.setData(InputBatches.of(spikes, 16));            // like DataLoader(batch_size=16)
 * }</pre>
 * Batches are built lazily when the layer reaches them; iterating again starts from the first
 * sample (the layer's {@code loop}).
 */
public final class InputBatches {
    private InputBatches() {
    }

    /** Consecutive batches of {@code batchSize} samples (the last may be smaller). */
    public static Iterable<InputBatch> of(DataSource encoded, int batchSize) {
        Iterable<DataSources.Batch> batches = DataSources.batches(encoded, batchSize);
        return () -> {
            Iterator<DataSources.Batch> it = batches.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public InputBatch next() {
                    DataSources.Batch b = it.next();
                    return new InputBatch(b.sensory(), b.location(),
                            b.labels().length == 0 ? null : Tensors.longs(b.labels(), b.labels().length));
                }
            };
        };
    }
}
