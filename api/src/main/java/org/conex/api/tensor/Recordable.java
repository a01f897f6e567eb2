package org.conex.api.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.annotation.versioning.ConsumerType;

/** A non-array state value that can still be recorded (e.g. sparse weights as a dense view). */
@ConsumerType
public interface Recordable {
    /** A fresh array holding the current value. */
    INDArray snapshot();
}
