package org.conex.cli.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.structure.StructureLookup;
import org.conex.runtime.JsonValues;
import org.conex.runtime.model.MemoryEstimate;
import org.conex.runtime.model.ModelContext;
import org.conex.runtime.model.ModelExtension;
import org.conex.runtime.model.ModelProblem;
import org.conex.runtime.model.SectionEntry;
import org.conex.runtime.model.Suggestions;
import org.conex.api.structure.StructureRegistry;
import org.conex.structures.io.DocumentException;
import org.conex.structures.io.DocumentReader;
import org.conex.structures.io.StructureBuilder;
import org.conex.structures.io.StructureDocument;

/**
 * The model's {@code structures} section, built by the structures plugin: each entry is one node
 * of a structure document ({@code {type: CorticalLayer, tag: L4, params: {...}, members: [...],
 * refs: {...}, behaviors: ...}}, format in the plugin's documentation).
 *
 * <p>Checking builds the entry into a scratch network holding the groups declared so far (no
 * behavior is initialised, so nothing large is allocated): every reference, type and parameter
 * is checked by the plugin's own builder, and the groups the structure creates are declared so
 * synapses and recorders may name them. The memory estimate counts those groups and synapse groups.
 */
public final class StructuresExtension implements ModelExtension {
    private final StructureLookup structures;

    /** With the structure types found on the class path. */
    public StructuresExtension() {
        this(StructureRegistry.fromClassPath());
    }

    public StructuresExtension(StructureLookup structures) {
        this.structures = structures;
    }

    @Override
    public String section() {
        return "structures";
    }

    @Override
    public boolean accepts(SectionEntry entry) {
        return true;
    }

    @Override
    public String describe() {
        return "structures plugin: " + structures.names();
    }

    /** The scratch network of one model check and what each entry added to it. */
    private static final class Scratch {
        Network net;
        final Map<String, Long> bytes = new HashMap<>();
    }

    @Override
    public void check(SectionEntry entry, ModelContext ctx) {
        Object type = entry.entry().path("type").isTextual() ? entry.entry().get("type").asText() : null;
        if (type != null && structures.find((String) type).isEmpty() && !List.of("NeuronGroup", "SynapseGroup")
                .contains(type)) {
            ctx.problem(entry.path() + ".type", "unknown structure \"" + type + "\"" + Suggestions.hint((String) type,
                    structures.names()) + "; installed: " + structures.names());
            return;
        }
        JsonNode data = entry.entry().path("params").path("data");
        if ("InputLayer".equals(type) && data.isTextual() && !ctx.bindings().containsKey(data.asText())) {
            ctx.problem(entry.path() + ".params.data", "expected the name of an entry of 'inputs', found \""
                    + data.asText() + "\"" + Suggestions.hint(data.asText(), ctx.bindings().keySet()) + "; inputs: "
                    + ctx.bindings().keySet());
            return;
        }
        Scratch s = ctx.shared(Scratch.class, Scratch::new);
        if (s.net == null) {
            s.net = new Network("scratch", ctx.dtype(), SynapseMode.SxD, 0);
        }
        for (Map.Entry<String, Integer> g : ctx.groups().entrySet()) {
            if (s.net.object(g.getKey()) == null && g.getValue() > 0) {
                s.net.addNeuronGroup(g.getKey(), g.getValue());
            }
        }
        Set<Object> before = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(s.net.structures());
        try {
            StructureBuilder.build(s.net, document(entry), ctx.behaviors(), structures,
                    StructureBuilder.Options.defaults().withBindings(new LinkedHashMap<>(ctx.bindings())));
        } catch (DocumentException e) {
            for (String message : e.problems()) { // every problem the plugin's check found, each at its path
                ModelProblem problem = located(entry.path(), message);
                ctx.problem(problem.path(), problem.message());
            }
            return;
        } catch (ConexException | IllegalArgumentException e) {
            ModelProblem problem = located(entry.path(), e.getMessage());
            ctx.problem(problem.path(), problem.message());
            return;
        }
        long width = ctx.dtype() == org.conex.api.tensor.DType.FLOAT64 ? 8 : 4;
        long bytes = 0;
        Set<String> declared = new HashSet<>(ctx.groups().keySet());
        for (Object o : s.net.structures()) {
            if (before.contains(o)) {
                continue;
            }
            if (o instanceof NeuronGroup) {
                NeuronGroup g = (NeuronGroup) o;
                if (!declared.contains(g.tag())) {
                    ctx.declareGroup(g.tag(), g.size(), entry.path());
                }
                bytes += (long) g.size() * MemoryEstimate.VALUES_PER_NEURON * width;
            } else if (o instanceof SynapseGroup) {
                SynapseGroup sg = (SynapseGroup) o;
                bytes += (long) sg.src().size() * sg.dst().size() * width * MemoryEstimate.DENSE_COPIES;
            }
        }
        s.bytes.put(entry.path(), bytes);
    }

