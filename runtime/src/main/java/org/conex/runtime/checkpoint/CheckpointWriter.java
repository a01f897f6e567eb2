package org.conex.runtime.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.neuron.AxonHistory;
import org.conex.api.tensor.Checkpointable;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.recording.NpyArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the complete state of a network between two steps into one file, atomically: the file is
 * written as {@code NAME.tmp}, forced to disk, then renamed, so a checkpoint either exists whole or
 * not at all.
 *
 * <p>The file is a zip that NumPy opens as an {@code .npz} archive: {@code checkpoint.json} (format,
 * step, the resolved model, behavior versions, random-stream states, scalar variables as exact bit
 * patterns, recording positions) and one {@code .npy} entry per array: {@code TAG/VARIABLE.npy} for
 * arrays, {@code TAG/VARIABLE.values.npy} (+ {@code .rows}, {@code .cols}) for sparse weights,
 * {@code TAG/VARIABLE/KEY.npy} for {@link Checkpointable} values and
 * {@code TAG/@PRIORITY/KEY.npy} for {@link Checkpointable} behaviors. Each object's entry also lists
 * every behavior with its enabled flag ({@code behavior_flags}), since a behavior can be switched
 * off while the network runs.
 */
public final class CheckpointWriter {
    /** The format identifier in {@code checkpoint.json}. */
    public static final String FORMAT = "conex-checkpoint/1";
    static final String MANIFEST = "checkpoint.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);

    private CheckpointWriter() {
    }

    /**
     * Writes a checkpoint of {@code network} (between steps) to {@code file}.
     *
     * @param model      the resolved model tree (stored so the checkpoint can be resumed alone)
     * @param core       the state-deciding part of it (compared when resuming with a model file)
     * @param recordings rows per recording file as flushed (file name to rows); may be empty
     * @param extra      free information (providers, reason: "periodic", "failure: ...")
     * @return the variables that were not saved ("tag.name (Class)"): values that are neither
     *         arrays, numbers, texts, sparse weights, spike histories nor {@link Checkpointable}
     */
    public static List<String> write(Path file, Network network, JsonNode model, JsonNode core, Map<String, Long> recordings,
                             Map<String, String> extra) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> skipped = new ArrayList<>();
        try (OutputStream fos = Files.newOutputStream(tmp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
             ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(fos, 1 << 16))) {
            zip.setLevel(1);
            ObjectNode m = MAPPER.createObjectNode();
            m.put("format", FORMAT);
            m.put("step", network.iteration());
            m.put("master_seed", network.random().masterSeed());
            m.put("dtype", network.dtype().toString());
            ObjectNode x = m.putObject("info");
            extra.forEach(x::put);
            m.set("model", model);
            m.set("core", core);
            ObjectNode rs = m.putObject("random_streams");
            for (Map.Entry<String, RandomStream> e : network.random().all().entrySet()) {
                rs.put(e.getKey(), e.getValue().state());
            }
            ObjectNode rec = m.putObject("recordings");
            recordings.forEach(rec::put);
            ArrayNode objects = m.putArray("objects");
            for (NetworkObject o : network.allObjects()) {
                objects.add(object(o, zip, skipped));
            }
            ArrayNode sk = m.putArray("not_saved");
            skipped.forEach(sk::add);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(MAPPER.writeValueAsBytes(m));
            zip.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (!skipped.isEmpty()) {
            LOG.debug("checkpoint {}: state not saved (not an array, number or Checkpointable): {}", file, skipped);
        }
        return skipped;
    }

