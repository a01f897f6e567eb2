package org.conex.api.neuron;

import org.conex.api.model.NeuronGroup;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A neuron model that the Fire behavior delegates to (stored on the group as
 * {@code "spiking_neuron"}). The default firing rule of the LIF family is
 * {@code spikes = v >= threshold; v[spikes] = v_reset}; adaptive models add their post-spike update.
 */
@ConsumerType
public interface SpikingNeuron {
    /** Computes {@code spikes} from {@code v} and resets fired neurons, then any post-spike update. */
    void fire(NeuronGroup neurons);
}
