package org.conex.runtime.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.ModelException;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.runtime.Simulation;
import org.conex.runtime.model.ModelInvalidException;
import org.conex.runtime.model.ModelProblem;
import org.conex.runtime.model.RecorderSpec;
import org.conex.runtime.model.Suggestions;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Streams the variables a model's {@code recorders} name into .npy files in one folder while the
 * simulation runs, after every step (as a {@link Simulation.StepListener}: a sample at step t shows
 * the state after every behavior of step t ran). A channel with {@code every = k} samples at the
 * steps t with {@code t mod k == 0}, starting with step 0 (the state after initialization) for dense
 * recordings; memory is one write buffer per file, whatever the run length.
 *
 * <p>Files: {@code TARGET.VARIABLE.npy} (dense, shape {@code [T, ...]}: row r is step
 * {@code first_step + r*every}) and {@code TARGET.VARIABLE.events.npy} (INT64 {@code [E, 2]} rows
 * {@code (step, index)}). {@code index.json} lists each file with its row count, the last step it
 * covers and, for synapse groups, the geometry of the source and destination groups. It is
 * rewritten atomically (write then rename) after every file is flushed in {@link #flush()}, so it
 * is one snapshot consistent across files; a file may hold a few more rows than listed if the
 * process died during a flush.
 */
public final class RecordingSession implements Simulation.StepListener, Closeable {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final List<Channel> channels = new ArrayList<>();
    private final Network network;
    private final Map<String, Long> firstSteps;
    private long lastStep;

    /**
     * Opens every channel of {@code specs} on an initialised network.
     *
     * @param dir       the recordings folder (created if needed)
     * @param specs     the model's recorders
     * @param network   the initialised network (recorded variables must exist)
     * @param positions rows to keep per file when resuming (file name to rows), or null for new files
     * @throws ModelInvalidException naming each recorder variable that does not exist
     */
    public RecordingSession(Path dir, List<RecorderSpec> specs, Network network, Map<String, Long> positions) {
        this.dir = dir;
        this.network = network;
        this.lastStep = network.iteration();
        List<ModelProblem> problems = new ArrayList<>();
        Map<String, Long> firstSteps = positions == null ? Map.of() : previousFirstSteps(dir);
        this.firstSteps = firstSteps;
        for (RecorderSpec r : specs) {
            NetworkObject o = "network".equals(r.target()) ? network : network.object(r.target());
            addChannels(r, o, r.variables(), false, "variables", problems);
            addChannels(r, o, r.events(), true, "events", problems);
        }
        if (!problems.isEmpty()) {
            throw new ModelInvalidException("recorders", problems);
        }
        try {
            Files.createDirectories(dir);
            for (Channel c : channels) {
                INDArray a = Channel.value(network.object(c.target) == null ? network : network.object(c.target),
                        c.variable);
                Path f = dir.resolve(c.fileName);
                Long keep = positions == null ? null : positions.get(c.fileName);
                c.writer = keep != null && Files.exists(f) ? NpyWriter.append(f, c.type(a), c.rowShape(a), keep)
                        : NpyWriter.create(f, c.type(a), c.rowShape(a));
                c.expect(a);
            }
            if (positions == null) {
                for (Channel c : channels) {
                    if (!c.events && network.iteration() % c.every == 0) {
                        c.sample(objectOf(c), network.iteration()); // row 0: the state after initialization
                    }
                }
            }
            writeIndex();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot create recordings in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** first_step of each dense file in an existing index.json (continuing a run in place). */
    private static Map<String, Long> previousFirstSteps(Path dir) {
        Map<String, Long> m = new LinkedHashMap<>();
        try {
            com.fasterxml.jackson.databind.JsonNode idx = MAPPER.readTree(dir.resolve("index.json").toFile());
            for (com.fasterxml.jackson.databind.JsonNode f : idx.path("files")) {
                if (f.has("first_step")) {
                    m.put(f.path("file").asText(), f.path("first_step").asLong());
                }
            }
        } catch (IOException e) {
            // no previous index: the files start fresh
        }
        return m;
    }

    private void addChannels(RecorderSpec r, NetworkObject o, List<String> vars, boolean events, String key,
                             List<ModelProblem> problems) {
        for (int k = 0; k < vars.size(); k++) {
            String v = vars.get(k);
            ModelProblem p = problem(r, o, v, r.path() + "." + key + "[" + k + "]");
            if (p != null) {
                problems.add(p);
                continue;
            }
            String target = o == network ? "network" : o.tag();
            String file = target + "." + v + (events ? ".events" : "") + ".npy";
            long it = network.iteration();
            long first = firstSteps.getOrDefault(file, (it + r.every() - 1) / r.every() * r.every());
            channels.add(new Channel(target, v, events, r.every(), r.neurons(), first));
        }
    }

    /**
     * Every problem of the model's recorders on an initialised network, without recording
     * anything: variables that do not exist, values that cannot be written to {@code .npy}, a
     * neuron selection on a variable that is not one value per neuron. What {@code conex validate}
     * reports; the constructor refuses the same.
     */
    public static List<ModelProblem> check(List<RecorderSpec> specs, Network network) {
        List<ModelProblem> problems = new ArrayList<>();
        for (RecorderSpec r : specs) {
            NetworkObject o = "network".equals(r.target()) ? network : network.object(r.target());
            for (int k = 0; k < r.variables().size(); k++) {
                ModelProblem p = problem(r, o, r.variables().get(k), r.path() + ".variables[" + k + "]");
                if (p != null) {
                    problems.add(p);
                }
            }
            for (int k = 0; k < r.events().size(); k++) {
                ModelProblem p = problem(r, o, r.events().get(k), r.path() + ".events[" + k + "]");
                if (p != null) {
                    problems.add(p);
                }
            }
        }
        return problems;
    }

    /** The problem with recording variable {@code v} of {@code o}, or null if it can be recorded. */
    private static ModelProblem problem(RecorderSpec r, NetworkObject o, String v, String path) {
        if (!o.has(v)) {
            return new ModelProblem(path, "expected a variable of '" + o.tag() + "', found \"" + v + "\""
                    + Suggestions.hint(v, o.variables()) + "; it has " + o.variables());
        }
        try {
            INDArray a = Channel.value(o, v);
            NpyType.of(a.dataType());
            if (r.neurons() != null && a.length() != ((org.conex.api.model.NeuronGroup) o).size()) {
                return new ModelProblem(r.path() + ".neurons", "expected a per-neuron variable to select"
                        + " neurons from, found '" + v + "' of shape " + java.util.Arrays.toString(a.shape()));
            }
        } catch (ModelException | IllegalArgumentException e) {
            return new ModelProblem(path, e.getMessage());
        }
        return null;
    }

    @Override
    public void afterStep(Network net, long iteration) {
        lastStep = iteration;
        for (Channel c : channels) {
            if (iteration % c.every == 0) {
                c.sample(objectOf(c), iteration);
            }
        }
    }

    private NetworkObject objectOf(Channel c) {
        return "network".equals(c.target) ? network : network.object(c.target);
    }

    /** Forces every file to disk, updates their headers, and rewrites index.json. */
    public void flush() {
        for (Channel c : channels) {
            c.writer.flush();
        }
        try {
            writeIndex();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("index.json") + ": " + e.getMessage(), e);
        }
    }

    /** Rows per file as of the last flush (saved in checkpoints to resume the files). */
    public Map<String, Long> positions() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Channel c : channels) {
            m.put(c.fileName, c.writer.flushedRows());
        }
        return m;
    }

    /** The recording folder. */
    public Path dir() {
        return dir;
    }

    private void writeIndex() throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "conex-recordings/1");
        root.put("step", lastStep);
        root.put("about", "row counts and steps are those flushed to disk; numpy.load(file) reads exactly these rows");
        ArrayNode files = root.putArray("files");
        for (Channel c : channels) {
            ObjectNode f = files.addObject();
            f.put("file", c.fileName);
            f.put("target", c.target);
            f.put("variable", c.variable);
            f.put("kind", c.events ? "events" : "dense");
            f.put("dtype", c.writer.type().descr());
            ArrayNode shape = f.putArray("shape");
            shape.add(c.writer.flushedRows());
            for (long d : c.writer.rowShape()) {
                shape.add(d);
            }
            f.put("rows", c.writer.flushedRows());
            f.put("every", c.every);
            if (c.events) {
                f.putArray("columns").add("step").add("index");
            } else {
                f.put("first_step", c.firstStep);
                f.put("last_step", c.writer.flushedRows() == 0 ? 0 : c.firstStep + (c.writer.flushedRows() - 1) * c.every);
            }
            f.put("complete_through_step", lastStep);
            NetworkObject o = objectOf(c);
            if (o instanceof org.conex.api.model.SynapseGroup) {
                org.conex.api.model.SynapseGroup sg = (org.conex.api.model.SynapseGroup) o;
                shape(f.putArray("src_shape"), sg.src().shape());
                shape(f.putArray("dst_shape"), sg.dst().shape());
            } else if (o instanceof org.conex.api.model.NeuronGroup) {
                shape(f.putArray("group_shape"), ((org.conex.api.model.NeuronGroup) o).shape());
            }
            if (c.neurons != null) {
                ArrayNode n = f.putArray("neurons");
                for (int i : c.neurons) {
                    n.add(i);
                }
            }
        }
        Path tmp = dir.resolve("index.json.tmp");
        Files.writeString(tmp, MAPPER.writeValueAsString(root));
        Files.move(tmp, dir.resolve("index.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void shape(ArrayNode a, org.conex.api.model.NeuronShape s) {
        a.add(s.depth()).add(s.height()).add(s.width());
    }

    /** Flushes and closes every file. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (Channel c : channels) {
            if (c.writer != null) {
                try {
                    c.writer.close();
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
        }
        try {
            if (Files.isDirectory(dir)) {
                writeIndex();
            }
        } catch (IOException e) {
            first = first == null ? new UncheckedIOException(e) : first;
        }
        if (first != null) {
            throw first;
        }
    }
}
