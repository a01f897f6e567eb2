package org.conex.behaviors.neurons;

import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Checkpointable;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dendritic delay lines (priority 220). Afferent synapse groups tagged Proximal, Distal or Apical
 * feed a per-kind buffer of {@code *_max_delay} rows: each step the buffers advance one step, then
 * every synapse's current {@code I[j]} (float[N], from its dendritic input at 180) is added to the
 * row of its {@code dst_delay[j]} (steps, long[N]; absent means 0), Proximal synapses first, then
 * Distal, then Apical, each in creation order; finally {@code I_proximal}, {@code I_distal},
 * {@code I_apical} (float[N]) receive the rows due now. A current with dendritic delay d is
 * delivered d steps later (0: this step). Synapses with none of the three tags are ignored.
 *
 * <p>Parameters (steps, integers &gt;= 0): {@code Proximal_max_delay} (default 1),
 * {@code Distal_max_delay} (default 1), {@code Apical_max_delay} (default Distal_max_delay + 1);
 * the lower-case spellings {@code proximal_max_delay}... are accepted too, and so are
 * {@code Proximal_min_delay}... beside the reference's {@code proximal_min_delay}... (reference
 * ODD-4: both spellings of every name; giving both with different values is an error).
 * A max delay of 0 disables that kind: its {@code I_<kind>} stays a zero vector and a synapse
 * tagged with it is an error. {@code proximal_min_delay} (0), {@code distal_min_delay} (0),
 * {@code apical_min_delay} (distal_min_delay + 1, lowered to Apical_max_delay - 1 when needed) are
 * only validated ({@code min < max} for enabled kinds), as in the reference.
 *
 * <p>Fixed reference bugs: BUG-3 (a proximal max of 0 was always rejected) and BUG-4 (a distal max
 * of 0 made the default apical settings invalid). Delays are checked at initialization and on
 * every use: {@code 0 <= dst_delay < max_delay} of the synapse's kind.
 *
 * <p>The pending currents live in this behavior, not in group variables, so it is
 * {@link Checkpointable}: one key per enabled kind ({@code "Proximal"}, {@code "Distal"},
 * {@code "Apical"}), each {@code [<kind>_max_delay, N]} in the network's float type, row d holding
 * the current delivered d steps after the saved step (row 0: the one delivered in it).
 */
public final class SimpleDendriteStructure extends Behavior<NeuronGroup> implements Checkpointable {
    static final String[] KINDS = {"Proximal", "Distal", "Apical"};
    static final String[] OUTPUTS = {"I_proximal", "I_distal", "I_apical"};

    public static final BehaviorType TYPE = BehaviorType.builder("SimpleDendriteStructure",
                    SimpleDendriteStructure::new)
            .priority(220).target(Target.NEURON_GROUP)
            .params(delay("Proximal_max_delay", 1, "rows of the proximal buffer (0 disables proximal input)"),
                    delay("Distal_max_delay", 1, "rows of the distal buffer (0 disables distal input)"),
                    delay("Apical_max_delay", null, "rows of the apical buffer (default Distal_max_delay + 1)"),
                    delay("proximal_max_delay", null, "same as Proximal_max_delay"),
                    delay("distal_max_delay", null, "same as Distal_max_delay"),
                    delay("apical_max_delay", null, "same as Apical_max_delay"),
                    delay("proximal_min_delay", null, "validated only (default 0)"),
                    delay("distal_min_delay", null, "validated only (default 0)"),
                    delay("apical_min_delay", null, "validated only (default distal_min_delay + 1)"),
                    delay("Proximal_min_delay", null, "same as proximal_min_delay"),
                    delay("Distal_min_delay", null, "same as distal_min_delay"),
                    delay("Apical_min_delay", null, "same as apical_min_delay"))
            .description("per-kind dendritic delay buffers producing I_proximal, I_distal, I_apical")
            .build();

    private final int[] maxDelay = new int[3];
    private final DendriteBranch[] branches = new DendriteBranch[3];
    private Afferent[] afferents = new Afferent[0];
    private long boundVersion = -1;

