package org.conex.runtime.model;

import java.util.List;

/**
 * One entry of {@code recorders}: which variables of which object are streamed to disk.
 *
 * @param target    tag of the recorded object (a group, a synapse group, or the network)
 * @param variables variables recorded densely: one row per sample, {@code [T, ...shape]} in a .npy file
 * @param events    variables recorded as events: one {@code (step, index)} row per non-zero element
 * @param every     sample every this many steps (1: every step)
 * @param neurons   indices to keep (neuron groups only), or null for all
 * @param path      JSON path of the entry
 */
public record RecorderSpec(String target, List<String> variables, List<String> events, int every, int[] neurons,
                           String path) {
    public RecorderSpec {
        variables = List.copyOf(variables);
        events = List.copyOf(events);
        neurons = neurons == null ? null : neurons.clone();
    }

    @Override
    public int[] neurons() {
        return neurons == null ? null : neurons.clone();
    }
}
