package org.conex.runtime.hotswap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.neuron.SpikingNeuron;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.JsonValues;
import org.conex.runtime.KernelThreadPool;
import org.conex.runtime.Simulation;
import org.conex.runtime.conformance.CaseNetwork;

/**
 * A network loaded for interactive, hot-swappable use: its {@link Simulation}, the {@link HotSwap}
 * that binds every neuron group's model, a {@link RunLoop} and the latest events.
 *
 * <p>The file format is the conformance case format (golden/README.md: {@code network_behaviors},
 * {@code neuron_groups[].behaviors[]} with {@code type}, {@code priority}, {@code params};
 * {@code synapse_groups}; {@code initial}). A neuron-group behavior becomes the group's hot-swappable
 * model when it is marked {@code "model": true}, or when no installed provider offers its type (the
 * group then waits for it; give its {@code priority}). {@code "fallback": {"type": ..., "params": ...}}
 * declares the model to run while the wanted one is missing. Groups without such an entry have the
 * behavior that implements {@link SpikingNeuron} adopted as their model, so any case can be swapped.
 *
 * <p>The network's large kernels use one thread per available processor, at most 8 ({@link KernelThreadPool});
 * {@link #close()} ends those threads.
 */
public final class LiveModel implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT_EVENTS = 200;
    private final String name;
    private final Network network;
    private final Simulation sim;
    private final HotSwap hot;
    private final RunLoop loop;
    private final KernelThreadPool kernelThreads;
    private final Deque<HotSwapEvent> events = new ArrayDeque<>();

    private LiveModel(String name, Network network, BehaviorRegistry registry) {
        this.name = name;
        this.network = network;
        // one kernel thread per processor (at most 8), as `conex run` by default; closed with the model
        this.kernelThreads = new KernelThreadPool(KernelThreadPool.threadsFor(0));
        network.setKernelThreads(kernelThreads);
        this.sim = new Simulation(network);
        this.hot = new HotSwap(sim, registry);
        this.loop = new RunLoop(sim);
        hot.addListener(this::remember);
    }

    /** Loads a model file (see the class comment) with master seed {@code seed}. */
    public static LiveModel load(Path file, BehaviorRegistry registry, long seed) throws IOException {
        JsonNode c = JSON.readTree(file.toFile());
        if (c == null || !c.isObject()) {
            throw new ConexException(file + " is not a JSON object");
        }
        String n = file.getFileName().toString().replaceFirst("\\.json$", "");
        return of(c, registry, seed, n);
    }

    /** Builds, binds and initialises the network of {@code model}. */
    public static LiveModel of(JsonNode model, BehaviorRegistry registry, long seed, String name) {
        ObjectNode copy = model.deepCopy();
        record Pending(String group, double priority, ModelSpec spec, ModelSpec fallback) {
        }
        List<Pending> pending = new ArrayList<>();
        for (JsonNode g : copy.path("neuron_groups")) {
            ArrayNode list = (ArrayNode) g.path("behaviors");
            if (list.isMissingNode()) {
                continue;
            }
            for (int i = list.size() - 1; i >= 0; i--) {
                JsonNode b = list.get(i);
                String type = b.path("type").asText();
                boolean missing = registry.find(type).isEmpty();
                if (!b.path("model").asBoolean(false) && !missing) {
                    continue;
                }
                String tag = g.path("tag").asText();
                double prio;
                if (b.hasNonNull("priority")) {
                    prio = b.get("priority").asDouble();
                } else if (!missing) {
                    prio = registry.require(type).defaultPriority();
                } else {
                    throw new ConexException("neuron group '" + tag + "': model " + type
                            + " is not installed, so its priority is unknown; give \"priority\" (neuron models: 260)");
                }
                JsonNode fb = b.path("fallback");
                ModelSpec fallback = fb.isObject() ? new ModelSpec(fb.path("type").asText(),
                        JsonValues.toMap(fb.path("params"))) : null;
                pending.add(0, new Pending(tag, prio, new ModelSpec(type, JsonValues.toMap(b.path("params"))), fallback));
                list.remove(i);
            }
        }
        long s = copy.hasNonNull("seed") ? copy.get("seed").asLong() : seed;
        Network net = CaseNetwork.build(copy, registry, s);
        LiveModel m = new LiveModel(name, net, registry);
        try {
            for (Pending p : pending) {
                m.hot.bind(net.neuronGroup(p.group()), p.priority(), p.spec(), p.fallback());
            }
            for (NeuronGroup g : net.neuronGroups()) {
                if (m.hot.binding(g.tag()).isEmpty()) {
                    for (Map.Entry<Double, Behavior<?>> e : g.behaviors().entrySet()) {
                        if (e.getValue() instanceof SpikingNeuron) {
                            m.hot.adopt(g, e.getKey(), null);
                            break;
                        }
                    }
                }
            }
            m.sim.initialize();
            CaseNetwork.applyInitial(copy, net);
            return m;
        } catch (RuntimeException | Error e) {
            m.close(); // a model that cannot start ends its kernel threads
            throw e;
        }
    }

    public String name() {
        return name;
    }

    public Network network() {
        return network;
    }

    public Simulation simulation() {
        return sim;
    }

    public HotSwap hotSwap() {
        return hot;
    }

    public RunLoop loop() {
        return loop;
    }

    /** The latest events (at most 200), oldest first. */
    public synchronized List<HotSwapEvent> events() {
        return List.copyOf(events);
    }

    private synchronized void remember(HotSwapEvent e) {
        events.addLast(e);
        while (events.size() > KEPT_EVENTS) {
            events.removeFirst();
        }
    }

    /** Model name, iteration, running or halted (with the failure), then one line per binding. */
    public String status() {
        StringBuilder sb = new StringBuilder();
        sb.append("model ").append(name).append(": iteration ").append(network.iteration()).append(", ")
                .append(loop.running() ? "running" : "halted");
        if (loop.failure() != null) {
            sb.append(" (stopped by: ").append(loop.failure().getMessage()).append(')');
        }
        sb.append('\n');
        for (ModelBinding b : hot.bindings()) {
            sb.append("  ").append(b.describe()).append('\n');
        }
        return sb.toString();
    }

    /** Halts the loop and stops following the registry. */
    @Override
    public void close() {
        loop.halt();
        hot.close();
        kernelThreads.close();
    }
}
