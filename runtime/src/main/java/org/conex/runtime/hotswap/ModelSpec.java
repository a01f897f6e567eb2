package org.conex.runtime.hotswap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The neuron model a group asks for: a registered behavior name (for example {@code "LIF"} or
 * {@code "Izhikevich"}) and its raw parameters, validated by the provider's
 * {@link org.conex.api.behavior.BehaviorType} when an instance is created. Plain data: it holds no
 * plugin object, so a group can keep asking for a model whose bundle is gone.
 *
 * @param name   registered behavior name
 * @param params raw parameters (copied, unmodifiable; may be empty)
 */
public record ModelSpec(String name, Map<String, Object> params) {
    public ModelSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a model needs a behavior name");
        }
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A model without parameters (every parameter at its declared default). */
    public static ModelSpec of(String name) {
        return new ModelSpec(name, Map.of());
    }

    @Override
    public String toString() {
        return params.isEmpty() ? name : name + params;
    }
}
