package org.conex.runtime.model;

import java.util.List;
import org.conex.api.model.NeuronShape;

/**
 * One entry of {@code groups}: a neuron population.
 *
 * @param tag       unique name
 * @param size      number of neurons (&gt;= 1)
 * @param shape     depth x height x width geometry, or null for a flat group
 * @param tags      extra tags (e.g. {@code exc}, {@code inh})
 * @param behaviors resolved behaviors
 * @param path      JSON path of the entry
 */
public record GroupSpec(String tag, int size, NeuronShape shape, List<String> tags, List<BehaviorSpec> behaviors,
                        String path) {
    public GroupSpec {
        tags = List.copyOf(tags);
        behaviors = List.copyOf(behaviors);
    }
}
