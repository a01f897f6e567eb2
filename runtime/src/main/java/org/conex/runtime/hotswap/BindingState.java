package org.conex.runtime.hotswap;

/** Where a group's model binding stands; see {@link ModelBinding}. */
public enum BindingState {
    /** The wanted model is attached and runs every step. */
    BOUND,
    /** The wanted model is gone; the group runs its declared fallback model instead. */
    FALLBACK,
    /** No provider has offered the wanted model yet; the group starts once one does. */
    WAITING,
    /** The provider in use went away and nothing could replace it; state is kept, nothing runs. */
    PAUSED;

    /** True if a model behavior is attached to the group. */
    public boolean running() {
        return this == BOUND || this == FALLBACK;
    }
}