    @Override
    public long estimateBytes(SectionEntry entry, ModelContext ctx) {
        return ctx.shared(Scratch.class, Scratch::new).bytes.getOrDefault(entry.path(), 0L);
    }

    @Override
    public void build(SectionEntry entry, Network network, BehaviorLookup behaviors, Map<String, Object> bindings) {
        StructureBuilder.build(network, document(entry), behaviors, structures,
                StructureBuilder.Options.defaults().withBindings(bindings));
    }

    private static StructureDocument document(SectionEntry entry) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", StructureDocument.FORMAT);
        doc.put("version", (long) StructureDocument.VERSION);
        doc.put("members", List.of(JsonValues.toJava(entry.entry())));
        return DocumentReader.read(doc);
    }

    /** Drops the document-relative prefix ("members[0] ") the plugin puts before its messages. */
    private static final java.util.regex.Pattern LOCATION = java.util.regex.Pattern.compile(
            "^members\\[0\\] ((?:[A-Za-z][A-Za-z0-9_]*)(?: '[^']*')?)((?: > members\\[\\d+\\] [A-Za-z][A-Za-z0-9_]*(?: '[^']*')?)*)"
                    + "(?:: (.*))?$", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern MEMBER = java.util.regex.Pattern.compile(
            " > members\\[(\\d+)\\] ([A-Za-z][A-Za-z0-9_]*(?: '[^']*')?)");
    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile(
            "^(?:'(size|shape|tags|params|tag|type|src|dst|refs|behaviors|members)'|unknown field '([A-Za-z0-9_]+)')");

    /**
     * The structures plugin's message ("members[0] Layer 'L1' > members[0] NeuronGroup 'L1_exc':
     * 'size' must be ...", the entry being the document's first member) as a model problem at a
     * JSON path: {@code structures[0].members[0].size} with "NeuronGroup 'L1_exc': 'size' must be
     * ...". A message in another form stays at the entry's path.
     */
    static ModelProblem located(String entryPath, String message) {
        if (message == null) {
            return new ModelProblem(entryPath, "invalid structure");
        }
        java.util.regex.Matcher m = LOCATION.matcher(message);
        if (!m.matches()) {
            return new ModelProblem(entryPath, message.replaceFirst("^members\\[0\\] ", ""));
        }
        StringBuilder path = new StringBuilder(entryPath);
        String what = m.group(1);
        java.util.regex.Matcher member = MEMBER.matcher(m.group(2));
        while (member.find()) {
            path.append(".members[").append(member.group(1)).append(']');
            what = member.group(2);
        }
        String rest = m.group(3);
        if (rest == null) {
            return new ModelProblem(path.toString(), what);
        }
        java.util.regex.Matcher field = FIELD.matcher(rest);
        if (field.find()) {
            path.append('.').append(field.group(1) != null ? field.group(1) : field.group(2));
        }
        return new ModelProblem(path.toString(), what + ": " + rest);
    }
}
