package org.conex.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.conex.api.ModelException;
import org.conex.api.behavior.Behavior;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.KernelThreads;
import org.conex.api.tensor.RandomStreams;

/**
 * The root of a simulation: neuron groups, synapse groups and structures in creation order, the
 * network's own behaviors, the iteration counter, the floating dtype, the synapse orientation and
 * the master seed from which every random stream is derived.
 *
 * <p>The schedule is every attached behavior sorted by (priority, registration order); the runtime
 * ({@code org.conex.runtime.Simulation}) initialises and steps it. Network-level scalars such as
 * {@code dt} (ms), {@code payoff} and {@code dopamine_concentration} are state variables of the
 * network ({@link #scalar(String)}).
 */
public final class Network extends NetworkObject {
    private final DType dtype;
    private final SynapseMode synapseMode;
    private final RandomStreams random;
    private final List<NetworkObject> structures = new ArrayList<>();
    private final List<NeuronGroup> neuronGroups = new ArrayList<>();
    private final List<SynapseGroup> synapseGroups = new ArrayList<>();
    private final List<BehaviorEntry> entries = new ArrayList<>();
    private long sequence;
    private long structureVersion;
    private long iteration;
    private boolean initialized;
    private boolean referenceQuirks;
    private volatile KernelThreads kernelThreads = KernelThreads.SINGLE;
    private final List<String> warnings = new ArrayList<>();
    /** How many neuron groups asked for each primary tag (the count PymoNNtorch's rename uses). */
    private final java.util.Map<String, Integer> askedTags = new java.util.HashMap<>();

    /** A float32, SxD network with master seed 0 and tag "Network". */
    public Network() {
        this("Network", DType.FLOAT32, SynapseMode.SxD, 0L);
    }

    /**
     * @param tag         name of the network
     * @param dtype       floating type of all state
     * @param synapseMode dense matrix orientation
     * @param seed        master seed of all random streams
     */
    public Network(String tag, DType dtype, SynapseMode synapseMode, long seed) {
        super(null, tag == null || tag.isBlank() ? "Network" : tag, "Network");
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.synapseMode = Objects.requireNonNull(synapseMode, "synapseMode");
        this.random = new RandomStreams(seed);
    }

    @Override
    public String kind() {
        return "network";
    }

    public DType dtype() {
        return dtype;
    }

    public SynapseMode synapseMode() {
        return synapseMode;
    }

    public RandomStreams random() {
        return random;
    }

    /** Time step in ms: the {@code dt} variable set by TimeResolution, 1 if absent. */
    public double dt() {
        return scalar("dt", 1.0);
    }

    /** The step counter: 0 before the first step, 1 during the first step. */
    public long iteration() {
        return iteration;
    }

