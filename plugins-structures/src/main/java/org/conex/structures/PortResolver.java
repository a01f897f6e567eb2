package org.conex.structures;

import java.util.ArrayList;
import java.util.List;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.structure.Port;
import org.conex.api.structure.Structure;

/**
 * Follows ports down to neuron groups (the reference's {@code _port2ng}), collecting the port
 * behaviors on the way.
 *
 * <ul>
 *   <li>A neuron group resolves to itself with no behaviors (the label is ignored).</li>
 *   <li>A structure looks up {@code label} among its output ports (source side) or input ports
 *       (destination side); each listed port is resolved in turn with the port's own label, and
 *       every resulting pair gets {@code port behaviors ⊕ inner behaviors}, so deeper ports win
 *       on equal priorities.</li>
 * </ul>
 * Deviations from the reference, which silently yields no groups: a missing label, a port that
 * leads to a synapse group, and a cycle of ports are errors naming the path.
 */
public final class PortResolver {
    /**
     * One neuron group reached through ports, with the behaviors its synapse groups receive.
     *
     * @param group     the neuron group
     * @param behaviors merged port behaviors
     */
    public record Endpoint(NeuronGroup group, BehaviorMap behaviors) {
    }

    private PortResolver() {
    }

    /**
     * Resolves {@code label} on {@code object}.
     *
     * @param sourceSide true to use output ports (the connection leaves), false for input ports
     * @param lookup     installed behaviors (default priorities of port behaviors)
     * @param who        the connection resolving, for messages
     * @throws ConexException on a missing port, a port leading nowhere, or a cycle
     */
    public static List<Endpoint> resolve(NetworkObject object, String label, boolean sourceSide,
                                         BehaviorLookup lookup, String who) {
        return resolve(object, label, sourceSide, lookup, who, new ArrayList<>());
    }

    private static List<Endpoint> resolve(NetworkObject object, String label, boolean sourceSide,
                                          BehaviorLookup lookup, String who, List<String> path) {
        if (object instanceof NeuronGroup) {
            return List.of(new Endpoint((NeuronGroup) object, BehaviorMap.empty()));
        }
        String side = sourceSide ? "output" : "input";
        if (!(object instanceof Structure)) {
            throw new ConexException(who + ": " + (path.isEmpty() ? "" : "port path " + String.join(" -> ", path)
                    + " leads to ") + object + ", which has no neurons; ports must lead to neuron groups or"
                    + " structures");
        }
        Structure s = (Structure) object;
        String step = s.tag() + "." + label;
        if (path.contains(step)) {
            List<String> cycle = new ArrayList<>(path);
            cycle.add(step);
            throw new ConexException(who + ": ports form a cycle: " + String.join(" -> ", cycle));
        }
        List<Port> ports = (sourceSide ? s.outputPorts() : s.inputPorts()).get(label);
        if (ports == null) {
            throw new ConexException(who + ": " + s + " has no " + side + " port "
                    + (label == null ? "(none was named)" : "'" + label + "'")
                    + (path.isEmpty() ? "" : " (reached through " + String.join(" -> ", path) + ")")
                    + "; its " + side + " ports: " + (sourceSide ? s.outputPorts() : s.inputPorts()).keySet());
        }
        path.add(step);
        List<Endpoint> out = new ArrayList<>();
        for (Port p : ports) {
            BehaviorMap outer = BehaviorMap.of(p.behaviors(), lookup, who + ": " + side + " port " + step);
            for (Endpoint e : resolve(p.object(), p.label(), sourceSide, lookup, who, path)) {
                out.add(new Endpoint(e.group(), outer.overlay(e.behaviors())));
            }
        }
        path.remove(path.size() - 1);
        return out;
    }
}
