package org.conex.runtime;

import org.conex.api.ConexException;
import org.conex.api.model.BehaviorEntry;

/**
 * A behavior threw (or produced invalid state) while initialising or stepping. The message names
 * the behavior, its priority, the object and the step (0 = initialization), followed by the cause.
 */
public class BehaviorFailure extends ConexException {
    private static final long serialVersionUID = 1L;
    private final transient BehaviorEntry entry;
    private final long step;

    public BehaviorFailure(BehaviorEntry entry, long step, Throwable cause) {
        super(describe(entry, step) + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause);
        this.entry = entry;
        this.step = step;
    }

    private static String describe(BehaviorEntry e, long step) {
        String when = step == 0 ? "initialization" : "step " + step;
        return e.behavior().name() + " (priority " + org.conex.api.behavior.Behavior.formatPriority(e.priority())
                + ") on " + e.owner().kind() + " '" + e.owner().tag() + "' failed at " + when;
    }

    /** The failing schedule entry. */
    public BehaviorEntry entry() {
        return entry;
    }

    /** The step (iteration) at which it failed; 0 during initialization. */
    public long step() {
        return step;
    }
}
