package org.conex.structures.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.ParameterException;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.structure.BehaviorSpec;
import org.conex.api.structure.StructureLookup;
import org.conex.api.structure.StructureType;
import org.conex.structures.BehaviorMap;
import org.conex.structures.BehaviorSpecs;
import org.conex.structures.io.StructureDocument.GroupNode;
import org.conex.structures.io.StructureDocument.Node;
import org.conex.structures.io.StructureDocument.PortSpec;
import org.conex.structures.io.StructureDocument.StructureNode;
import org.conex.structures.io.StructureDocument.SynapseNode;

/**
 * The check {@link StructureBuilder} runs over a whole document before creating anything:
 * installed structure and behavior types, valid parameters and priorities, unique tags that the
 * network does not have yet (after the tag mapping), and references that resolve when the
 * referring object is built. Objects are numbered in build order (members before their
 * structure); a reference must name an object with a smaller number, an object a structure will
 * create ({@code <structure tag>.<name>}), or an object already in the network. A reference to
 * the object itself or to a structure containing it is a cycle. Ports may name their own
 * structure (to forward to another of its ports).
 *
 * <p>Every problem is collected, not only the first: a document with three mistakes in three
 * members gets one {@link DocumentException} listing all three. Only the checks that depend on a
 * failed one are skipped: the parameters of an unknown structure type, the priorities of a
 * behavior list with an unknown behavior, the kind of an object a reference cannot find.
 */
final class DocumentCheck {
    private record Planned(Node node, int index, String where) {
    }

    private final Network net;
    private final BehaviorLookup behaviors;
    private final StructureLookup structures;
    private final TagMapping mapping;
    private final Map<String, Planned> planned = new HashMap<>();
    private final Map<String, String> mappedTags = new HashMap<>();
    private final Map<Node, Integer> order = new IdentityHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int counter;

    DocumentCheck(Network net, BehaviorLookup behaviors, StructureLookup structures, TagMapping mapping) {
        this.net = net;
        this.behaviors = behaviors;
        this.structures = structures;
        this.mapping = mapping;
    }

    /**
     * Checks {@code nodes} (a document's members).
     *
     * @throws DocumentException listing every problem, each with its location
     */
    void check(List<Node> nodes) {
        index(nodes, "");
        check(nodes, "", new ArrayList<>());
        throwProblems();
    }

    /**
     * Checks the behaviors of a document's network section.
     *
     * @throws DocumentException listing every problem
     */
    void checkNetworkBehaviors(List<BehaviorSpec> specs) {
        behaviors(specs, "network");
        throwProblems();
    }

    private void throwProblems() {
        if (!problems.isEmpty()) {
            throw new DocumentException(List.copyOf(problems));
        }
    }

    private void problem(String message) {
        problems.add(message);
        if (problems.size() >= DocumentException.MAX_PROBLEMS) {
            throw DocumentException.stoppedAfter(problems);
        }
    }

    /** True if the document defines an object with this (unmapped) tag. */
    boolean defines(String tag) {
        return planned.containsKey(tag);
    }

    private static String where(String prefix, int i, Node n) {
        return prefix + "members[" + i + "] " + n.type() + (n.tag() == null ? "" : " '" + n.tag() + "'");
    }

    private void index(List<Node> nodes, String prefix) {
        int i = 0;
        for (Node n : nodes) {
            String where = where(prefix, i++, n);
            if (n instanceof StructureNode) {
                index(((StructureNode) n).members(), where + " > ");
            }
            order.put(n, counter++);
            if (n.tag() == null) {
                continue;
            }
            Planned old = planned.putIfAbsent(n.tag(), new Planned(n, order.get(n), where));
            if (old != null) {
                problem(where + ": tag '" + n.tag() + "' is also used by " + old.where()
                        + "; every object needs its own tag");
                continue;
            }
            String mapped = mapping.map(n.tag());
            if (mapped == null || mapped.isBlank() || mapped.contains(",")) {
                problem(where + ": the tag mapping turned '" + n.tag() + "' into an invalid tag '" + mapped + "'");
                continue;
            }
            String clash = mappedTags.putIfAbsent(mapped, n.tag());
            if (clash != null) {
                problem(where + ": the tag mapping gives '" + n.tag() + "' and '" + clash + "' the same tag '"
                        + mapped + "'");
            } else if (net.object(mapped) != null) {
                problem(where + ": the network already has an object tagged '" + mapped + "' ("
                        + net.object(mapped) + "); load with a tag mapping, or into another network");
            }
        }
    }

