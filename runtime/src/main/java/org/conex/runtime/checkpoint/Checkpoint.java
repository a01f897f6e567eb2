package org.conex.runtime.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.SynapseGroup;
import org.conex.api.neuron.AxonHistory;
import org.conex.api.tensor.Checkpointable;
import org.conex.api.tensor.SparseWeights;
import org.conex.runtime.recording.NpyArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A checkpoint written by {@link CheckpointWriter}, opened for reading: its step, resolved model,
 * recording positions, and {@link #restoreInto} which puts the saved state into a freshly built
 * and initialised network of the same model.
 */
public final class Checkpoint {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final JsonNode manifest;

    private Checkpoint(Path file, JsonNode manifest) {
        this.file = file;
        this.manifest = manifest;
    }

    /**
     * Opens and checks the manifest of {@code file}.
     *
     * @throws CheckpointException if it is missing, not a checkpoint, or of another format version
     */
    public static Checkpoint open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("no checkpoint file " + file);
        }
        try (ZipFile z = new ZipFile(file.toFile())) {
            ZipEntry e = z.getEntry(CheckpointWriter.MANIFEST);
            if (e == null) {
                throw new CheckpointException(file + " is not a CoNeX checkpoint (no " + CheckpointWriter.MANIFEST + ")");
            }
            JsonNode m;
            try (InputStream in = z.getInputStream(e)) {
                m = MAPPER.readTree(in);
            }
            String format = m.path("format").asText("");
            if (!format.equals(CheckpointWriter.FORMAT)) {
                throw new CheckpointException(file + " has checkpoint format '" + format + "', this version reads '"
                        + CheckpointWriter.FORMAT + "'");
            }
            return new Checkpoint(file, m);
        } catch (ZipException ex) {
            throw new CheckpointException(file + " is not a CoNeX checkpoint or is damaged (" + ex.getMessage() + ")");
        } catch (IOException ex) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + ex.getMessage(), ex);
        }
    }

    public Path file() {
        return file;
    }

    /** The step after which the state was saved; the resumed run continues with step + 1. */
    public long step() {
        return manifest.path("step").asLong();
    }

    /** The resolved model stored in the checkpoint. */
    public JsonNode model() {
        return manifest.path("model");
    }

    /** The state-deciding part of the model (see ModelWriter.core). */
    public JsonNode core() {
        return manifest.path("core");
    }

    /** Rows per recording file at the time of the checkpoint. */
    public Map<String, Long> recordings() {
        Map<String, Long> m = new LinkedHashMap<>();
        manifest.path("recordings").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    /** Free information written with it (providers, reason). */
    public Map<String, String> info() {
        Map<String, String> m = new LinkedHashMap<>();
        manifest.path("info").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /**
     * Checks that {@code core} (of the model about to be resumed) equals the checkpoint's.
     *
     * @throws CheckpointException listing every difference (model values, behavior versions)
     */
    public void checkCompatible(JsonNode core) {
        List<String> d = JsonDiff.diff(core(), core);
        if (!d.isEmpty()) {
            throw new CheckpointException("checkpoint " + file + " (step " + step() + ") does not match this model and"
                    + " the installed plugins; what differs:", d);
        }
    }

    /**
     * Restores every saved variable, {@link Checkpointable} behavior, behavior enabled flag,
     * random-stream state and the iteration into {@code network}, which must be built from the same
     * model and initialised (and not stepped). Every synapse group's
     * {@link org.conex.api.model.SynapseGroup#weightChanges() weight changes} are then marked as a
     * whole: the weights were written in place, and readers that visit only marked rows and
     * columns (WeightClip) must see all of them on the next step.
     *
     * @throws CheckpointException naming the object and variable that cannot be restored
     */
    public void restoreInto(Network network) {
        if (network.random().masterSeed() != manifest.path("master_seed").asLong()) {
            throw new CheckpointException("checkpoint seed " + manifest.path("master_seed").asLong()
                    + " differs from the model's " + network.random().masterSeed(), List.of("network.seed: checkpoint "
                    + manifest.path("master_seed").asLong() + ", model " + network.random().masterSeed()));
        }
        List<String> problems = new ArrayList<>();
        try (ZipFile z = new ZipFile(file.toFile())) {
            for (JsonNode on : manifest.path("objects")) {
                String tag = on.path("tag").asText();
                NetworkObject o = network.object(tag);
                if (o == null) {
                    problems.add(tag + ": the model has no such object");
                    continue;
                }
                for (JsonNode vn : on.path("variables")) {
                    restoreVariable(z, o, vn, problems);
                }
                for (JsonNode bn : on.path("behaviors")) {
                    Behavior<?> b = o.behaviors().get(bn.path("priority").asDouble());
                    if (!(b instanceof Checkpointable) || !b.name().equals(bn.path("type").asText())) {
                        problems.add(tag + " @" + bn.path("priority").asText() + ": expected a checkpointable "
                                + bn.path("type").asText() + " there");
                        continue;
                    }
                    try {
                        ((Checkpointable) b).restoreState(states(z, bn.path("entries")));
                    } catch (ConexException | IllegalArgumentException e) {
                        problems.add(tag + " @" + Behavior.formatPriority(bn.path("priority").asDouble()) + ": "
                                + e.getMessage());
                    }
                }
                restoreFlags(o, on.path("behavior_flags"), problems);
            }
            if (!problems.isEmpty()) {
                throw new CheckpointException("cannot restore checkpoint " + file + ":", problems);
            }
            Iterator<Map.Entry<String, JsonNode>> it = manifest.path("random_streams").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                network.random().stream(e.getKey()).setState(e.getValue().asLong());
            }
            network.setIteration(step());
            for (SynapseGroup s : network.synapseGroups()) {
                s.weightChanges().markAll();
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("cannot restore checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Enabled flags of the behaviors (absent in checkpoints written before they were saved). */
    private static void restoreFlags(NetworkObject o, JsonNode flags, List<String> problems) {
        for (JsonNode f : flags) {
            Behavior<?> b = o.behaviors().get(f.path("priority").asDouble());
            if (b == null || !b.name().equals(f.path("type").asText())) {
                problems.add(o.tag() + " @" + Behavior.formatPriority(f.path("priority").asDouble())
                        + ": the checkpoint has a " + f.path("type").asText() + " there, the model "
                        + (b == null ? "nothing" : "a " + b.name()));
                continue;
            }
            b.setEnabled(f.path("enabled").asBoolean(true));
        }
    }

    private void restoreVariable(ZipFile z, NetworkObject o, JsonNode vn, List<String> problems) throws IOException {
        String name = vn.path("name").asText();
        String where = o.tag() + "." + name;
        Object cur = o.get(name);
        switch (vn.path("kind").asText()) {
            case "array": {
                INDArray saved = array(z, vn.path("entry").asText());
                if (cur instanceof INDArray) {
                    INDArray c = (INDArray) cur;
                    if (c.dataType() != saved.dataType() || !Arrays.equals(c.shape(), saved.shape())) {
                        problems.add(where + ": checkpoint " + saved.dataType() + Arrays.toString(saved.shape())
                                + ", model " + c.dataType() + Arrays.toString(c.shape()));
                        return;
                    }
                    c.assign(saved);
                } else if (cur == null || cur instanceof Number) {
                    // absent, or a number the run turned into a tensor (e.g. a dopamine concentration that a
                    // tensor payoff spread): the saved state wins, as a saved number replaces an array below
                    o.put(name, saved);
                } else {
                    problems.add(where + ": checkpoint holds an array, the model a " + cur.getClass().getSimpleName());
                }
                return;
            }
            case "scalar":
                o.put(name, Double.longBitsToDouble(vn.path("bits").asLong()));
                return;
            case "long":
                o.put(name, vn.path("bits").asLong());
                return;
            case "boolean":
                o.put(name, vn.path("value").asBoolean());
                return;
            case "text":
                o.put(name, vn.path("value").asText());
                return;
            case "sparse":
                restoreSparse(z, o, vn, cur, where, problems);
                return;
            case "state":
                if (!(cur instanceof Checkpointable)) {
                    problems.add(where + ": expected a checkpointable value, the model has "
                            + (cur == null ? "nothing" : cur.getClass().getSimpleName()));
                    return;
                }
                ((Checkpointable) cur).restoreState(states(z, vn.path("entries")));
                return;
            case "axon-history": {
                INDArray saved = array(z, vn.path("entry").asText());
                if (cur instanceof AxonHistory && (equalsHistory((AxonHistory) cur, saved)
                        || AxonReplay.replay(o, (AxonHistory) cur, saved))) {
                    return;
                }
                problems.add(where + ": the spike history (" + vn.path("class").asText() + ") cannot be restored; its"
                        + " class must implement org.conex.api.tensor.Checkpointable");
                return;
            }
            default:
                return; // behavior references are re-created by initialization; not-saved values are listed in the file
        }
    }

    private static boolean equalsHistory(AxonHistory h, INDArray saved) {
        return CheckpointWriter.axon(h).equals(saved);
    }

    private static void restoreSparse(ZipFile z, NetworkObject o, JsonNode vn, Object cur, String where,
                                      List<String> problems) throws IOException {
        if (!(cur instanceof SparseWeights)) {
            problems.add(where + ": checkpoint holds sparse weights, the model "
                    + (cur == null ? "nothing" : "a " + cur.getClass().getSimpleName()));
            return;
        }
        SparseWeights w = (SparseWeights) cur;
        String base = vn.path("entry").asText().replace(".values.npy", "");
        INDArray rows = array(z, base + ".rows.npy");
        INDArray cols = array(z, base + ".cols.npy");
        if (w.rows() != vn.path("rows").asInt() || w.cols() != vn.path("cols").asInt()
                || !Arrays.equals(rows.toLongVector(), w.rowIndices()) || !Arrays.equals(cols.toLongVector(),
                w.colIndices())) {
            problems.add(where + ": the sparse connectivity differs from the checkpoint's (same model and seed give the"
                    + " same connectivity)");
            return;
        }
        w.values().assign(array(z, vn.path("entry").asText()));
    }

    private static Map<String, INDArray> states(ZipFile z, JsonNode entries) throws IOException {
        Map<String, INDArray> m = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = entries.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), array(z, e.getValue().asText()));
        }
        return m;
    }

    private static INDArray array(ZipFile z, String entry) throws IOException {
        ZipEntry e = z.getEntry(entry);
        if (e == null) {
            throw new IOException("entry " + entry + " is missing");
        }
        try (InputStream in = z.getInputStream(e)) {
            return NpyArrays.read(in);
        }
    }
}
