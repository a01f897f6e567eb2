package org.conex.bench.behaviors;

import org.conex.api.behavior.Behavior;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.DType;

/** Initialization checks shared by the benchmark behaviors. */
final class Checks {
    private Checks() {
    }

    /** The paper's networks are float32 models: fail early, naming the behavior, on float64. */
    static void float32(Behavior<?> b, NetworkObject owner) {
        if (owner.network().dtype() != DType.FLOAT32) {
            throw new org.conex.api.ModelException(b.name() + " on '" + owner.tag() + "': needs a float32 network, found "
                    + owner.network().dtype());
        }
    }
}
