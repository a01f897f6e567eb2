package org.conex.helpers.transforms;

import org.conex.api.helper.TensorTransform;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A transform with a readable {@code toString} (what pipelines print). */
final class Named implements TensorTransform {
    private final String name;
    private final TensorTransform body;

    Named(String name, TensorTransform body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public INDArray transform(INDArray x) {
        return body.transform(x);
    }

    @Override
    public String toString() {
        return name;
    }
}
