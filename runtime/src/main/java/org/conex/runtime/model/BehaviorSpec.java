package org.conex.runtime.model;

import java.util.List;
import java.util.Map;

/**
 * One behavior of an object as resolved from a model file.
 *
 * @param type     registered behavior name (e.g. {@code LIF})
 * @param version  the version of the installed type it was resolved against
 * @param priority execution-order key: the file's {@code priority} or the type's default
 * @param params   raw parameter values (numbers, texts, lists) as given; validated against the type
 * @param tags     extra tags for this behavior instance
 * @param enabled  false: the behavior is built and initialised but skipped in every step until
 *                 enabled (the file's {@code enabled}, CoNeX's {@code behavior_enabled}; default true)
 * @param path     JSON path of the entry, for messages
 */
public record BehaviorSpec(String type, String version, double priority, Map<String, Object> params,
                           List<String> tags, boolean enabled, String path) {
    public BehaviorSpec {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        tags = List.copyOf(tags);
    }

    /** An enabled behavior. */
    public BehaviorSpec(String type, String version, double priority, Map<String, Object> params, List<String> tags,
                        String path) {
        this(type, version, priority, params, tags, true, path);
    }
}
