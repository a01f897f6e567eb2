package org.conex.api.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conex.api.ModelException;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;

/**
 * A reusable sub-network (CoNeX's containers, layers, columns, connections, input and output
 * layers): a {@link NetworkObject} that groups other objects, may carry behaviors and state,
 * and offers named input and output {@link Port}s. It registers itself with
 * {@link Network#addStructure} on construction, so tag lookup and creation order see it.
 *
 * <p>A structure is described completely by its {@linkplain #type() type} name, validated
 * {@linkplain #params() parameters}, {@linkplain #members() members} (objects it owns and that a
 * saved document lists inside it), {@linkplain #refs() references} (named links to other
 * objects, e.g. {@code exc_pop}), ports and behaviors. {@linkplain #derived() Derived} objects
 * are those the structure creates itself from its parameters (the synapse groups of a
 * connection, the populations of an input layer); they are re-created, not saved. Every member
 * and derived object has this structure as its {@linkplain #parentOf parent}.
 *
 * <p>Tags: the primary tag (unique in the network; default {@code <Type>_<n>} with
 * {@code n = number of structures + 1}) followed by the type name. Derived objects are tagged
 * {@code <structure tag>.<name>}.
 *
 * <p>Construction registers the structure once its members are adopted; a subclass that fails
 * later (a port that leads nowhere, a population a connection cannot find) leaves the registered
 * structure and the objects it created so far in the network.
 */
public abstract class Structure extends NetworkObject {
    private final StructureType type;
    private final Params params;
    private final List<NetworkObject> members = new ArrayList<>();
    private final List<NetworkObject> derived = new ArrayList<>();
    private final Map<String, NetworkObject> refs = new LinkedHashMap<>();
    private final Map<String, NetworkObject> derivedRefs = new LinkedHashMap<>();
    private final Map<String, List<Port>> inputPorts = new LinkedHashMap<>();
    private final Map<String, List<Port>> outputPorts = new LinkedHashMap<>();
    private Structure parent;

    /**
     * Creates and registers the structure.
     *
     * @param network owning network
     * @param tag     primary tag, or null for {@code <Type>_<n>}
     * @param type    the registered type this structure is an instance of
     * @param params  parameters validated against {@code type}
     * @throws ModelException if the tag is taken or the parameters belong to another type
     */
    protected Structure(Network network, String tag, StructureType type, Params params) {
        this(network, tag, type, params, List.of());
    }

    /**
     * Creates the structure, adopts {@code members} (see {@link #adopt}) and registers it; a
     * member that cannot be adopted fails before anything is registered.
     *
     * @param members objects to own, in order
     */
    @SuppressWarnings("this-escape")
    protected Structure(Network network, String tag, StructureType type, Params params,
                        List<? extends NetworkObject> members) {
        super(network, checkedTag(network, tag, type));
        this.type = type;
        this.params = Objects.requireNonNull(params, "params");
        if (!params.component().equals(type.name())) {
            throw new ModelException(type.name() + " '" + tag() + "': parameters of " + params.component()
                    + " given to " + type.name());
        }
        addTag(type.name());
        java.util.Set<NetworkObject> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (NetworkObject m : members) {
            checkChild(m);
            if (!seen.add(m)) {
                throw new ModelException(this + ": " + m + " is listed twice among the members");
            }
        }
        for (NetworkObject m : members) {
            adopt(m);
        }
        network.addStructure(this);
    }

