package org.conex.structures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Params;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.structure.BehaviorSpec;
import org.conex.api.structure.Structure;

/** Creates the populations of input and output layers from their size and behavior parameters. */
final class Populations {
    private Populations() {
    }

    /** A size parameter: n (flat), [h, w] (depth 1) or [d, h, w]; null if absent. */
    static NeuronShape shape(Params p, String param) {
        int[] s = p.ints(param);
        if (s == null) {
            return null;
        }
        for (int v : s) {
            if (v < 1) {
                throw new ParameterException(p.component(), param, "sizes >= 1",
                        java.util.Arrays.stream(s).boxed().toList());
            }
        }
        try {
            switch (s.length) {
                case 1: return NeuronShape.flat(s[0]);
                case 2: return new NeuronShape(1, s[0], s[1]);
                case 3: return new NeuronShape(s[0], s[1], s[2]);
                default:
                    throw new ParameterException(p.component(), param, "n, [height, width] or [depth, height, width]",
                            java.util.Arrays.stream(s).boxed().toList());
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(p.component(), param, e.getMessage());
        }
    }

    /**
     * A population {@code <layer>.<name>} tagged {@code name} (and {@code extraTag}) with
     * {@code fixed} behaviors overlaid by the user-defined list, back-referencing the layer as
     * its {@code layer} variable.
     */
    static NeuronGroup create(Structure layer, String name, NeuronShape shape, String extraTag,
                              List<BehaviorSpec> fixed, Object userDefined, String userParam, BehaviorLookup lookup) {
        String where = layer + " " + name.toLowerCase() + " population";
        List<BehaviorSpec> user = BehaviorSpecs.fromValue(userDefined, layer + " parameter '" + userParam + "'");
        BehaviorSpecs.check(fixed, lookup, where);
        BehaviorSpecs.check(user, lookup, layer + " parameter '" + userParam + "'");
        BehaviorMap behaviors = BehaviorMap.of(fixed, lookup, where).overlay(BehaviorMap.of(user, lookup, where));
        String tag = layer.tag() + "." + name;
        NeuronGroup g = shape.depth() == 1 && shape.height() == 1
                ? layer.network().addNeuronGroup(tag, shape.size())
                : layer.network().addNeuronGroup(tag, shape);
        g.addTag(name);
        g.addTag(extraTag);
        g.put("layer", layer);
        behaviors.attachTo(g, lookup);
        return g;
    }

    /** {@code [type(params)]} for a behavior named by a text parameter ("" or null: none). */
    @SuppressWarnings("unchecked")
    static List<BehaviorSpec> named(Params p, String typeParam, String paramsParam) {
        List<BehaviorSpec> out = new ArrayList<>();
        String type = (String) p.get(typeParam);
        if (type == null || type.isEmpty()) {
            return out;
        }
        TypeNames.check(type, "behavior", p.component() + " parameter '" + typeParam + "'");
        Object params = p.get(paramsParam);
        if (params != null && !(params instanceof Map)) {
            throw new ConexException(p.component() + ": parameter '" + paramsParam + "' must be an object of "
                    + type + " parameters, found " + ParameterException.describe(params));
        }
        out.add(BehaviorSpec.of(type, (Map<String, Object>) params));
        return out;
    }
}
