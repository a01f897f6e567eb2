package org.conex.runtime.checkpoint;

import java.nio.ByteBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.NetworkObject;
import org.conex.api.neuron.AxonHistory;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Restores a spike history whose class is not {@link org.conex.api.tensor.Checkpointable} by
 * replaying the saved rows, oldest first, through the group's axon behavior ({@code NeuronAxon},
 * whose step pushes the group's {@code spikes} into the history). The group's {@code spikes} are
 * put back afterwards. The result is verified: {@code spiked(d, i)} must equal the saved row d.
 * This is a fallback; a history that implements Checkpointable is restored directly.
 */
final class AxonReplay {
    /** The registered name of the behavior that owns group spike histories. */
    static final String AXON_BEHAVIOR = "NeuronAxon";

    private AxonReplay() {
    }

    /**
     * @param saved bool [maxDelay, size], row d = spikes of d steps ago
     * @return whether the history now equals {@code saved}
     */
    @SuppressWarnings("unchecked")
    static boolean replay(NetworkObject owner, AxonHistory history, INDArray saved) {
        Behavior<NetworkObject> axon = (Behavior<NetworkObject>) owner.behavior(AXON_BEHAVIOR);
        Object sp = owner.get("spikes");
        if (axon == null || !(sp instanceof INDArray) || ((INDArray) sp).dataType() != DataType.BOOL
                || saved.rank() != 2 || saved.size(0) != history.maxDelay() || saved.size(1) != history.size()
                || ((INDArray) sp).length() != history.size()) {
            return false;
        }
        INDArray spikes = (INDArray) sp;
        INDArray keep = spikes.dup();
        ByteBuffer dst = Views.bools(spikes);
        INDArray rows = saved.dup('c');
        ByteBuffer src = Views.bools(rows);
        int n = history.size();
        for (int d = history.maxDelay() - 1; d >= 0; d--) {
            for (int i = 0; i < n; i++) {
                dst.put(i, src.get(d * n + i));
            }
            axon.forward(owner);
        }
        spikes.assign(keep);
        return CheckpointWriter.axon(history).equals(saved);
    }
}
