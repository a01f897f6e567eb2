package org.conex.api.behavior;

import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;

/** The kind of object a behavior can be attached to. */
public enum Target {
    NETWORK("the network"),
    NEURON_GROUP("a neuron group"),
    SYNAPSE_GROUP("a synapse group"),
    ANY("any object");

    private final String description;

    Target(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True if a behavior of this target may be attached to {@code o}. */
    public boolean accepts(NetworkObject o) {
        switch (this) {
            case NETWORK: return o instanceof Network;
            case NEURON_GROUP: return o instanceof NeuronGroup;
            case SYNAPSE_GROUP: return o instanceof SynapseGroup;
            default: return true;
        }
    }
}