    /** One (synapse, kind) feed with cached views of its delays. */
    private static final class Afferent {
        final SynapseGroup synapse;
        final DendriteBranch branch;
        INDArray delayArray;
        LongBuffer delays;

        Afferent(SynapseGroup synapse, DendriteBranch branch) {
            this.synapse = synapse;
            this.branch = branch;
        }
    }

    private static ParamSpec delay(String name, Integer def, String doc) {
        return ParamSpec.of(name, ParamKind.INTEGER).withDefault(def).atLeast(0).unit("steps").doc(doc);
    }

    /** @throws ParameterException for a min delay not below its enabled max delay */
    public SimpleDendriteStructure(Params params) {
        super(params);
        int proximal = spelled(params, "Proximal_max_delay", "proximal_max_delay", 1);
        int distal = spelled(params, "Distal_max_delay", "distal_max_delay", 1);
        int apical = spelled(params, "Apical_max_delay", "apical_max_delay", distal + 1);
        maxDelay[0] = proximal;
        maxDelay[1] = distal;
        maxDelay[2] = apical;
        int proximalMin = spelled(params, "Proximal_min_delay", "proximal_min_delay", 0);
        int distalMin = spelled(params, "Distal_min_delay", "distal_min_delay", 0);
        int apicalMin = spelled(params, "Apical_min_delay", "apical_min_delay",
                Math.max(0, Math.min(distalMin + 1, apical - 1)));
        checkMin(params, "proximal_min_delay", proximalMin, "Proximal_max_delay", proximal);
        checkMin(params, "distal_min_delay", distalMin, "Distal_max_delay", distal);
        checkMin(params, "apical_min_delay", apicalMin, "Apical_max_delay", apical);
    }

    private static int spelled(Params p, String upper, String lower, int fallback) {
        boolean u = p.isGiven(upper);
        boolean l = p.isGiven(lower);
        if (u && l && p.integer(upper) != p.integer(lower)) {
            throw new ParameterException(p.component(), lower, "the same value as " + upper + " = "
                    + p.integer(upper) + " (both spellings given)", p.integer(lower));
        }
        return u ? p.integer(upper) : l ? p.integer(lower) : fallback;
    }

    private static void checkMin(Params p, String minName, int min, String maxName, int max) {
        if (max > 0 && min >= max) {
            throw new ParameterException(p.component(), minName, "smaller than " + maxName + " = " + max, min);
        }
    }

    /** Creates the buffers and zero {@code I_proximal}, {@code I_distal}, {@code I_apical}, checks synapses. */
    @Override
    public void initialize(NeuronGroup g) {
        DType dt = g.network().dtype();
        for (int b = 0; b < 3; b++) {
            branches[b] = new DendriteBranch(KINDS[b], maxDelay[b], g.size(), dt);
            g.put(OUTPUTS[b], Tensors.zeros(dt.nd4j(), g.size()));
        }
        bind(g);
        for (Afferent a : afferents) {
            delays(g, a);
        }
    }

    /** The buffer length of a kind ("Proximal", "Distal", "Apical"); 0 if disabled. */
    public int maxDelay(String kind) {
        for (int b = 0; b < 3; b++) {
            if (KINDS[b].equals(kind)) {
                return maxDelay[b];
            }
        }
        throw new IllegalArgumentException("unknown dendrite kind '" + kind + "': expected Proximal, Distal or Apical");
    }