    private static ObjectNode object(NetworkObject o, ZipOutputStream zip, List<String> skipped) throws IOException {
        ObjectNode on = MAPPER.createObjectNode();
        String tag = o.tag();
        on.put("tag", tag);
        on.put("kind", o.kind());
        ArrayNode vars = on.putArray("variables");
        for (String name : o.variables()) {
            Object v = o.get(name);
            ObjectNode vn = vars.addObject();
            vn.put("name", name);
            String base = tag + "/" + name;
            if (v instanceof INDArray) {
                vn.put("kind", "array");
                vn.put("entry", entry(zip, base + ".npy", (INDArray) v));
            } else if (v instanceof Double || v instanceof Float || v instanceof Long || v instanceof Integer) {
                double d = ((Number) v).doubleValue();
                vn.put("kind", v instanceof Long || v instanceof Integer ? "long" : "scalar");
                vn.put("value", d);
                vn.put("bits", v instanceof Long || v instanceof Integer ? ((Number) v).longValue()
                        : Double.doubleToRawLongBits(d));
            } else if (v instanceof Boolean) {
                vn.put("kind", "boolean");
                vn.put("value", (Boolean) v);
            } else if (v instanceof String) {
                vn.put("kind", "text");
                vn.put("value", (String) v);
            } else if (v instanceof SparseWeights) {
                SparseWeights w = (SparseWeights) v;
                vn.put("kind", "sparse");
                vn.put("rows", w.rows());
                vn.put("cols", w.cols());
                vn.put("entry", entry(zip, base + ".values.npy", w.values()));
                entry(zip, base + ".rows.npy", Tensors.longs(w.rowIndices(), w.nnz()));
                entry(zip, base + ".cols.npy", Tensors.longs(w.colIndices(), w.nnz()));
            } else if (v instanceof Checkpointable) {
                vn.put("kind", "state");
                states(vn.putObject("entries"), ((Checkpointable) v).saveState(), base, zip);
            } else if (v instanceof AxonHistory) {
                AxonHistory h = (AxonHistory) v;
                vn.put("kind", "axon-history");
                vn.put("entry", entry(zip, base + ".npy", axon(h)));
                vn.put("class", v.getClass().getName());
            } else if (v instanceof Behavior || v instanceof NetworkObject) {
                vn.put("kind", "reference"); // re-created by initialization (behaviors, objects of the network)
            } else {
                vn.put("kind", "not-saved");
                vn.put("class", v == null ? "null" : v.getClass().getName());
                skipped.add(tag + "." + name + " (" + (v == null ? "null" : v.getClass().getSimpleName()) + ")");
            }
        }
        ArrayNode behaviors = on.putArray("behaviors");
        for (Map.Entry<Double, Behavior<?>> e : o.behaviors().entrySet()) {
            if (e.getValue() instanceof Checkpointable) {
                ObjectNode bn = behaviors.addObject();
                bn.put("priority", e.getKey());
                bn.put("type", e.getValue().name());
                states(bn.putObject("entries"), ((Checkpointable) e.getValue()).saveState(),
                        tag + "/@" + Behavior.formatPriority(e.getKey()), zip);
            }
        }
        ArrayNode flags = on.putArray("behavior_flags");
        for (Map.Entry<Double, Behavior<?>> e : o.behaviors().entrySet()) {
            ObjectNode f = flags.addObject();
            f.put("priority", e.getKey());
            f.put("type", e.getValue().name());
            f.put("enabled", e.getValue().isEnabled());
        }
        return on;
    }

    private static void states(ObjectNode into, Map<String, INDArray> state, String base, ZipOutputStream zip)
            throws IOException {
        for (Map.Entry<String, INDArray> s : state.entrySet()) {
            into.put(s.getKey(), entry(zip, base + "/" + s.getKey() + ".npy", s.getValue()));
        }
    }

    /** Spike history as bool [maxDelay, size]: row d = spikes of d steps ago. */
    static INDArray axon(AxonHistory h) {
        boolean[] b = new boolean[h.maxDelay() * h.size()];
        for (int d = 0; d < h.maxDelay(); d++) {
            for (int i = 0; i < h.size(); i++) {
                b[d * h.size() + i] = h.spiked(d, i);
            }
        }
        return Tensors.bools(b, h.maxDelay(), h.size());
    }

    private static String entry(ZipOutputStream zip, String name, INDArray a) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        NpyArrays.write(a, zip);
        zip.closeEntry();
        return name;
    }
}
