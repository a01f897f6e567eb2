package org.conex.cli;

import java.util.Arrays;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.runtime.model.ModelSpec;
import org.conex.runtime.model.RecorderSpec;
import org.conex.runtime.model.SectionEntry;

/** The resolved network as text, for {@code validate} and the run log. */
public final class Summary {
    private Summary() {
    }

    /** The model's name, network settings, groups, synapse groups, structures, inputs, recorders and run. */
    public static String of(ModelSpec spec, Network net) {
        StringBuilder sb = new StringBuilder();
        sb.append("Model '").append(spec.name()).append("'");
        if (!spec.description().isEmpty()) {
            sb.append(": ").append(spec.description());
        }
        sb.append('\n');
        sb.append(String.format("Network '%s': dt %s ms, %s, seed %d, synapses %s%n", net.tag(),
                fmt(spec.network().dt()), net.dtype(), net.random().masterSeed(), net.synapseMode()));
        behaviors(sb, net.behaviors().values().toArray(new Behavior<?>[0]));
        sb.append("Neuron groups:\n");
        for (NeuronGroup g : net.neuronGroups()) {
            sb.append(String.format("  %-16s %8d neurons%s  tags %s%n", g.tag(), g.size(),
                    g.hasGeometry() ? " (" + g.shape() + ")" : "", g.tags()));
            behaviors(sb, g.behaviors().values().toArray(new Behavior<?>[0]));
        }
        sb.append("Synapse groups:\n");
        if (net.synapseGroups().isEmpty()) {
            sb.append("  (none)\n");
        }
        for (SynapseGroup s : net.synapseGroups()) {
            sb.append(String.format("  %-16s %s -> %s  %s  tags %s%n", s.tag(), s.src().tag(), s.dst().tag(),
                    Arrays.toString(s.matrixShape()), s.tags()));
            behaviors(sb, s.behaviors().values().toArray(new Behavior<?>[0]));
        }
        for (SectionEntry e : spec.structures()) {
            sb.append("Structure ").append(e.path()).append(": ").append(e.entry()).append('\n');
        }
        for (SectionEntry e : spec.inputs()) {
            sb.append("Input ").append(e.path()).append(": ").append(e.entry()).append('\n');
        }
        sb.append("Recorders:\n");
        if (spec.recorders().isEmpty()) {
            sb.append("  (none)\n");
        }
        for (RecorderSpec r : spec.recorders()) {
            sb.append(String.format("  %-16s every %d step%s: %s%s%s%n", r.target(), r.every(), r.every() == 1 ? "" : "s",
                    r.variables().isEmpty() ? "" : "variables " + r.variables() + " ",
                    r.events().isEmpty() ? "" : "events " + r.events() + " ",
                    r.neurons() == null ? "" : "neurons " + Arrays.toString(r.neurons())));
        }
        sb.append(String.format("Run: %d steps, checkpoint every %s, NaN/Inf check every %s, flush every %d steps%n",
                spec.run().steps(), every(spec.run().checkpointEvery()), every(spec.run().checkEvery()),
                spec.run().flushEvery()));
        return sb.toString();
    }

    private static void behaviors(StringBuilder sb, Behavior<?>[] list) {
        for (Behavior<?> b : list) {
            sb.append(String.format("      %8s %-24s %s%n", Behavior.formatPriority(b.priority()), b.name(),
                    b.params().given()));
        }
    }

    private static String every(long n) {
        return n == 0 ? "never" : n + " steps";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
