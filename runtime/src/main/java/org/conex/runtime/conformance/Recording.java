package org.conex.runtime.conformance;

import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NetworkObject;
import org.conex.api.record.Recorder;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One sample of a variable as flat doubles, plus whether it is an integer/boolean variable. */
record Recording(double[] values, boolean exact) {
    static Recording of(NetworkObject o, String variable) {
        Object v = o.get(variable);
        if (v instanceof Number && o instanceof NeuronGroup) {
            double[] d = new double[((NeuronGroup) o).size()];
            java.util.Arrays.fill(d, ((Number) v).doubleValue());
            return new Recording(d, false);
        }
        INDArray a = Recorder.sample(o, variable);
        DataType t = a.dataType();
        boolean exact = t == DataType.BOOL || t.isIntType();
        return new Recording(Tensors.toDoubles(a), exact);
    }
}