    private static String checkedTag(Network network, String tag, StructureType type) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(type, "type");
        String t = tag;
        if (t == null || t.isBlank()) {
            int n = network.structures().size() + 1;
            while (network.object(type.name() + "_" + n) != null) {
                n++;
            }
            t = type.name() + "_" + n;
        }
        if (t.contains(",")) {
            throw new ModelException(type.name() + " tag '" + t + "': a primary tag may not contain ','");
        }
        network.checkNewTag(t.strip());
        return t.strip();
    }

    @Override
    public String kind() {
        return "structure";
    }

    /** The registered type (its name is what saved documents refer to). */
    public final StructureType type() {
        return type;
    }

    /** The validated parameters; {@link Params#given()} is what a saved document records. */
    public final Params params() {
        return params;
    }

    /** The structure this one is a member or derived object of, or null at top level. */
    public final Structure parent() {
        return parent;
    }

    /** Owned objects in adoption order (neuron groups, synapse groups, structures). */
    public final List<NetworkObject> members() {
        return Collections.unmodifiableList(members);
    }

    /** Objects this structure created from its parameters, in creation order. */
    public final List<NetworkObject> derived() {
        return Collections.unmodifiableList(derived);
    }

    /** Members followed by derived objects (the reference's {@code sub_structures}). */
    public final List<NetworkObject> subStructures() {
        List<NetworkObject> all = new ArrayList<>(members);
        all.addAll(derived);
        return Collections.unmodifiableList(all);
    }

    /** The named references a saved document records (e.g. {@code exc_pop}, {@code src}). */
    public final Map<String, NetworkObject> refs() {
        return Collections.unmodifiableMap(refs);
    }

    /**
     * The object known under {@code role}: a reference, or a derived object's role (e.g. an
     * input layer's {@code sensory_pop}); null if none.
     */
    public final NetworkObject ref(String role) {
        NetworkObject o = refs.get(role);
        return o != null ? o : derivedRefs.get(role);
    }

    /** Every role name this structure answers in {@link #ref}, for messages. */
    public final List<String> roles() {
        List<String> r = new ArrayList<>(refs.keySet());
        r.addAll(derivedRefs.keySet());
        return r;
    }

    /** Input ports by label (where connections arriving at this structure lead). */
    public final Map<String, List<Port>> inputPorts() {
        return Collections.unmodifiableMap(inputPorts);
    }

    /** Output ports by label (where connections leaving this structure start). */
    public final Map<String, List<Port>> outputPorts() {
        return Collections.unmodifiableMap(outputPorts);
    }

    /** Sets (or replaces) input port {@code label}. */
    public final void setInputPort(String label, List<Port> ports) {
        inputPorts.put(checkPortLabel(label), checkPorts(label, ports));
    }

    /** Sets (or replaces) output port {@code label}. */
    public final void setOutputPort(String label, List<Port> ports) {
        outputPorts.put(checkPortLabel(label), checkPorts(label, ports));
    }

    private String checkPortLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new ModelException(this + ": a port needs a non-blank label");
        }
        return label;
    }

    private List<Port> checkPorts(String label, List<Port> ports) {
        List<Port> copy = List.copyOf(Objects.requireNonNull(ports, "ports"));
        for (Port p : copy) {
            if (p.object().network() != network()) {
                throw new ModelException(this + ": port '" + label + "' leads to " + p.object()
                        + " of another network");
            }
        }
        return copy;
    }

    // ---------------------------------------------------------------- for subclasses

    /**
     * Takes {@code o} as a member: it must belong to this network and to no other structure, and
     * must not contain this structure (no cycles).
     */
    protected final void adopt(NetworkObject o) {
        checkChild(o);
        members.add(o);
        if (o instanceof Structure) {
            ((Structure) o).parent = this;
        }
    }

    /** Records {@code o} as created by this structure, known under {@code role} (may be null). */
    protected final void adoptDerived(String role, NetworkObject o) {
        checkChild(o);
        derived.add(o);
        if (o instanceof Structure) {
            ((Structure) o).parent = this;
        }
        if (role != null) {
            derivedRefs.put(role, o);
        }
    }

    /** Sets reference {@code role} (recorded when saving); null removes it. */
    protected final void setRef(String role, NetworkObject o) {
        if (o == null) {
            refs.remove(role);
            return;
        }
        if (o.network() != network()) {
            throw new ModelException(this + ": reference '" + role + "' is " + o + " of another network");
        }
        refs.put(role, o);
    }

    /** The tag of a derived object named {@code name}: {@code <this tag>.<name>}. */
    protected final String derivedTag(String name) {
        return tag() + "." + name;
    }

    private void checkChild(NetworkObject o) {
        Objects.requireNonNull(o, "member");
        if (o.network() != network()) {
            throw new ModelException(this + ": " + o + " belongs to another network");
        }
        if (o == this) {
            throw new ModelException(this + ": a structure cannot contain itself (cycle)");
        }
        if (o instanceof Structure) {
            for (Structure a = this; a != null; a = a.parent) {
                if (a == o) {
                    throw new ModelException(this + ": cannot contain " + o + ", which already contains it (cycle)");
                }
            }
        }
        Structure owner = parentOf(o);
        if (owner != null) {
            throw new ModelException(this + ": " + o + " already belongs to " + owner
                    + "; an object has one parent structure");
        }
    }

    /**
     * The structure that owns {@code o} (as member or derived object), or null. For neuron and
     * synapse groups this searches the network's structures (initialisation-time use).
     */
    public static Structure parentOf(NetworkObject o) {
        if (o instanceof Structure) {
            return ((Structure) o).parent;
        }
        for (NetworkObject s : o.network().structures()) {
            if (s instanceof Structure) {
                Structure st = (Structure) s;
                if (st.members.contains(o) || st.derived.contains(o)) {
                    return st;
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return type.name() + " '" + tag() + "'";
    }
}
