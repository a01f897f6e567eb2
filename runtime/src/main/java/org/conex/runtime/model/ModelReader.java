package org.conex.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;

/**
 * Turns a parsed model document into a {@link ModelSpec}, checking everything that can be checked
 * without allocating: keys, types, ranges, tags and references, behavior names and parameters
 * (through {@link BehaviorType#check}), structure and input entries (through the installed
 * {@link ModelExtension}s) and the memory the network would need ({@link MemoryEstimate}). Every
 * problem of the file is collected; if there is any, {@link #read} throws one
 * {@link ModelInvalidException} listing them all.
 *
 * <p>The format is documented in {@code docs/model-format.md}.
 */
public final class ModelReader {
    /** Keys allowed at the top of a model file. */
    public static final List<String> TOP_KEYS = List.of("name", "description", "network", "groups", "structures",
            "synapses", "inputs", "recorders", "run");
    static final List<String> NETWORK_KEYS = List.of("tag", "dt", "dtype", "seed", "synapse_mode", "behaviors");
    static final List<String> GROUP_KEYS = List.of("tag", "size", "shape", "tags", "behaviors");
    static final List<String> SYNAPSE_KEYS = List.of("tag", "src", "dst", "tags", "behaviors");
    /** The behavior that sets {@code dt}, added automatically when installed. */
    static final String TIME_RESOLUTION = "TimeResolution";

    private final BehaviorLookup lookup;
    private final List<ModelExtension> extensions;
    private final MemoryEstimate.Budget budget;

    /**
     * @param lookup     installed behavior types
     * @param extensions handlers of {@code structures} and {@code inputs} entries (may be empty)
     * @param budget     memory available to the network
     */
    public ModelReader(BehaviorLookup lookup, List<ModelExtension> extensions, MemoryEstimate.Budget budget) {
        this.lookup = lookup;
        this.extensions = List.copyOf(extensions);
        this.budget = budget;
    }

    /** A reader with the available memory of this JVM. */
    public ModelReader(BehaviorLookup lookup, List<ModelExtension> extensions) {
        this(lookup, extensions, MemoryEstimate.Budget.ofThisJvm());
    }

    /** Reads a document; {@code defaultName} names the model when it has no {@code name}. */
    public ModelSpec read(ModelSource.Document doc, String defaultName) {
        return read(doc.tree(), doc.name(), defaultName);
    }

    /**
     * Reads a model tree.
     *
     * @throws ModelInvalidException listing every problem found
     */
    public ModelSpec read(JsonNode root, String source, String defaultName) {
        List<ModelProblem> problems = new ArrayList<>();
        Fields f = new Fields(problems);
        if (!f.object(root, "$", "an object with network, groups, ... at the top")) {
            throw new ModelInvalidException(source, problems);
        }
        f.onlyKeys(root, "$", TOP_KEYS, null);
        String name = f.text(root, "$", "name");
        if (name != null && !Fields.TAG.matcher(name).matches()) {
            f.problem("name", "expected a name of letters, digits, '_' or '-' (it names the run folder), found \"" + name
                    + "\"");
        }
        if (name == null || !Fields.TAG.matcher(name).matches()) {
            name = sanitize(defaultName);
        }
        String description = f.text(root, "$", "description");
        NetworkSpec network = network(root.get("network"), f);
        ModelContext ctx = new ModelContext(lookup, network.dtype(), f);
        Set<String> tags = new LinkedHashSet<>();
        tags.add(network.tag());
        List<SectionEntry> inputs = section(root, "inputs", f, ctx);
        List<GroupSpec> groups = groups(root, f, ctx, tags);
        List<SectionEntry> structures = section(root, "structures", f, ctx);
        for (String g : ctx.groups().keySet()) {
            tags.add(g);
        }
        List<SynapseSpec> synapses = synapses(root, f, ctx, tags);
        List<RecorderSpec> recorders = RecorderReader.recorders(root, f, ctx, network.tag(), synapses);
        RunSpec run = RecorderReader.run(root.get("run"), f);
        ModelSpec spec = new ModelSpec(name, description == null ? "" : description, network, groups, structures,
                synapses, inputs, recorders, run);
        if (problems.isEmpty()) {
            MemoryEstimate.of(spec, ctx, extensions).check(budget, f);
        }
        if (!problems.isEmpty()) {
            throw new ModelInvalidException(source, problems);
        }
        return spec;
    }

