package org.conex.cli.run;

import java.util.function.Supplier;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.BehaviorEntry;
import org.conex.api.model.Network;
import org.conex.runtime.Simulation;

/**
 * Names the behavior that first wrote NaN or infinity into the state, by deterministic replay.
 *
 * <p>The periodic NaN/Inf check of a run only says that the state was finite after step {@code g}
 * and is not after step {@code t}. Checking after every behavior of every step would cost a scan
 * of the whole state per behavior, so a run does not do it. Instead, once a run has failed (its
 * recordings flushed and its final checkpoint written), this class rebuilds the network in the
 * state of an origin known to be finite (the newest periodic checkpoint at or before {@code g},
 * the checkpoint the run was resumed from, or the freshly initialised model) and replays it:
 * <ol>
 *   <li>step by step, scanning the state after each step, to find the first step {@code s} that
 *       leaves a non-finite value;</li>
 *   <li>again from the origin to step {@code s - 1}, then step {@code s} scanning the state after
 *       each behavior: the first behavior after which a value is non-finite wrote it.</li>
 * </ol>
 * Runs are deterministic (same model, seed and checkpoint give bit-identical states), so the
 * replay reproduces the failure. A replay that does not (a non-deterministic plugin, a provider
 * swapped during the run) or that would exceed its time budget says so instead of guessing.
 */
public final class NanLocator {
    private final Supplier<Simulation> origin;
    private final long budgetNanos;

    /**
     * @param origin       builds a fresh, initialised simulation in the origin state (each call a new one)
     * @param budgetMillis wall-clock budget of the whole replay in milliseconds
     */
    public NanLocator(Supplier<Simulation> origin, long budgetMillis) {
        this.origin = origin;
        this.budgetNanos = budgetMillis * 1_000_000L;
    }

    /** Thrown by the probe to stop at the first non-finite value. */
    private static final class Found extends RuntimeException {
        final BehaviorEntry entry;
        final long step;
        final String what;

        Found(BehaviorEntry entry, long step, String what) {
            super(null, null, false, false);
            this.entry = entry;
            this.step = step;
            this.what = what;
        }
    }

    /**
     * Replays up to step {@code failedStep} and returns a sentence naming the behavior, its owner,
     * the step and the variable, or saying why it could not be located.
     */
    public String locate(long failedStep) {
        long deadline = System.nanoTime() + budgetNanos;
        Simulation sim = origin.get();
        Network net = sim.network();
        long from = net.iteration();
        String before = StateHealth.firstNonFinite(net);
        if (before != null) {
            return "the replay origin (step " + from + ") is not finite either (" + before + "); behavior not located";
        }
        long bad = -1;
        while (net.iteration() < failedStep) {
            if (System.nanoTime() > deadline) {
                return budgetExceeded(from, net.iteration());
            }
            sim.step();
            if (StateHealth.firstNonFinite(net) != null) {
                bad = net.iteration();
                break;
            }
        }
        if (bad < 0) {
            return "a replay from step " + from + " to step " + failedStep + " stayed finite: the failure did not "
                    + "reproduce (a non-deterministic behavior, or a provider swapped during the run)";
        }
        sim = null;
        net = null;
        Simulation again = origin.get();
        Network n2 = again.network();
        while (n2.iteration() < bad - 1) {
            if (System.nanoTime() > deadline) {
                return budgetExceeded(from, n2.iteration());
            }
            again.step();
        }
        try {
            again.step((entry, step) -> {
                String what = StateHealth.firstNonFinite(n2, false);
                if (what != null) {
                    throw new Found(entry, step, what);
                }
            });
        } catch (Found f) {
            Behavior<?> b = f.entry.behavior();
            return "first written at step " + f.step + " by behavior '" + b.name() + "' (priority "
                    + Behavior.formatPriority(f.entry.priority()) + ") of " + f.entry.owner().kind() + " '"
                    + f.entry.owner().tag() + "': " + f.what;
        }
        return "the second replay of step " + bad + " stayed finite: the failure did not reproduce";
    }

    private String budgetExceeded(long from, long reached) {
        return "the replay from step " + from + " reached step " + reached + " within its " + budgetNanos / 1_000_000_000L
                + " s budget without finding it; rerun with a smaller check_every to locate it";
    }
}
