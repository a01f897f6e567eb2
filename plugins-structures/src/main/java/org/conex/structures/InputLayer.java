package org.conex.structures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.structure.BehaviorSpec;
import org.conex.api.structure.InputBatch;
import org.conex.api.structure.Structure;
import org.conex.api.structure.StructureContext;
import org.conex.api.structure.StructureType;
import org.conex.structures.layer.SpikeNdDataset;

/**
 * Where data enters the network (type {@code "InputLayer"}). The layer owns a
 * {@link SpikeNdDataset} at priority 320 (unless the caller gives a behavior at 320) that reads
 * the layer's data, one frame per step, into the layer variables {@code x} (sensory frame),
 * {@code loc} (location frame) and {@code y} (label). Its populations copy them into their
 * spikes at 340:
 * <ul>
 *   <li>sensory population {@code <tag>.Sensory} (tags {@code Sensory}, {@code sensory_tag};
 *       role {@code sensory_pop}) if {@code have_sensory} and {@code sensory_size} is given:
 *       behaviors {@code 340: SensorySetter}, {@code 380: sensory_axon(sensory_axon_params)},
 *       overlaid by {@code sensory_user_defined};</li>
 *   <li>location population {@code <tag>.Location} (role {@code location_pop}) likewise with
 *       {@code LocationSetter}.</li>
 * </ul>
 * Each population's variable {@code layer} refers to this layer. The data is a run-time object
 * ({@code Iterable<InputBatch>}, the reference's DataLoader), held in the layer variable
 * {@code dataloader}: give it with {@link #setData}, or name a binding in parameter {@code data}
 * that the document builder resolves. Documents never contain the data itself.
 *
 * <p>Deviations: any network works (the reference needs a Neocortex); the caller's behavior list
 * is not mutated; sizes are {@code n}, {@code [h, w]} or {@code [d, h, w]}.
 */
public final class InputLayer extends Structure {
    /** Role of the sensory population. */
    public static final String SENSORY = "sensory_pop";
    /** Role of the location population. */
    public static final String LOCATION = "location_pop";
    /** The layer variable that holds the data. */
    public static final String DATA_VARIABLE = SpikeNdDataset.DATA_VARIABLE;

    public static final StructureType TYPE = StructureType.builder("InputLayer", InputLayer::new)
            .params(ParamSpec.of("have_sensory", ParamKind.BOOLEAN).withDefault(true).doc("batches carry sensory data"),
                    ParamSpec.of("have_location", ParamKind.BOOLEAN).withDefault(false)
                            .doc("batches carry location data"),
                    ParamSpec.of("have_label", ParamKind.BOOLEAN).withDefault(true).doc("batches carry labels"),
                    ParamSpec.of("sensory_size", ParamKind.INTS).doc("n, [h, w] or [d, h, w] of the sensory population"),
                    ParamSpec.of("location_size", ParamKind.INTS).doc("n, [h, w] or [d, h, w] of the location population"),
                    ParamSpec.of("sensory_axon", ParamKind.STRING).withDefault("NeuronAxon")
                            .doc("axon behavior of the sensory population (\"\" for none)"),
                    ParamSpec.of("sensory_axon_params", ParamKind.ANY).doc("parameters of sensory_axon"),
                    ParamSpec.of("location_axon", ParamKind.STRING).withDefault("NeuronAxon")
                            .doc("axon behavior of the location population (\"\" for none)"),
                    ParamSpec.of("location_axon_params", ParamKind.ANY).doc("parameters of location_axon"),
                    ParamSpec.of("silent_interval", ParamKind.INTEGER).withDefault(0).atLeast(0).unit("steps")
                            .doc("all-false steps after each instance"),
                    ParamSpec.of("instance_duration", ParamKind.INTEGER).withDefault(0).atLeast(0).unit("steps")
                            .doc("steps per instance (derived from the labels when batches carry labels)"),
                    ParamSpec.of("sensory_data_dim", ParamKind.INTEGER).withDefault(2).atLeast(1)
                            .doc("trailing axes of one sensory frame"),
                    ParamSpec.of("location_data_dim", ParamKind.INTEGER).withDefault(2).atLeast(1)
                            .doc("trailing axes of one location frame"),
                    ParamSpec.of("loop", ParamKind.BOOLEAN).withDefault(true).doc("restart the data when it ends"),
                    ParamSpec.of("sensory_tag", ParamKind.STRING).doc("extra tags of the sensory population"),
                    ParamSpec.of("location_tag", ParamKind.STRING).doc("extra tags of the location population"),
                    ParamSpec.of("sensory_user_defined", ParamKind.ANY)
                            .doc("behaviors added to (or replacing, by priority) the sensory population's"),
                    ParamSpec.of("location_user_defined", ParamKind.ANY)
                            .doc("behaviors added to (or replacing, by priority) the location population's"),
                    ParamSpec.of("data", ParamKind.STRING).doc("name of the data binding (documents only)"))
            .description("feeds spike frames from a data source into sensory and location populations")
            .build();

