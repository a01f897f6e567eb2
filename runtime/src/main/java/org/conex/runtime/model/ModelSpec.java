package org.conex.runtime.model;

import java.util.List;

/**
 * A whole experiment as resolved from a model file: every default filled in, every behavior
 * resolved against the installed types (with its priority). {@link ModelWriter} turns it back into
 * the "resolved model" JSON saved in run folders and checkpoints.
 *
 * @param name        experiment name (used for run folder names)
 * @param description free text
 * @param network     the network section
 * @param groups      neuron groups in file order
 * @param structures  structure entries (built by a {@link ModelExtension})
 * @param synapses    synapse groups in file order
 * @param inputs      input entries (built by a {@link ModelExtension})
 * @param recorders   what to record
 * @param run         run length and intervals
 */
public record ModelSpec(String name, String description, NetworkSpec network, List<GroupSpec> groups,
                        List<SectionEntry> structures, List<SynapseSpec> synapses, List<SectionEntry> inputs,
                        List<RecorderSpec> recorders, RunSpec run) {
    public ModelSpec {
        groups = List.copyOf(groups);
        structures = List.copyOf(structures);
        synapses = List.copyOf(synapses);
        inputs = List.copyOf(inputs);
        recorders = List.copyOf(recorders);
    }

    /**
     * The JSON path of the behavior entry that put a behavior at {@code priority} on the object
     * tagged {@code owner} (the network, a group or a synapse group of this file), or null for
     * objects the file does not list itself (those a structure made).
     */
    public String behaviorPath(String owner, double priority) {
        List<BehaviorSpec> list = null;
        if (owner.equals(network.tag())) {
            list = network.behaviors();
        }
        for (GroupSpec g : groups) {
            list = g.tag().equals(owner) ? g.behaviors() : list;
        }
        for (SynapseSpec s : synapses) {
            list = s.tag().equals(owner) ? s.behaviors() : list;
        }
        if (list != null) {
            for (BehaviorSpec b : list) {
                if (b.priority() == priority) {
                    return b.path();
                }
            }
        }
        return null;
    }

    /** A copy with another run section. */
    public ModelSpec withRun(RunSpec r) {
        return new ModelSpec(name, description, network, groups, structures, synapses, inputs, recorders, r);
    }
}
