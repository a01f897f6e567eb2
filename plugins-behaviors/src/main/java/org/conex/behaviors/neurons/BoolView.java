package org.conex.behaviors.neurons;

import java.nio.ByteBuffer;
import org.conex.api.ModelException;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A cached zero-copy byte view (0 = false, 1 = true) of one BOOL state variable, such as a group's
 * {@code spikes}. The view is re-created only when the variable is replaced by another array
 * object, so steady-state kernels do not allocate.
 */
final class BoolView {
    private final String name;
    private INDArray array;
    private ByteBuffer bytes;

    /** @param name the variable name, e.g. {@code "spikes"} */
    BoolView(String name) {
        this.name = name;
    }

    /**
     * The view of {@code owner}'s variable.
     *
     * @throws ModelException if the variable is missing or not a BOOL tensor
     */
    ByteBuffer of(NetworkObject owner) {
        Object current = owner.get(name);
        if (current != array || bytes == null) {
            INDArray a = owner.array(name);
            if (a.dataType() != DataType.BOOL) {
                throw new ModelException("'" + owner.tag() + "'.'" + name + "' must be a bool vector, found "
                        + a.dataType());
            }
            bytes = Views.bools(a);
            array = a;
        }
        return bytes;
    }
}
