package org.conex.structures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.SynapseMode;
import org.conex.api.structure.Structure;
import org.conex.api.tensor.DType;

/**
 * CoNeX's network (the reference's {@code Neocortex} class, here a factory because every
 * structure lives in a plain {@link Network}): tag {@code "Neocortex"}, {@code TimeResolution(dt)}
 * at priority 1, float32 and SxD by default. Its lists of input layers, output layers and
 * cortical columns are queries over the network's structures, in creation order.
 */
public final class Neocortex {
    private Neocortex() {
    }

    /** A float32, SxD Neocortex with {@code dt} (ms) and master seed {@code seed}. */
    public static Network create(double dt, long seed, BehaviorLookup lookup) {
        return create(dt, DType.FLOAT32, SynapseMode.SxD, seed, lookup);
    }

    /**
     * @param dt     time step (ms, &gt; 0), set by TimeResolution at initialization
     * @param dtype  floating type of all state
     * @param mode   synapse matrix orientation
     * @param seed   master seed of every random stream
     * @param lookup installed behaviors (TimeResolution)
     */
    public static Network create(double dt, DType dtype, SynapseMode mode, long seed, BehaviorLookup lookup) {
        Network net = new Network("Neocortex", dtype, mode, seed);
        net.addBehavior(1, lookup.require("TimeResolution").create(Map.of("dt", dt)));
        return net;
    }

    /** The input layers of {@code net}, in creation order. */
    public static List<InputLayer> inputLayers(Network net) {
        return of(net, InputLayer.class);
    }

    /** The output layers of {@code net}, in creation order. */
    public static List<OutputLayer> outputLayers(Network net) {
        return of(net, OutputLayer.class);
    }

    /** The cortical columns of {@code net}, in creation order. */
    public static List<CorticalColumn> corticalColumns(Network net) {
        return of(net, CorticalColumn.class);
    }

    /** Structures without a parent, in creation order (what a whole-network save lists). */
    public static List<Structure> topLevel(Network net) {
        List<Structure> out = new ArrayList<>();
        for (Structure s : of(net, Structure.class)) {
            if (s.parent() == null) {
                out.add(s);
            }
        }
        return out;
    }

    private static <T> List<T> of(Network net, Class<T> k) {
        List<T> out = new ArrayList<>();
        for (NetworkObject o : net.structures()) {
            if (k.isInstance(o)) {
                out.add(k.cast(o));
            }
        }
        return out;
    }
}
