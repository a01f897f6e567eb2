package org.conex.api.helper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conex.api.ConexException;

/**
 * Read access to installed helper types by registered name, plus the conversions a model loader
 * needs: a helper description {@code {"type": NAME, "params": {...}}} to an instance, and a list
 * of such descriptions to one composed pipeline.
 *
 * <pre>{@code
 * HelperLookup helpers = HelperRegistry.fromClassPath();
 * HelperContext ctx = new HelperContext(network.random(), modelDir, "input");
 * DataSource data = helpers.dataset(Map.of("type", "MNIST", "params", Map.of("images", "...", "labels", "...")), ctx);
 * SampleTransform steps = helpers.pipeline(List.of(Map.of("type", "SqueezeTransform", "params", Map.of("dim", 0))), ctx);
 * SpikeEncoder enc = helpers.encoder(Map.of("type", "Poisson", "params", Map.of("time_window", 30, "ratio", 0.2)), ctx);
 * }</pre>
 */
public interface HelperLookup {
    /** The type registered as {@code name}, if any. */
    Optional<HelperType> find(String name);

    /** Every registered name, sorted. */
    List<String> names();

    /** The type for {@code name}; throws a {@link ConexException} listing the installed names. */
    default HelperType require(String name) {
        return find(name).orElseThrow(() -> new ConexException("unknown helper '" + name + "'; installed: "
                + names()));
    }

    /**
     * Creates the helper a description names: a map with the key {@code "type"} (registered name)
     * and optionally {@code "params"} (a map of parameters). Other keys are rejected.
     */
    default <T> T create(Object description, HelperContext context, Class<T> expected) {
        if (!(description instanceof Map)) {
            throw new ConexException("a helper description must be an object {\"type\": NAME, \"params\": {...}}, found "
                    + description);
        }
        Map<?, ?> d = (Map<?, ?>) description;
        for (Object key : d.keySet()) {
            if (!Set.of("type", "params").contains(key)) {
                throw new ConexException("helper description key '" + key + "' is unknown; expected \"type\" and \"params\"");
            }
        }
        Object type = d.get("type");
        if (!(type instanceof String)) {
            throw new ConexException("helper description needs \"type\" naming a helper, found " + type);
        }
        Object params = d.get("params");
        if (params != null && !(params instanceof Map)) {
            throw new ConexException("helper " + type + ": \"params\" must be an object, found " + params);
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> p = params == null ? Map.of() : (Map<String, ?>) params;
        return require((String) type).create(p, context, expected);
    }

    /** The encoder a description names. */
    default SpikeEncoder encoder(Object description, HelperContext context) {
        return create(description, context, SpikeEncoder.class);
    }

    /** The dataset a description names. */
    default DataSource dataset(Object description, HelperContext context) {
        return create(description, context, DataSource.class);
    }

    /** The steps (filters, masks, transforms, encoders) composed in list order. */
    default SampleTransform pipeline(List<?> steps, HelperContext context) {
        SampleTransform all = SampleTransform.identity();
        for (int i = 0; i < steps.size(); i++) {
            try {
                all = all.andThen(create(steps.get(i), context, SampleTransform.class));
            } catch (ConexException e) {
                throw new ConexException("pipeline step " + i + ": " + e.getMessage(), e);
            }
        }
        return all;
    }
}