    /** Runtime use (stepping, resume from checkpoint). */
    public void setIteration(long iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, found " + iteration);
        }
        this.iteration = iteration;
    }

    /**
     * Whether behaviors that offer a compatibility mode reproduce the Python reference's documented
     * quirks instead of their default behavior. Off by default; the conformance runner turns it on
     * because the golden corpus records the reference. No built-in behavior reads it today: where
     * the project keeps a reference oddity it is the default (with a parameter for the alternative,
     * e.g. WeightNormalization's {@code sum_all_1d}); the flag is for plugins with such a mode. A
     * behavior parameter that selects the behavior explicitly should win over this flag.
     */
    public boolean referenceQuirks() {
        return referenceQuirks;
    }

    /** See {@link #referenceQuirks()}. Set it before initialization. */
    public void setReferenceQuirks(boolean on) {
        this.referenceQuirks = on;
    }

    /**
     * The threads that large kernels of this network's behaviors may split their work over
     * ({@link org.conex.api.tensor.RowSums} for example): {@link KernelThreads#SINGLE} unless set.
     * The results do not depend on it, only the time does.
     */
    public KernelThreads kernelThreads() {
        return kernelThreads;
    }

    /**
     * Sets the threads of {@link #kernelThreads()}; may be changed between steps. The caller owns
     * them (and closes them, if they need closing, after the network's last step).
     */
    public void setKernelThreads(KernelThreads threads) {
        this.kernelThreads = Objects.requireNonNull(threads, "threads");
    }

    /**
     * Records a warning about the model: something legal that is probably not what the user meant
     * (for example a LIF group without Fire, whose spikes never change). Warnings do not stop
     * anything; the command-line runner prints them after initialization and writes them to the
     * run's log. The same message is kept once.
     *
     * @param message the whole message, naming the behavior and object it is about
     */
    public void warn(String message) {
        Objects.requireNonNull(message, "message");
        if (!warnings.contains(message)) {
            warnings.add(message);
        }
    }

    /** The warnings recorded so far ({@link #warn}), oldest first; unmodifiable. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    public boolean isInitialized() {
        return initialized;
    }

    /** Runtime use: set after the initialization passes. */
    public void setInitialized(boolean initialized) {
        this.initialized = initialized;
    }

    // ---------------------------------------------------------------- objects

    /**
     * A flat neuron group of {@code size} neurons. A tag that another neuron group already has is
     * renamed as in PymoNNtorch ("A" becomes "Ab", then "Ac"; the group keeps "A" as its last
     * tag) and a {@link #warn warning} is recorded; a tag of another kind of object (synapse group,
     * structure, the network) is an error; null gives "NeuronGroup_k".
     */
    public NeuronGroup addNeuronGroup(String tag, int size) {
        if (size < 0) {
            throw new ModelException("neuron group '" + tag + "': size must be >= 0, found " + size);
        }
        return addNeuronGroup(tag, size, null);
    }

    /** A neuron group with depth x height x width geometry (tags as {@link #addNeuronGroup(String, int)}). */
    public NeuronGroup addNeuronGroup(String tag, NeuronShape shape) {
        return addNeuronGroup(tag, shape.size(), shape);
    }

    private NeuronGroup addNeuronGroup(String tag, int size, NeuronShape shape) {
        String asked = tag == null ? "NeuronGroup_" + (neuronGroups.size() + 1) : tag.strip();
        boolean clash = neuronGroups.stream().anyMatch(other -> other.tag().equals(asked));
        String t = clash ? renamed(asked) : asked;
        checkNewTag(t); // a tag of another kind of object stays an error
        NeuronGroup g = new NeuronGroup(this, t, size, shape);
        askedTags.merge(asked, 1, Integer::sum);
        if (!t.equals(asked)) {
            g.addTag(asked);
            warn("neuron group tag '" + asked + "' is already taken, so the new group is called '" + t
                    + "' (its tags keep '" + asked + "'), as PymoNNtorch renames duplicate neuron group tags");
        }
        neuronGroups.add(g);
        structures.add(g);
        structureChanged();
        return g;
    }

    /**
     * A synapse group from {@code src} to {@code dst}; {@code extraTags} such as "Proximal" select
     * the dendritic branch. The group also gets the tags "SynapseGroup", "syn" and
     * "&lt;src&gt; =&gt; &lt;dst&gt;".
     */
    public SynapseGroup addSynapseGroup(String tag, NeuronGroup src, NeuronGroup dst, String... extraTags) {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        if (src.network() != this || dst.network() != this) {
            throw new ModelException("synapse group '" + tag + "': source and destination must belong to this network");
        }
        String t = tag == null ? "SynapseGroup_" + (synapseGroups.size() + 1) : tag;
        checkNewTag(t);
        SynapseGroup s = new SynapseGroup(this, t, src, dst, extraTags);
        synapseGroups.add(s);
        structures.add(s);
        structureChanged();
        return s;
    }

    /** Structures (containers, layers) register here so that tag lookup and ordering see them. */
    public void addStructure(NetworkObject structure) {
        if (structure.network() != this) {
            throw new ModelException(structure + " belongs to another network");
        }
        if (!structures.contains(structure)) {
            structures.add(structure);
            structureChanged();
        }
    }

    private boolean isTaken(String t) {
        if (t.isBlank() || t.equals(tag())) {
            return !t.isBlank();
        }
        for (NetworkObject o : structures) {
            if (o.tag().equals(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * PymoNNtorch's rename of a duplicate neuron group tag (core.md 1.4): when c earlier neuron
     * groups asked for {@code t}, the new one is {@code t + (char) ('a' + c)} ("Ab" for the second
     * "A", "Ac" for the third); a name that is taken too is skipped (the reference does not
     * re-check, core.md 6.2 #14), and a tag only a renamed group holds gets "b" first ("Ab" again
     * becomes "Abb").
     */
    private String renamed(String t) {
        int c = Math.max(1, askedTags.getOrDefault(t, 0));
        for (;; c++) {
            String candidate = c < 26 ? t + (char) ('a' + c) : t + "_" + (c + 1);
            if (!isTaken(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * Fails if an object with primary tag {@code t} exists (tags name objects uniquely). Neuron
     * groups are the exception: {@link #addNeuronGroup} renames a duplicate as the reference does.
     */
    public void checkNewTag(String t) {
        if (t == null || t.isBlank()) {
            throw new ModelException("an object needs a non-blank tag");
        }
        if (t.strip().equals(tag())) {
            throw new ModelException("duplicate tag '" + t + "': it is the network's own tag");
        }
        for (NetworkObject o : structures) {
            if (o.tag().equals(t.strip())) {
                throw new ModelException("duplicate tag '" + t + "': " + o + " already has it; every group, synapse and"
                        + " structure needs a unique primary tag");
            }
        }
    }

    public List<NeuronGroup> neuronGroups() {
        return Collections.unmodifiableList(neuronGroups);
    }

    public List<SynapseGroup> synapseGroups() {
        return Collections.unmodifiableList(synapseGroups);
    }

    /** Every object except the network, in creation order. */
    public List<NetworkObject> structures() {
        return Collections.unmodifiableList(structures);
    }

    /** The network followed by every structure. */
    public List<NetworkObject> allObjects() {
        List<NetworkObject> all = new ArrayList<>(structures.size() + 1);
        all.add(this);
        all.addAll(structures);
        return all;
    }

    /**
     * Live tag lookup in reference order: the network (if tagged), its matching behaviors, then for
     * each structure in creation order the structure (if tagged) followed by its matching behaviors.
     * Nothing is cached.
     */
    public List<Object> find(String tag) {
        List<Object> out = new ArrayList<>();
        for (NetworkObject o : allObjects()) {
            if (o.hasTag(tag)) {
                out.add(o);
            }
            for (Behavior<?> b : o.behaviors().values()) {
                if (b.hasTag(tag)) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    /** The object (network, group, synapse or structure) with primary tag {@code tag}, or null. */
    public NetworkObject object(String tag) {
        if (tag().equals(tag)) {
            return this;
        }
        for (NetworkObject o : structures) {
            if (o.tag().equals(tag)) {
                return o;
            }
        }
        return null;
    }

    /** The neuron group with primary tag {@code tag}. */
    public NeuronGroup neuronGroup(String tag) {
        for (NeuronGroup g : neuronGroups) {
            if (g.tag().equals(tag)) {
                return g;
            }
        }
        throw new ModelException("no neuron group '" + tag + "' (groups: " + tagsOf(neuronGroups) + ")");
    }

    /** The synapse group with primary tag {@code tag}. */
    public SynapseGroup synapseGroup(String tag) {
        for (SynapseGroup s : synapseGroups) {
            if (s.tag().equals(tag)) {
                return s;
            }
        }
        throw new ModelException("no synapse group '" + tag + "' (synapse groups: " + tagsOf(synapseGroups) + ")");
    }

    private static List<String> tagsOf(List<? extends NetworkObject> l) {
        List<String> t = new ArrayList<>();
        for (NetworkObject o : l) {
            t.add(o.tag());
        }
        return t;
    }

    /** Enables or disables every behavior carrying {@code tag} (e.g. "weight_learning"). */
    public int setBehaviorsEnabled(String tag, boolean enabled) {
        int n = 0;
        for (Object o : find(tag)) {
            if (o instanceof Behavior) {
                ((Behavior<?>) o).setEnabled(enabled);
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- schedule bookkeeping

    void register(NetworkObject owner, double priority, Behavior<?> b) {
        entries.add(new BehaviorEntry(priority, sequence++, owner, b));
        structureChanged();
    }

    void unregister(Behavior<?> b) {
        entries.removeIf(e -> e.behavior() == b);
        structureChanged();
    }

    void structureChanged() {
        structureVersion++;
    }

    /** Increases on every structural change (objects, behaviors, tags). */
    public long structureVersion() {
        return structureVersion;
    }

    /** Every attached behavior sorted by priority, ties by registration order. */
    public List<BehaviorEntry> schedule() {
        List<BehaviorEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingDouble(BehaviorEntry::priority).thenComparingLong(BehaviorEntry::sequence));
        return sorted;
    }
}
