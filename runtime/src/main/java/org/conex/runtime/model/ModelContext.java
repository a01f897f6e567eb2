package org.conex.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.Target;
import org.conex.api.tensor.DType;

/**
 * What a {@link ModelExtension} sees while a model is checked: the installed behaviors, the network
 * dtype, the neuron groups known so far (tag to size) and a place to report problems.
 */
public final class ModelContext {
    private final BehaviorLookup behaviors;
    private final DType dtype;
    private final Map<String, Integer> groups = new LinkedHashMap<>();
    private final Map<String, Object> bindings = new LinkedHashMap<>();
    private final Map<Class<?>, Object> shared = new java.util.HashMap<>();
    private final Fields fields;
    private final BehaviorReader behaviorReader;

    ModelContext(BehaviorLookup behaviors, DType dtype, Fields fields) {
        this.behaviors = behaviors;
        this.dtype = dtype;
        this.fields = fields;
        this.behaviorReader = new BehaviorReader(behaviors, fields, dtype);
    }

    /** The installed behavior types. */
    public BehaviorLookup behaviors() {
        return behaviors;
    }

    /** The network's floating type. */
    public DType dtype() {
        return dtype;
    }

    /** Neuron groups declared so far (file groups, then structure groups), tag to size. */
    public Map<String, Integer> groups() {
        return Collections.unmodifiableMap(groups);
    }

    /**
     * Names of the run-time objects input entries will provide (name to a placeholder), for the
     * structures that consume them; modifiable.
     */
    public Map<String, Object> bindings() {
        return bindings;
    }

    /** One object of {@code type} shared by the extensions during this read (created on first use). */
    public <T> T shared(Class<T> type, java.util.function.Supplier<T> create) {
        return type.cast(shared.computeIfAbsent(type, k -> create.get()));
    }

    /** Records a problem at {@code path}. */
    public void problem(String path, String message) {
        fields.problem(path, message);
    }

    /** Declares a neuron group the entry at {@code path} will create; a duplicate tag is a problem. */
    public void declareGroup(String tag, int size, String path) {
        if (groups.putIfAbsent(tag, size) != null) {
            problem(path, "expected a unique group tag, found \"" + tag + "\" a second time");
        }
    }

    /**
     * Checks a nested {@code behaviors} list (e.g. of a structure's layer) exactly like the core
     * reader does; returns the resolved behaviors (entries with problems are left out).
     */
    public List<BehaviorSpec> checkBehaviors(JsonNode list, String path, Target target) {
        return behaviorReader.read(list, path, target);
    }
}