    /**
     * An input layer from keyword parameters (the names of {@link #TYPE}).
     *
     * @param network owning network
     * @param tag     primary tag, or null for {@code InputLayer_<n>}
     * @param params  parameters, validated against {@link #TYPE}
     * @param lookup  installed behaviors (SpikeNdDataset, SensorySetter, NeuronAxon, ...)
     */
    public InputLayer(Network network, String tag, Map<String, ?> params, BehaviorLookup lookup) {
        this(network, tag, TYPE.params(params), lookup, false);
    }

    private InputLayer(StructureContext ctx) {
        this(ctx.network(), ctx.tag(), ctx.params(), ctx.behaviorLookup(), hasDataset(ctx));
        Refs.only(ctx, TYPE.name());
        if (!ctx.members().isEmpty()) {
            throw new ConexException(this + ": takes no members (its populations come from its parameters)");
        }
        String binding = (String) params().get("data");
        if (binding != null) {
            Object data = ctx.binding(binding);
            if (data == null) {
                throw new ConexException(this + ": no data is bound to '" + binding + "'; pass it to the builder"
                        + " or call setData before running");
            }
            if (!(data instanceof Iterable)) {
                throw new ConexException(this + ": binding '" + binding + "' is a " + data.getClass().getSimpleName()
                        + ", expected an Iterable of InputBatch");
            }
            put(DATA_VARIABLE, data);
        }
    }

    private InputLayer(Network network, String tag, Params p, BehaviorLookup lookup, boolean datasetGiven) {
        super(network, tag, TYPE, p);
        if (!datasetGiven) {
            addBehavior(SpikeNdDataset.PRIORITY, dataset(p).create(lookup));
        }
        if (p.bool("have_sensory") && p.get("sensory_size") != null) {
            NeuronShape shape = Populations.shape(p, "sensory_size");
            List<BehaviorSpec> fixed = new ArrayList<>();
            fixed.add(BehaviorSpec.of("SensorySetter").at(340));
            Populations.named(p, "sensory_axon", "sensory_axon_params").forEach(b -> fixed.add(b.at(380)));
            adoptDerived(SENSORY, Populations.create(this, "Sensory", shape, (String) p.get("sensory_tag"), fixed,
                    p.get("sensory_user_defined"), "sensory_user_defined", lookup));
        }
        if (p.bool("have_location") && p.get("location_size") != null) {
            NeuronShape shape = Populations.shape(p, "location_size");
            List<BehaviorSpec> fixed = new ArrayList<>();
            fixed.add(BehaviorSpec.of("LocationSetter").at(340));
            Populations.named(p, "location_axon", "location_axon_params").forEach(b -> fixed.add(b.at(380)));
            adoptDerived(LOCATION, Populations.create(this, "Location", shape, (String) p.get("location_tag"), fixed,
                    p.get("location_user_defined"), "location_user_defined", lookup));
        }
    }

    private static boolean hasDataset(StructureContext ctx) {
        for (BehaviorSpec b : ctx.behaviors()) {
            if (b.priority(ctx.behaviorLookup()) == SpikeNdDataset.PRIORITY) {
                return true;
            }
        }
        return false;
    }

    /** The SpikeNdDataset this layer's parameters describe. */
    private static BehaviorSpec dataset(Params p) {
        Map<String, Object> m = new HashMap<>();
        if (p.isGiven("instance_duration")) {
            m.put("instance_duration", p.get("instance_duration")); // a default would count as given (ODD-13 warning)
        }
        m.put("ndim_sensory", p.get("sensory_data_dim"));
        m.put("ndim_location", p.get("location_data_dim"));
        m.put("have_location", p.get("have_location"));
        m.put("have_sensory", p.get("have_sensory"));
        m.put("have_label", p.get("have_label"));
        m.put("silent_interval", p.get("silent_interval"));
        m.put("loop", p.get("loop"));
        return BehaviorSpec.of(SpikeNdDataset.TYPE.name(), m);
    }

    /** Sets the data this layer presents (an iterable of batches; iterated again when it ends and loop is on). */
    public void setData(Iterable<InputBatch> data) {
        put(DATA_VARIABLE, data);
    }

    /** The sensory population, or null. */
    public NeuronGroup sensoryPopulation() {
        return (NeuronGroup) ref(SENSORY);
    }

    /** The location population, or null. */
    public NeuronGroup locationPopulation() {
        return (NeuronGroup) ref(LOCATION);
    }
}
