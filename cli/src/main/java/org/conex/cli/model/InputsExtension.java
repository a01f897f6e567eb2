package org.conex.cli.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.helper.DataSource;
import org.conex.api.helper.HelperContext;
import org.conex.api.helper.HelperLookup;
import org.conex.api.helper.HelperRegistry;
import org.conex.api.helper.Sample;
import org.conex.api.helper.SampleTransform;
import org.conex.api.helper.TensorTransform;
import org.conex.api.model.Network;
import org.conex.api.structure.InputBatch;
import org.conex.api.tensor.RandomStreams;
import org.conex.runtime.JsonValues;
import org.conex.runtime.model.ModelContext;
import org.conex.runtime.model.ModelExtension;
import org.conex.runtime.model.SectionEntry;
import org.conex.runtime.model.Suggestions;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The model's {@code inputs} section, built with the helpers plugin. An entry
 * <pre>
 * - name: digits                                   # the binding an InputLayer's 'data' names
 *   dataset: {type: MNIST, params: {images: ..., labels: ..., limit: 1000}}
 *   transforms: [{type: SqueezeTransform, params: {dim: 0}}, {type: NormalizeTransform}]
 *   encoder: {type: Poisson, params: {time_window: 30, ratio: 0.2}}
 *   location_transforms: [{type: UnsqueezeTransform, params: {dim: 0}}]   # optional
 * </pre>
 * becomes an {@code Iterable<InputBatch>}: one batch per sample (the encoded spike train
 * {@code [T, ...]}, the sample's location if a step such as a grid mask set one, and its label),
 * transformed lazily when the input layer reaches it. This is the model-file form of CoNeX's
 * {@code LocationDataset}: {@code transforms} are its pre-transform (masks set the location),
 * {@code encoder} its post-transform, {@code location_transforms} (tensor transforms and filters
 * applied to the location, skipped when a sample has none) its location transform.
 * Relative data paths resolve against the base folder (the model file's folder). Stochastic steps
 * draw from the network's streams {@code input/NAME/...}, so they follow the master seed and are
 * saved in checkpoints.
 */
public final class InputsExtension implements ModelExtension {
    private static final Set<String> KEYS = Set.of("name", "dataset", "transforms", "encoder", "location_transforms");

    private final HelperLookup helpers;
    private final Path baseDirectory;

    /**
     * @param baseDirectory folder relative data paths resolve against
     */
    public InputsExtension(HelperLookup helpers, Path baseDirectory) {
        this.helpers = helpers;
        this.baseDirectory = baseDirectory;
    }

    /** With the helpers found on the class path. */
    public InputsExtension(Path baseDirectory) {
        this(HelperRegistry.fromClassPath(), baseDirectory);
    }

    @Override
    public String section() {
        return "inputs";
    }

    @Override
    public boolean accepts(SectionEntry entry) {
        return true;
    }

    @Override
    public String describe() {
        return "helpers plugin: " + helpers.names();
    }

    @Override
    public void check(SectionEntry entry, ModelContext ctx) {
        JsonNode e = entry.entry();
        String p = entry.path();
        boolean ok = true;
        for (Iterator<String> it = e.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                ctx.problem(p + "." + k, "unknown key '" + k + "'" + Suggestions.hint(k, KEYS) + "; expected one of "
                        + new java.util.TreeSet<>(KEYS));
                ok = false;
            }
        }
        JsonNode name = e.get("name");
        if (name == null || !name.isTextual() || !name.asText().matches("[A-Za-z_][A-Za-z0-9_\\-]*")) {
            ctx.problem(p + ".name", "expected a name for the input (an InputLayer's 'data' refers to it), found "
                    + org.conex.runtime.model.Json.describe(name));
            ok = false;
        } else if (ctx.bindings().containsKey(name.asText())) {
            ctx.problem(p + ".name", "expected a unique input name, found \"" + name.asText() + "\" a second time");
            ok = false;
        }
        if (!e.has("dataset")) {
            ctx.problem(p + ".dataset", "is required: expected {type: MNIST, params: {...}} or another dataset helper ("
                    + helpers.names() + "), found nothing");
            ok = false;
        }
        if (!ok) {
            return;
        }
        // declared even when the data is broken, so that the layer reading it is checked on its own
        ctx.bindings().put(name.asText(), List.of());
        try {
            source(entry, new RandomStreams(0)).size();
        } catch (ConexException | IllegalArgumentException ex) {
            ctx.problem(p, ex.getMessage());
        }
    }

    @Override
    public void build(SectionEntry entry, Network network, BehaviorLookup behaviors, Map<String, Object> bindings) {
        DataSource data = source(entry, network.random());
        bindings.put(entry.entry().get("name").asText(), (Iterable<InputBatch>) () -> batches(data));
    }

    /** The transformed data source of an entry (lazy: nothing is transformed before it is read). */
    DataSource source(SectionEntry entry, RandomStreams random) {
        JsonNode e = entry.entry();
        String name = e.path("name").asText();
        HelperContext hc = new HelperContext(random, baseDirectory, "input/" + name);
        DataSource data;
        try {
            data = helpers.dataset(JsonValues.toJava(e.get("dataset")), hc);
        } catch (ConexException ex) {
            throw new ConexException("dataset: " + ex.getMessage(), ex);
        }
        List<Object> steps = new ArrayList<>();
        JsonNode t = e.get("transforms");
        if (t != null && !t.isNull()) {
            if (!t.isArray()) {
                throw new ConexException("transforms: expected a list of {type: NAME, params: {...}}, found "
                        + org.conex.runtime.model.Json.describe(t));
            }
            t.forEach(s -> steps.add(JsonValues.toJava(s)));
        }
        if (e.hasNonNull("encoder")) {
            steps.add(JsonValues.toJava(e.get("encoder")));
        }
        SampleTransform pipeline = helpers.pipeline(steps, hc).andThen(locationSteps(e.get("location_transforms"), hc));
        return data.map(pipeline);
    }

    /** The {@code location_transforms} as one step on the samples' locations (identity if absent). */
    private SampleTransform locationSteps(JsonNode t, HelperContext hc) {
        if (t == null || t.isNull()) {
            return SampleTransform.identity();
        }
        if (!t.isArray()) {
            throw new ConexException("location_transforms: expected a list of {type: NAME, params: {...}}, found "
                    + org.conex.runtime.model.Json.describe(t));
        }
        List<TensorTransform> ts = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            try {
                ts.add(helpers.create(JsonValues.toJava(t.get(i)), hc, TensorTransform.class));
            } catch (ConexException ex) {
                throw new ConexException("location_transforms step " + i + ": " + ex.getMessage(), ex);
            }
        }
        return sample -> {
            if (sample.location().isEmpty()) {
                return sample;
            }
            INDArray loc = sample.location().get();
            for (TensorTransform tt : ts) {
                loc = tt.transform(loc);
            }
            return sample.withLocation(loc);
        };
    }

    private static Iterator<InputBatch> batches(DataSource data) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < data.size();
            }

            @Override
            public InputBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Sample s = data.get(next++);
                return new InputBatch(s.sensory(), s.location().orElse(null),
                        s.label().isPresent() ? Nd4j.createFromArray(new long[] {s.label().getAsLong()}) : null);
            }
        };
    }
}
