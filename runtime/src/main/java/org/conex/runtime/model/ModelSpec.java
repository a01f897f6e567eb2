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

    /** A copy with another run section. */
    public ModelSpec withRun(RunSpec r) {
        return new ModelSpec(name, description, network, groups, structures, synapses, inputs, recorders, r);
    }
}
