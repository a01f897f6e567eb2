package org.conex.api.model;

/**
 * Orientation of dense synapse matrices. {@link #SxD} (the default): {@code [src.size, dst.size]},
 * row = presynaptic neuron. {@link #DxS}: {@code [dst.size, src.size]}.
 */
public enum SynapseMode {
    SxD,
    DxS
}