    private void check(List<Node> nodes, String prefix, List<Node> ancestors) {
        int i = 0;
        for (Node n : nodes) {
            String where = where(prefix, i++, n);
            if (n instanceof GroupNode) {
                behaviors(((GroupNode) n).behaviors(), where);
            } else if (n instanceof SynapseNode) {
                SynapseNode s = (SynapseNode) n;
                behaviors(s.behaviors(), where);
                group(s.src(), n, ancestors, where + ": 'src'");
                group(s.dst(), n, ancestors, where + ": 'dst'");
            } else {
                StructureNode s = (StructureNode) n;
                StructureType type = structures.find(s.type()).orElse(null);
                if (type == null) {
                    problem(where + ": unknown structure type '" + s.type() + "'; installed: " + structures.names()
                            + " (providers: " + structures.providers() + ")");
                } else {
                    for (ParameterException e : type.check(s.params())) {
                        problem(where + ": " + e.getMessage());
                    }
                }
                behaviors(s.behaviors(), where);
                List<Node> inner = new ArrayList<>(ancestors);
                inner.add(n);
                check(s.members(), where + " > ", inner);
                s.refs().forEach((role, tag) -> reference(tag, n, ancestors, false, where + ": reference '" + role
                        + "'"));
                ports(s.inputPorts(), n, ancestors, where + ": input port");
                ports(s.outputPorts(), n, ancestors, where + ": output port");
            }
        }
    }

    private void ports(Map<String, List<PortSpec>> ports, Node n, List<Node> ancestors, String where) {
        ports.forEach((label, entries) -> {
            for (PortSpec p : entries) {
                reference(p.object(), n, ancestors, true, where + " '" + label + "'");
                behaviors(p.behaviors(), where + " '" + label + "'");
            }
        });
    }

    /** Installed types, valid parameters (each behavior on its own), no two behaviors at one priority. */
    private void behaviors(List<BehaviorSpec> specs, String where) {
        boolean known = true;
        for (BehaviorSpec s : specs) {
            BehaviorSpecs.problems(s, behaviors, where).forEach(this::problem);
            known &= behaviors.find(s.type()).isPresent();
        }
        if (known) { // priorities are known only for installed types
            try {
                BehaviorMap.of(specs, behaviors, where);
            } catch (ConexException e) {
                problem(e.getMessage());
            }
        }
    }

    private void group(String tag, Node from, List<Node> ancestors, String where) {
        int before = problems.size();
        Planned p = reference(tag, from, ancestors, false, where);
        if (problems.size() > before) {
            return;
        }
        boolean group = p != null ? p.node() instanceof GroupNode : net.object(tag) instanceof NeuronGroup;
        if (!group) {
            problem(where + ": '" + tag + "' is " + (p != null ? "a " + p.node().type() : net.object(tag))
                    + ", expected a neuron group");
        }
    }

    /**
     * Checks that {@code tag} can be resolved when {@code from} is built; null for outside objects
     * and (with a problem recorded) for references that cannot be resolved.
     */
    private Planned reference(String tag, Node from, List<Node> ancestors, boolean selfAllowed, String where) {
        Planned p = planned.get(tag);
        int at = order.get(from);
        if (p != null) {
            if (p.index() < at || (selfAllowed && p.node() == from)) {
                return p;
            }
            if (p.node() == from) {
                problem(where + ": refers to '" + tag + "' itself (cycle)");
            } else if (ancestors.contains(p.node())) {
                problem(where + ": refers to '" + tag + "', which contains it (cycle)");
            } else {
                problem(where + ": refers to '" + tag + "', which is defined later (" + p.where()
                        + "); list objects before the objects that refer to them");
            }
            return null;
        }
        for (int dot = tag.lastIndexOf('.'); dot > 0; dot = tag.lastIndexOf('.', dot - 1)) {
            Planned owner = planned.get(tag.substring(0, dot));
            if (owner != null && owner.node() instanceof StructureNode
                    && (owner.index() < at || owner.node() == from)) {
                return null;
            }
        }
        if (net.object(tag) == null) {
            problem(where + ": no object tagged '" + tag + "' in the document or the network");
        }
        return null;
    }
}
