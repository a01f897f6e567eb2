package org.conex.helpers.data;

import java.util.Arrays;
import org.conex.api.ConexException;
import org.conex.api.helper.DataSource;
import org.conex.api.helper.Sample;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Samples held in memory: a tensor {@code [N, ...]} whose first axis enumerates the samples, and
 * optional labels (one per sample). Sample i is a copy of slice i (shape {@code [...]}).
 */
public final class ArrayDataSource implements DataSource {
    private final INDArray data;
    private final long[] labels;
    private final String name;

    /**
     * @param data   samples along axis 0 (kept by reference: do not modify it afterwards)
     * @param labels one label per sample, or null
     * @param name   description for messages
     */
    public ArrayDataSource(INDArray data, long[] labels, String name) {
        if (data.rank() < 1) {
            throw new ConexException(name + ": data needs a sample axis, found a scalar");
        }
        if (labels != null && labels.length != data.size(0)) {
            throw new ConexException(name + ": " + data.size(0) + " samples but " + labels.length + " labels");
        }
        this.data = data;
        this.labels = labels == null ? null : labels.clone();
        this.name = name;
    }

    @Override
    public int size() {
        return (int) data.size(0);
    }

    @Override
    public Sample get(int index) {
        DataSource.checkIndex(this, index);
        INDArray x = data.rank() == 1 ? data.get(NDArrayIndex.interval(index, index + 1)).reshape(new long[0])
                : data.get(NDArrayIndex.point(index));
        INDArray copy = x.dup('c');
        return labels == null ? Sample.of(copy) : Sample.of(copy, labels[index]);
    }

    @Override
    public String describe() {
        return name + " " + Arrays.toString(data.shape());
    }
}
