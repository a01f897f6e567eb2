package org.conex.runtime.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;

/**
 * Builds the (not yet initialised) {@link Network} a {@link ModelSpec} describes, in this order:
 * the network and its behaviors, the inputs (run-time data bindings), the neuron groups, the
 * structures, then the synapse groups, each in file order (creation order is the schedule's tie-break between equal priorities).
 * Behaviors are created by registered name only. Problems found while building (a structure that
 * refuses its parameters, for instance) are collected and thrown together as a
 * {@link ModelInvalidException}, each with the JSON path of its entry.
 */
public final class ModelBuilder {
    private final BehaviorLookup lookup;
    private final ModelReader reader;

    /**
     * @param lookup installed behavior types
     * @param reader the reader that resolved the spec (its extensions build structures and inputs)
     */
    public ModelBuilder(BehaviorLookup lookup, ModelReader reader) {
        this.lookup = lookup;
        this.reader = reader;
    }

    /** Builds the network of {@code spec}; {@code source} names the model in messages. */
    public Network build(ModelSpec spec, String source) {
        List<ModelProblem> problems = new ArrayList<>();
        NetworkSpec ns = spec.network();
        Network net = new Network(ns.tag(), ns.dtype(), ns.synapseMode(), ns.seed());
        boolean hasTimeResolution = ns.behaviors().stream().anyMatch(b -> b.type().equals(ModelReader.TIME_RESOLUTION));
        if (!hasTimeResolution) {
            net.put("dt", ns.dt());
        }
        addBehaviors(net, ns.behaviors(), problems);
        Map<String, Object> bindings = new LinkedHashMap<>();
        extensions(spec.inputs(), net, problems, bindings);
        for (GroupSpec g : spec.groups()) {
            NeuronGroup ng = g.shape() != null ? net.addNeuronGroup(g.tag(), g.shape()) : net.addNeuronGroup(g.tag(),
                    g.size());
            g.tags().forEach(ng::addTag);
            addBehaviors(ng, g.behaviors(), problems);
        }
        extensions(spec.structures(), net, problems, bindings);
        for (SynapseSpec s : spec.synapses()) {
            try {
                SynapseGroup sg = net.addSynapseGroup(s.tag(), net.neuronGroup(s.src()), net.neuronGroup(s.dst()),
                        s.tags().toArray(new String[0]));
                addBehaviors(sg, s.behaviors(), problems);
            } catch (ConexException e) {
                problems.add(new ModelProblem(s.path(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ModelInvalidException(source, problems);
        }
        return net;
    }

    private void extensions(List<SectionEntry> entries, Network net, List<ModelProblem> problems,
                            Map<String, Object> bindings) {
        for (SectionEntry e : entries) {
            try {
                reader.extensionFor(e).orElseThrow(() -> new ConexException("no installed plugin handles this entry"))
                        .build(e, net, lookup, bindings);
            } catch (ModelInvalidException x) {
                problems.addAll(x.problems());
            } catch (ConexException | IllegalArgumentException x) {
                problems.add(new ModelProblem(e.path(), x.getMessage()));
            }
        }
    }

    private void addBehaviors(NetworkObject owner, List<BehaviorSpec> specs, List<ModelProblem> problems) {
        for (BehaviorSpec b : specs) {
            try {
                Behavior<?> beh = lookup.require(b.type()).create(b.params());
                b.tags().forEach(beh::addTag);
                beh.setEnabled(b.enabled());
                owner.addBehavior(b.priority(), beh);
            } catch (ConexException | IllegalArgumentException e) {
                problems.add(new ModelProblem(b.path(), e.getMessage()));
            }
        }
    }
}
