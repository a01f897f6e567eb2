package org.conex.api.behavior;

/**
 * What a synapse-group behavior's forward does to its owner's {@code weights}, declared on its
 * {@link BehaviorType} ({@link BehaviorType.Builder#weightAccess}). Behaviors that must see every
 * changed weight (WeightClip) use the synapse's {@link org.conex.api.tensor.WeightChanges} instead
 * of sweeping the whole matrix only when every scheduled behavior of the synapse is {@link #NONE}
 * or {@link #REPORTED}; one {@link #UNKNOWN} behavior (the default, e.g. a custom rule written with
 * plain ND4J ops) keeps the full sweep, so such behaviors stay correct, only slower.
 */
public enum WeightAccess {
    /** May write the weights without reporting what changed (the safe default). */
    UNKNOWN,
    /** Never writes the weights in forward (inputs, spike catchers, traces). */
    NONE,
    /**
     * Writes the weights in forward and marks every changed row or column (or everything) on the
     * synapse's {@link org.conex.api.model.SynapseGroup#weightChanges()}, or changes only entries
     * that were already marked for its readers (a clip).
     */
    REPORTED
}
