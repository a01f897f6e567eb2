package org.conex.runtime.hotswap;

import org.conex.api.model.NeuronGroup;
import org.conex.api.neuron.SpikingNeuron;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stands in as the group's {@code spiking_neuron} while its model is missing (waiting or
 * paused): firing produces no spikes, so synapses leaving the group deliver nothing and the
 * group's Fire behavior keeps running without touching a plugin object. Defined by the runtime,
 * never by a plugin, so it pins no plugin class loader.
 */
final class PausedModel implements SpikingNeuron {
    static final PausedModel INSTANCE = new PausedModel();

    private PausedModel() {
    }

    /** Clears {@code spikes} (bool[N]) if the group has them. */
    @Override
    public void fire(NeuronGroup neurons) {
        Object s = neurons.get("spikes");
        if (s instanceof INDArray && ((INDArray) s).dataType() == DataType.BOOL) {
            java.nio.ByteBuffer b = Views.bools((INDArray) s);
            for (int i = 0, n = (int) ((INDArray) s).length(); i < n; i++) {
                b.put(i, (byte) 0);
            }
        }
    }

    @Override
    public String toString() {
        return "no model (paused or waiting)";
    }
}