    /** The pending currents of every enabled kind (see the class comment); empty before initialization. */
    @Override
    public Map<String, INDArray> saveState() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (DendriteBranch b : branches) {
            if (b != null && b.enabled()) {
                m.put(b.kind(), b.pending());
            }
        }
        return m;
    }

    /**
     * Puts back the pending currents saved by {@link #saveState} from an identically configured
     * instance, after initialization.
     *
     * @throws IllegalArgumentException if the enabled kinds, a buffer's length, the group size or
     *                                  the float type differ; nothing is changed then
     */
    @Override
    public void restoreState(Map<String, INDArray> state) {
        String holder = SavedState.holder(this);
        if (branches[0] == null) {
            throw new IllegalArgumentException(holder + ": restore needs an initialised behavior");
        }
        Set<String> kinds = new HashSet<>();
        for (DendriteBranch b : branches) {
            if (b.enabled()) {
                kinds.add(b.kind());
            }
        }
        SavedState saved = new SavedState(holder, state, kinds);
        INDArray[] rows = new INDArray[3];
        for (int b = 0; b < 3; b++) {
            DendriteBranch br = branches[b];
            if (br.enabled()) {
                rows[b] = saved.get(br.kind(), br.dataType(), br.kind() + "_max_delay x neurons", br.maxDelay(),
                        owner().size());
            }
        }
        for (int b = 0; b < 3; b++) {
            if (rows[b] != null) {
                branches[b].restore(rows[b]);
            }
        }
    }

    /** (Re)collects the afferent synapses per kind and checks that each can feed its buffer. */
    private void bind(NeuronGroup g) {
        List<Afferent> found = new ArrayList<>();
        for (DendriteBranch branch : branches) {
            for (SynapseGroup s : g.afferent(branch.kind())) {
                if (!branch.enabled()) {
                    throw error("synapse group '" + s.tag() + "' is tagged " + branch.kind() + " but "
                            + branch.kind() + "_max_delay = 0 disables that dendrite");
                }
                if (!s.has("I")) {
                    throw error("synapse group '" + s.tag() + "' (" + branch.kind() + ") has no current 'I'; "
                            + "give it a dendritic input behavior (e.g. SimpleDendriticInput)");
                }
                found.add(new Afferent(s, branch));
            }
        }
        afferents = found.toArray(new Afferent[0]);
        boundVersion = g.network().structureVersion();
    }

    /** The synapse's dst_delay view (null: all 0), validated against its branch when it changes. */
    private LongBuffer delays(NeuronGroup g, Afferent a) {
        Object d = a.synapse.get("dst_delay");
        if (d == a.delayArray && (d == null || a.delays != null)) {
            return a.delays;
        }
        a.delayArray = null;
        a.delays = null;
        if (d == null) {
            return null;
        }
        if (!(d instanceof INDArray) || ((INDArray) d).dataType() != DataType.LONG) {
            throw error("synapse group '" + a.synapse.tag() + "': 'dst_delay' must be a long vector, found " + d);
        }
        INDArray arr = (INDArray) d;
        if (arr.length() != g.size()) {
            throw error("synapse group '" + a.synapse.tag() + "': 'dst_delay' has " + arr.length()
                    + " values, the group has " + g.size() + " neurons");
        }
        LongBuffer buf = Views.longs(arr);
        for (int j = 0; j < g.size(); j++) {
            checkDelay(a, j, buf.get(j));
        }
        a.delayArray = arr;
        a.delays = buf;
        return buf;
    }

    private void checkDelay(Afferent a, int neuron, long d) {
        int max = a.branch.maxDelay();
        if (d < 0 || d >= max) {
            throw error("synapse group '" + a.synapse.tag() + "': dst_delay[" + neuron + "] = " + d
                    + " is outside 0.." + (max - 1) + "; raise " + a.branch.kind() + "_max_delay above " + d
                    + " (it is " + max + ")");
        }
    }

    @Override
    public void forward(NeuronGroup g) {
        if (boundVersion != g.network().structureVersion()) {
            bind(g);
        }
        for (int b = 2; b >= 0; b--) {
            if (branches[b].enabled()) {
                branches[b].advance();
            }
        }
        for (Afferent a : afferents) {
            Vec current = a.synapse.vec("I");
            if (current.length() != g.size()) {
                throw error("synapse group '" + a.synapse.tag() + "': current 'I' has " + current.length()
                        + " values, the group has " + g.size() + " neurons");
            }
            LongBuffer d = delays(g, a);
            int bad = a.branch.add(current, d);
            if (bad >= 0) {
                checkDelay(a, bad, d.get(bad));
            }
        }
        for (int b = 0; b < 3; b++) {
            if (branches[b].enabled()) {
                branches[b].deliver(g.vec(OUTPUTS[b]));
            }
        }
    }
}
