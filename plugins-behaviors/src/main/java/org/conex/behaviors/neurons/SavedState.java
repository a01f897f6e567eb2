package org.conex.behaviors.neurons;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.conex.api.behavior.Behavior;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arrays handed to {@link org.conex.api.tensor.Checkpointable#restoreState}, checked before
 * anything is written: the key set must be exactly the expected one and every array must have the
 * expected data type and shape. Failures are {@link IllegalArgumentException}s whose message
 * names the holder (behavior and owner), the key, and what was expected and found, so a checkpoint
 * of another model is refused without touching the state.
 */
final class SavedState {
    private final String holder;
    private final Map<String, INDArray> state;

    /**
     * @param holder   who restores, for messages, e.g. {@code "SimpleDendriteStructure on 'exc'"}
     * @param state    the saved arrays
     * @param expected the keys this holder saves
     * @throws IllegalArgumentException if {@code state} is null or its keys differ from {@code expected}
     */
    SavedState(String holder, Map<String, INDArray> state, Set<String> expected) {
        this.holder = holder;
        if (state == null) {
            throw new IllegalArgumentException(holder + ": no checkpoint state given, expected " + sorted(expected));
        }
        if (!state.keySet().equals(expected)) {
            throw new IllegalArgumentException(holder + ": checkpoint state has " + sorted(state.keySet())
                    + ", expected " + sorted(expected) + " (a checkpoint of another model or version?)");
        }
        this.state = state;
    }

    /**
     * A contiguous C-ordered copy of the array under {@code key}.
     *
     * @param meaning what the dimensions are, for the message (e.g. "max_delay x neurons")
     * @throws IllegalArgumentException on another data type or shape
     */
    INDArray get(String key, DataType type, String meaning, long... shape) {
        INDArray a = state.get(key);
        if (a == null || a.dataType() != type || !Arrays.equals(a.shape(), shape)) {
            throw new IllegalArgumentException(holder + ": checkpoint state '" + key + "' is "
                    + (a == null ? "null" : a.dataType() + Arrays.toString(a.shape())) + ", expected " + type
                    + Arrays.toString(shape) + " (" + meaning + ")");
        }
        return a.dup('c');
    }

    /** {@code "<behavior> on '<owner>'"} (just the name when detached), the holder of a behavior's state. */
    static String holder(Behavior<?> behavior) {
        return behavior.owner() == null ? behavior.name() : behavior.name() + " on '" + behavior.owner().tag() + "'";
    }

    private static Set<String> sorted(Set<String> keys) {
        return new TreeSet<>(keys);
    }
}
