package org.conex.structures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.structure.BehaviorSpec;
import org.conex.api.structure.Structure;
import org.conex.api.structure.StructureContext;
import org.conex.api.structure.StructureType;

/**
 * Where activity leaves the network (type {@code "OutputLayer"}), the mirror image of
 * {@link InputLayer}: a representation population {@code <tag>.Representation} (tags
 * {@code Representation}, {@code representation_tag}; role {@code representation_pop}) and a
 * motor population {@code <tag>.Motor} (role {@code motor_pop}), each created when its size is
 * given, with {@code 220: <dendrite structure>(params)} overlaid by the user-defined behaviors,
 * and the variable {@code layer} referring to this layer. Connections reach them through the
 * layer's input ports. (The reference crashes whenever a size is given; this is the intended
 * behavior.)
 */
public final class OutputLayer extends Structure {
    /** Role of the representation population. */
    public static final String REPRESENTATION = "representation_pop";
    /** Role of the motor population. */
    public static final String MOTOR = "motor_pop";

    public static final StructureType TYPE = StructureType.builder("OutputLayer", OutputLayer::new)
            .params(ParamSpec.of("representation_size", ParamKind.INTS)
                            .doc("n, [h, w] or [d, h, w] of the representation population"),
                    ParamSpec.of("motor_size", ParamKind.INTS).doc("n, [h, w] or [d, h, w] of the motor population"),
                    ParamSpec.of("representation_dendrite_structure", ParamKind.STRING)
                            .withDefault("SimpleDendriteStructure").doc("dendrite behavior at 220 (\"\" for none)"),
                    ParamSpec.of("representation_dendrite_structure_params", ParamKind.ANY),
                    ParamSpec.of("motor_dendrite_structure", ParamKind.STRING).withDefault("SimpleDendriteStructure")
                            .doc("dendrite behavior at 220 (\"\" for none)"),
                    ParamSpec.of("motor_dendrite_structure_params", ParamKind.ANY),
                    ParamSpec.of("representation_tag", ParamKind.STRING),
                    ParamSpec.of("motor_tag", ParamKind.STRING),
                    ParamSpec.of("representation_user_defined", ParamKind.ANY)
                            .doc("behaviors of the representation population (win over the dendrite structure)"),
                    ParamSpec.of("motor_user_defined", ParamKind.ANY)
                            .doc("behaviors of the motor population (win over the dendrite structure)"))
            .description("representation and motor populations reached through input ports")
            .build();

    /**
     * An output layer from keyword parameters (the names of {@link #TYPE}).
     *
     * @param network owning network
     * @param tag     primary tag, or null for {@code OutputLayer_<n>}
     * @param params  parameters, validated against {@link #TYPE}
     * @param lookup  installed behaviors
     */
    public OutputLayer(Network network, String tag, Map<String, ?> params, BehaviorLookup lookup) {
        this(network, tag, TYPE.params(params), lookup);
    }

    private OutputLayer(StructureContext ctx) {
        this(ctx.network(), ctx.tag(), ctx.params(), ctx.behaviorLookup());
        Refs.only(ctx, TYPE.name());
        if (!ctx.members().isEmpty()) {
            throw new ConexException(this + ": takes no members (its populations come from its parameters)");
        }
    }

    private OutputLayer(Network network, String tag, Params p, BehaviorLookup lookup) {
        super(network, tag, TYPE, p);
        population(p, "representation", "Representation", REPRESENTATION, lookup);
        population(p, "motor", "Motor", MOTOR, lookup);
    }

    private void population(Params p, String prefix, String name, String role, BehaviorLookup lookup) {
        if (p.get(prefix + "_size") == null) {
            return;
        }
        List<BehaviorSpec> fixed = new ArrayList<>();
        Populations.named(p, prefix + "_dendrite_structure", prefix + "_dendrite_structure_params")
                .forEach(b -> fixed.add(b.at(220)));
        adoptDerived(role, Populations.create(this, name, Populations.shape(p, prefix + "_size"),
                (String) p.get(prefix + "_tag"), fixed, p.get(prefix + "_user_defined"), prefix + "_user_defined",
                lookup));
    }

    /** The representation population, or null. */
    public NeuronGroup representationPopulation() {
        return (NeuronGroup) ref(REPRESENTATION);
    }

    /** The motor population, or null. */
    public NeuronGroup motorPopulation() {
        return (NeuronGroup) ref(MOTOR);
    }
}