    /** The extension that handles an entry of {@code section}, if any. */
    public Optional<ModelExtension> extensionFor(SectionEntry e) {
        for (ModelExtension x : extensions) {
            if (x.section().equals(e.section()) && x.accepts(e)) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    /** Turns a file name into a model name: its stem with unusual characters replaced by '_'. */
    static String sanitize(String s) {
        String stem = s == null ? "model" : s.replaceAll("\\.(json|ya?ml)$", "");
        String clean = stem.replaceAll("[^A-Za-z0-9_\\-]", "_");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0)) && clean.charAt(0) != '_') {
            clean = "model_" + clean;
        }
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }

    private NetworkSpec network(JsonNode n, Fields f) {
        String tag = "Network";
        double dt = 1.0;
        DType dtype = DType.FLOAT32;
        long seed = 0;
        SynapseMode mode = SynapseMode.SxD;
        List<BehaviorSpec> behaviors = new ArrayList<>();
        if (n == null || n.isNull()) {
            addTimeResolution(behaviors, dt, f);
            return new NetworkSpec(tag, dt, dtype, seed, mode, behaviors);
        }
        if (!f.object(n, "network", "an object with dt, dtype, seed, synapse_mode, behaviors")) {
            return new NetworkSpec(tag, dt, dtype, seed, mode, behaviors);
        }
        f.onlyKeys(n, "network", NETWORK_KEYS, null);
        String t = f.tag(n, "network", "tag", false);
        tag = t != null ? t : tag;
        Double d = f.number(n, "network", "dt");
        if (d != null && !(d > 0)) {
            f.problem("network.dt", "expected a time step > 0 (ms), found " + d);
        } else if (d != null) {
            dt = d;
        }
        String ty = f.text(n, "network", "dtype");
        if (ty != null) {
            try {
                dtype = DType.parse(ty);
            } catch (RuntimeException e) {
                f.problem("network.dtype", "expected \"float32\" or \"float64\", found \"" + ty + "\"");
            }
        }
        Long s = f.integer(n, "network", "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        seed = s != null ? s : seed;
        String m = f.text(n, "network", "synapse_mode");
        if (m != null) {
            try {
                mode = SynapseMode.valueOf(m);
            } catch (IllegalArgumentException e) {
                f.problem("network.synapse_mode", "expected \"SxD\" or \"DxS\", found \"" + m + "\"");
            }
        }
        behaviors.addAll(new BehaviorReader(lookup, f, dtype).read(n.get("behaviors"), "network.behaviors",
                Target.NETWORK));
        boolean hasTr = false;
        for (BehaviorSpec b : behaviors) {
            if (b.type().equals(TIME_RESOLUTION)) {
                hasTr = true;
                Object given = b.params().get("dt");
                if (d != null && given instanceof Number && ((Number) given).doubleValue() != dt) {
                    f.problem(b.path() + ".params.dt", "expected the same dt as network.dt (" + dt + " ms), found "
                            + given + "; give dt in one place");
                }
                if (d == null && given instanceof Number) {
                    dt = ((Number) given).doubleValue();
                }
            }
        }
        if (!hasTr) {
            addTimeResolution(behaviors, dt, f);
        }
        return new NetworkSpec(tag, dt, dtype, seed, mode, behaviors);
    }

    private void addTimeResolution(List<BehaviorSpec> behaviors, double dt, Fields f) {
        Optional<BehaviorType> tr = lookup.find(TIME_RESOLUTION);
        if (tr.isPresent() && tr.get().check(Map.of("dt", dt)).isEmpty()) {
            for (BehaviorSpec b : behaviors) {
                if (b.priority() == tr.get().defaultPriority()) {
                    return; // the user put something else there; dt is then set as a plain variable
                }
            }
            behaviors.add(0, new BehaviorSpec(TIME_RESOLUTION, tr.get().version(), tr.get().defaultPriority(),
                    Map.of("dt", dt), List.of(), "network.dt"));
        }
    }

    private List<GroupSpec> groups(JsonNode root, Fields f, ModelContext ctx, Set<String> tags) {
        List<GroupSpec> out = new ArrayList<>();
        JsonNode list = f.list(root, "$", "groups");
        if (list == null) {
            return out;
        }
        BehaviorReader br = new BehaviorReader(lookup, f, ctx.dtype());
        for (int i = 0; i < list.size(); i++) {
            String p = Fields.at("groups", i);
            JsonNode g = list.get(i);
            if (!f.object(g, p, "a neuron group object {tag, size or shape, behaviors}")) {
                continue;
            }
            f.onlyKeys(g, p, GROUP_KEYS, null);
            String tag = f.tag(g, p, "tag", true);
            if (tag != null && !tags.add(tag)) {
                f.problem(Fields.at(p, "tag"), "expected a unique tag, found \"" + tag + "\" a second time");
                tag = null;
            }
            Integer size = size(g, p, f);
            List<String> extra = f.tags(g, p, "tags");
            List<BehaviorSpec> behaviors = br.read(g.get("behaviors"), Fields.at(p, "behaviors"), Target.NEURON_GROUP);
            NeuronShape shape = shape(g, p, f, size);
            if (size == null && shape != null) {
                size = shape.size();
            }
            if (tag != null && size != null) {
                ctx.declareGroup(tag, size, p);
                out.add(new GroupSpec(tag, size, shape, extra, behaviors, p));
            } else if (tag != null) {
                ctx.declareGroup(tag, 0, p); // known tag with a broken size: no follow-up errors where it is used
            }
        }
        return out;
    }

    private static Integer size(JsonNode g, String p, Fields f) {
        JsonNode s = g.get("size");
        if (s == null || s.isNull()) {
            if (!g.hasNonNull("shape")) {
                f.problem(Fields.at(p, "size"), "is required: expected a number of neurons >= 1 (or a shape [depth,"
                        + " height, width]), found nothing");
            }
            return null;
        }
        Long v = f.integer(s, Fields.at(p, "size"), 1, Integer.MAX_VALUE);
        return v == null ? null : v.intValue();
    }

    private static NeuronShape shape(JsonNode g, String p, Fields f, Integer size) {
        JsonNode s = g.get("shape");
        if (s == null || s.isNull()) {
            return null;
        }
        String sp = Fields.at(p, "shape");
        if (!s.isArray() || s.size() < 1 || s.size() > 3) {
            f.problem(sp, "expected [depth, height, width] (or [height, width], or [width]) of integers >= 1, found "
                    + Json.describe(s));
            return null;
        }
        long[] dims = {1, 1, 1};
        boolean ok = true;
        for (int k = 0; k < s.size(); k++) {
            Long d = f.integer(s.get(k), Fields.at(sp, k), 1, Integer.MAX_VALUE);
            if (d == null) {
                ok = false;
            } else {
                dims[3 - s.size() + k] = d;
            }
        }
        if (!ok) {
            return null;
        }
        long n = dims[0] * dims[1] * dims[2];
        if (n > Integer.MAX_VALUE) {
            f.problem(sp, "expected at most " + Integer.MAX_VALUE + " neurons, found " + dims[0] + "x" + dims[1] + "x"
                    + dims[2] + " = " + n);
            return null;
        }
        NeuronShape shape = new NeuronShape((int) dims[0], (int) dims[1], (int) dims[2]);
        if (size != null && size != shape.size()) {
            f.problem(Fields.at(p, "size"), "expected the size of shape " + shape + " (" + shape.size() + "), found "
                    + size + "; give only one of size and shape");
            return null;
        }
        return shape;
    }

    private List<SectionEntry> section(JsonNode root, String section, Fields f, ModelContext ctx) {
        List<SectionEntry> out = new ArrayList<>();
        JsonNode list = f.list(root, "$", section);
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String p = Fields.at(section, i);
            if (!f.object(list.get(i), p, "an object with a 'type'")) {
                continue;
            }
            SectionEntry e = new SectionEntry(section, list.get(i), p);
            Optional<ModelExtension> x = extensionFor(e);
            if (x.isEmpty()) {
                JsonNode type = list.get(i).get("type");
                f.problem(type == null ? p : Fields.at(p, "type"), "no installed plugin handles " + section + " entries"
                        + (type == null ? "" : " of type " + Json.describe(type)) + "; installed handlers: "
                        + describe(section) + "; 'conex plugins' lists what is installed");
                continue;
            }
            x.get().check(e, ctx);
            out.add(e);
        }
        return out;
    }

    private String describe(String section) {
        List<String> d = new ArrayList<>();
        for (ModelExtension x : extensions) {
            if (x.section().equals(section)) {
                d.add(x.describe());
            }
        }
        return d.isEmpty() ? "none" : d.toString();
    }

    private List<SynapseSpec> synapses(JsonNode root, Fields f, ModelContext ctx, Set<String> tags) {
        List<SynapseSpec> out = new ArrayList<>();
        JsonNode list = f.list(root, "$", "synapses");
        if (list == null) {
            return out;
        }
        BehaviorReader br = new BehaviorReader(lookup, f, ctx.dtype());
        for (int i = 0; i < list.size(); i++) {
            String p = Fields.at("synapses", i);
            JsonNode s = list.get(i);
            if (!f.object(s, p, "a synapse group object {tag, src, dst, behaviors}")) {
                continue;
            }
            f.onlyKeys(s, p, SYNAPSE_KEYS, null);
            String src = groupRef(s, p, "src", f, ctx);
            String dst = groupRef(s, p, "dst", f, ctx);
            String tag = f.tag(s, p, "tag", false);
            if (tag == null && src != null && dst != null && !s.hasNonNull("tag")) {
                tag = src + "_to_" + dst;
            }
            if (tag != null && !tags.add(tag)) {
                f.problem(Fields.at(p, "tag"), "expected a unique tag, found \"" + tag + "\" a second time"
                        + (s.hasNonNull("tag") ? "" : " (the default tag src_to_dst; give this synapse group a 'tag')"));
                tag = null;
            }
            List<String> extra = f.tags(s, p, "tags");
            List<BehaviorSpec> behaviors = br.read(s.get("behaviors"), Fields.at(p, "behaviors"), Target.SYNAPSE_GROUP);
            if (tag != null && src != null && dst != null) {
                out.add(new SynapseSpec(tag, src, dst, extra, behaviors, p));
            }
        }
        return out;
    }

    private static String groupRef(JsonNode s, String p, String key, Fields f, ModelContext ctx) {
        String g = f.requiredText(s, p, key, "\"exc\" (a group tag)");
        if (g != null && !ctx.groups().containsKey(g)) {
            f.problem(Fields.at(p, key), "expected the tag of a neuron group, found \"" + g + "\""
                    + Suggestions.hint(g, ctx.groups().keySet()) + "; groups: " + ctx.groups().keySet());
            return null;
        }
        return g;
    }
}
