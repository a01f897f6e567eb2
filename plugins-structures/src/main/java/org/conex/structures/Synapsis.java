package org.conex.structures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.SynapseGroup;
import org.conex.api.structure.BehaviorSpec;
import org.conex.api.structure.Structure;
import org.conex.api.structure.StructureContext;
import org.conex.api.structure.StructureType;

/**
 * A port-to-port connection (type {@code "Synapsis"}). Naming follows the reference, from the
 * connection's point of view: {@code input_port} is an output port of the source,
 * {@code output_port} an input port of the destination.
 *
 * <p>Once both ends are known, the source side resolves to pairs {@code (S_i, b_i)} and the
 * destination side to {@code (D_j, c_j)} ({@link PortResolver}); for each i (outer) and j
 * (inner) one synapse group {@code S_i -> D_j} is created with behaviors
 * {@code b_i ⊕ c_j ⊕ synapsis_behavior} (later maps win on equal priorities: connection over
 * destination ports over source ports), each group with its own fresh instances (the reference
 * shares instances between groups). Groups are derived objects tagged
 * {@code <synapsis tag>.<src tag>=><dst tag>} plus {@code synaptic_tag}.
 *
 * <p>References: {@code src}, {@code dst}.
 */
public final class Synapsis extends Structure {
    public static final StructureType TYPE = StructureType.builder("Synapsis", Synapsis::new)
            .params(ParamSpec.of("input_port", ParamKind.STRING).doc("output port of the source to leave through"),
                    ParamSpec.of("output_port", ParamKind.STRING).doc("input port of the destination to enter"),
                    ParamSpec.of("synapsis_behavior", ParamKind.ANY).doc("behaviors of every created synapse group"
                            + " (they win over port behaviors)"),
                    ParamSpec.of("synaptic_tag", ParamKind.STRING).doc("extra tags of the created synapse groups,"
                            + " e.g. Proximal"))
            .description("synapse groups between the ports of two structures (or groups)")
            .build();

    private final String inputPort;
    private final String outputPort;
    private final List<BehaviorSpec> behaviors;
    private final String synapticTag;
    private final BehaviorLookup lookup;
    private NetworkObject src;
    private NetworkObject dst;

    /**
     * @param network     owning network
     * @param tag         primary tag, or null for {@code Synapsis_<n>}
     * @param src         source structure or neuron group (null: connect later)
     * @param inputPort   output port of {@code src} (ignored for a group)
     * @param dst         destination structure or neuron group (null: connect later)
     * @param outputPort  input port of {@code dst} (ignored for a group)
     * @param behaviors   behaviors of every created synapse group (null: none)
     * @param synapticTag extra tags of the created groups (null: none)
     * @param lookup      installed behaviors
     */
    public Synapsis(Network network, String tag, NetworkObject src, String inputPort, NetworkObject dst,
                    String outputPort, List<BehaviorSpec> behaviors, String synapticTag, BehaviorLookup lookup) {
        super(network, tag, TYPE, TYPE.params(params(inputPort, outputPort, behaviors, synapticTag)));
        this.inputPort = inputPort;
        this.outputPort = outputPort;
        this.behaviors = behaviors == null ? List.of() : List.copyOf(behaviors);
        this.synapticTag = synapticTag;
        this.lookup = lookup;
        check();
        connectSrc(src);
        connectDst(dst);
    }

    private Synapsis(StructureContext ctx) {
        super(ctx.network(), ctx.tag(), TYPE, ctx.params());
        this.inputPort = (String) ctx.params().get("input_port");
        this.outputPort = (String) ctx.params().get("output_port");
        this.behaviors = BehaviorSpecs.fromValue(ctx.params().get("synapsis_behavior"),
                this + " parameter 'synapsis_behavior'");
        this.synapticTag = (String) ctx.params().get("synaptic_tag");
        this.lookup = ctx.behaviorLookup();
        Refs.only(ctx, TYPE.name(), "src", "dst");
        if (!ctx.members().isEmpty()) {
            throw new ConexException(this + ": takes no members (its synapse groups come from its ports)");
        }
        check();
        connectSrc(ctx.refs().get("src"));
        connectDst(ctx.refs().get("dst"));
    }

    private static Map<String, Object> params(String in, String out, List<BehaviorSpec> b, String tag) {
        Map<String, Object> m = new HashMap<>();
        m.put("input_port", in);
        m.put("output_port", out);
        m.put("synapsis_behavior", b == null || b.isEmpty() ? null : BehaviorSpecs.toValue(b));
        m.put("synaptic_tag", tag);
        return m;
    }

    private void check() {
        BehaviorSpecs.check(behaviors, lookup, this + " synapsis_behavior");
        BehaviorMap.of(behaviors, lookup, this + " synapsis_behavior");
    }

    public NetworkObject src() {
        return src;
    }

    public NetworkObject dst() {
        return dst;
    }

    /** Sets the source if it is not set yet, then creates the synapses if both ends are set. */
    public void connectSrc(NetworkObject s) {
        if (src == null && s != null) {
            src = s;
            setRef("src", s);
        }
        createSynapses();
    }

    /** Sets the destination if it is not set yet, then creates the synapses if both ends are set. */
    public void connectDst(NetworkObject d) {
        if (dst == null && d != null) {
            dst = d;
            setRef("dst", d);
        }
        createSynapses();
    }

    /** Creates the synapse groups if both ends are set and none exist yet. */
    public void createSynapses() {
        if (src == null || dst == null || !derived().isEmpty()) {
            return;
        }
        String who = toString();
        List<PortResolver.Endpoint> sources = PortResolver.resolve(src, inputPort, true, lookup, who);
        List<PortResolver.Endpoint> targets = PortResolver.resolve(dst, outputPort, false, lookup, who);
        BehaviorMap own = BehaviorMap.of(behaviors, lookup, who + " synapsis_behavior");
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (PortResolver.Endpoint s : sources) {
            for (PortResolver.Endpoint d : targets) {
                String t = derivedTag(s.group().tag() + "=>" + d.group().tag());
                int n = seen.merge(t, 1, Integer::sum);
                if (n > 1) {
                    t = t + "#" + n;
                }
                SynapseGroup sg = network().addSynapseGroup(t, s.group(), d.group(),
                        synapticTag == null ? new String[0] : new String[] {synapticTag});
                adoptDerived(null, sg);
                s.behaviors().overlay(d.behaviors()).overlay(own).attachTo(sg, lookup);
            }
        }
    }

    /** The created synapse groups (source-major order). */
    public List<SynapseGroup> synapses() {
        List<SynapseGroup> out = new ArrayList<>();
        for (NetworkObject o : derived()) {
            out.add((SynapseGroup) o);
        }
        return out;
    }
}
