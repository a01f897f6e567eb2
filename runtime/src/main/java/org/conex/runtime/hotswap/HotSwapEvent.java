package org.conex.runtime.hotswap;

/**
 * Something that happened to a group's model at a step boundary, for shells and logs.
 *
 * @param kind      what happened
 * @param group     primary tag of the neuron group
 * @param model     the model concerned (the new one, or the lost one for {@link Kind#PAUSED})
 * @param iteration network iteration at the boundary where it took effect
 * @param message   a complete sentence for users (names model, provider and how to resume)
 * @param report    the state migration, or null when no model was attached (pause, wait)
 */
public record HotSwapEvent(Kind kind, String group, String model, long iteration, String message,
                           MigrationReport report) {
    /** Kinds of events. */
    public enum Kind {
        /** A waiting group started with its model. */
        STARTED,
        /** A user swapped the group to another model. */
        SWAPPED,
        /** The provider in use left; another provider of the same name took over. */
        REBOUND,
        /** The provider in use left; the group runs its declared fallback. */
        FALLBACK,
        /** The provider in use left and nothing replaces it; the group is paused with its state. */
        PAUSED,
        /** A paused (or fallback) group got its wanted model back, state kept. */
        RESUMED,
        /** A group is waiting for a model no provider offers. */
        WAITING
    }

    @Override
    public String toString() {
        return "[" + kind + " @" + iteration + "] " + message;
    }
}
