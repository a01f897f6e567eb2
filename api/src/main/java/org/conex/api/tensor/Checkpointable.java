package org.conex.api.tensor;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * State that checkpoints save and restore exactly, for values that are not plain arrays or numbers
 * (an axon's spike history ring buffer, for instance) and for behaviors that keep state in private
 * fields instead of owner variables. A run resumed from a checkpoint is bit-identical to an
 * uninterrupted one only if every piece of state is a variable or is {@code Checkpointable}.
 *
 * <p>Implemented by a state variable's value (found by type when the runtime walks an object's
 * variables) or by a {@link org.conex.api.behavior.Behavior} subclass.
 */
public interface Checkpointable {
    /**
     * The complete state as named arrays (keys: simple names such as {@code "buffer"},
     * {@code "position"}); the runtime stores copies.
     */
    Map<String, INDArray> saveState();

    /**
     * Restores what {@link #saveState()} returned for an identically configured instance (same
     * parameters, same sizes), after initialization.
     *
     * @throws IllegalArgumentException if a key is missing or an array has the wrong shape
     */
    void restoreState(Map<String, INDArray> state);
}
