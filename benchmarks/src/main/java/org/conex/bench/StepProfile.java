package org.conex.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.BehaviorEntry;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.runtime.Simulation;

/**
 * Where the time of a step goes: runs an initialised network step by step exactly as
 * {@link Simulation#step} does (iteration first, then every enabled behavior with a forward in
 * schedule order) but times each behavior's forward. The timer costs about 20 ns per behavior and
 * step, so the profile is for proportions, not for the benchmark figures. On a shared machine a
 * step in which the thread was descheduled would charge the whole pause to one behavior, so each
 * behavior's time is its per-step times with the slowest {@value #TRIM_PERCENT}% dropped and the
 * rest scaled back up to all steps.
 */
final class StepProfile {
    private static final int TRIM_PERCENT = 2;

    private StepProfile() {
    }

    /** One behavior's share. */
    record Entry(String behavior, double seconds, double percent) {
    }

    /**
     * Runs {@code steps} profiled steps of {@code net} (already initialised by {@code sim}).
     *
     * @return the behaviors by decreasing time
     */
    @SuppressWarnings("unchecked")
    static List<Entry> run(Simulation sim, long steps) {
        Network net = sim.network();
        List<BehaviorEntry> active = new ArrayList<>();
        for (BehaviorEntry e : sim.schedule()) {
            if (e.behavior().hasForward()) {
                active.add(e);
            }
        }
        int n = (int) steps;
        long[][] perStep = new long[active.size()][n];
        for (int t = 0; t < n; t++) {
            net.setIteration(net.iteration() + 1);
            for (int k = 0; k < perStep.length; k++) {
                BehaviorEntry e = active.get(k);
                Behavior<NetworkObject> b = (Behavior<NetworkObject>) e.behavior();
                if (b.isEnabled()) {
                    long t0 = System.nanoTime();
                    b.forward(e.owner());
                    perStep[k][t] = System.nanoTime() - t0;
                }
            }
        }
        long[] nanos = new long[perStep.length];
        int kept = Math.max(1, n - n * TRIM_PERCENT / 100);
        for (int k = 0; k < nanos.length; k++) {
            long[] d = perStep[k];
            java.util.Arrays.sort(d);
            long sum = 0;
            for (int t = 0; t < kept && t < n; t++) {
                sum += d[t];
            }
            nanos[k] = n == 0 ? 0 : Math.round(sum * (double) n / Math.min(kept, n));
        }
        long total = 0;
        for (long x : nanos) {
            total += x;
        }
        Map<String, Long> byName = new LinkedHashMap<>();
        for (int k = 0; k < nanos.length; k++) {
            byName.merge(active.get(k).owner().tag() + "." + active.get(k).behavior().name(), nanos[k], Long::sum);
        }
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : byName.entrySet()) {
            out.add(new Entry(e.getKey(), e.getValue() / 1e9, total == 0 ? 0 : 100.0 * e.getValue() / total));
        }
        out.sort((a, b) -> Double.compare(b.seconds(), a.seconds()));
        return out;
    }
}
