package org.conex.behaviors.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.Checkpointable;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.SparseWeights;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The complete numeric state of a network as exact text, for bit-for-bit comparisons: every
 * array variable (data type, shape and the raw bytes of every element), every number (its bit
 * pattern), sparse weights (indices and values), the state of every {@link Checkpointable}
 * variable value and behavior, every random stream and the iteration. Two networks with equal
 * digests continue identically.
 */
final class StateDigest {
    private final TreeMap<String, String> entries = new TreeMap<>();

    private StateDigest() {
    }

    /** Captures {@code net} now. */
    static StateDigest of(Network net) {
        StateDigest d = new StateDigest();
        d.entries.put("iteration", Long.toString(net.iteration()));
        for (Map.Entry<String, RandomStream> e : net.random().all().entrySet()) {
            d.entries.put("random " + e.getKey(), Long.toHexString(e.getValue().state()));
        }
        for (NetworkObject o : net.allObjects()) {
            for (String name : o.variables()) {
                d.value(o.tag() + "." + name, o.get(name));
            }
            for (Map.Entry<Double, Behavior<?>> e : o.behaviors().entrySet()) {
                if (e.getValue() instanceof Checkpointable) {
                    d.state(o.tag() + " @" + Behavior.formatPriority(e.getKey()) + " " + e.getValue().name(),
                            (Checkpointable) e.getValue());
                }
            }
        }
        return d;
    }

    private void value(String key, Object v) {
        if (v instanceof INDArray) {
            entries.put(key, bits((INDArray) v));
        } else if (v instanceof Double || v instanceof Float) {
            entries.put(key, Long.toHexString(Double.doubleToRawLongBits(((Number) v).doubleValue())));
        } else if (v instanceof Number || v instanceof Boolean || v instanceof String) {
            entries.put(key, v.toString());
        } else if (v instanceof SparseWeights) {
            SparseWeights w = (SparseWeights) v;
            entries.put(key, Arrays.toString(w.rowIndices()) + Arrays.toString(w.colIndices()) + bits(w.values()));
        } else if (v instanceof Checkpointable) {
            state(key, (Checkpointable) v);
        }
    }

    private void state(String key, Checkpointable c) {
        for (Map.Entry<String, INDArray> e : c.saveState().entrySet()) {
            entries.put(key + " [" + e.getKey() + "]", bits(e.getValue()));
        }
    }

    /** Data type, shape and the raw bytes (C order) of an array. */
    static String bits(INDArray a) {
        byte[] raw = a.dup('c').data().asBytes();
        StringBuilder sb = new StringBuilder(a.dataType() + Arrays.toString(a.shape()) + ":");
        for (byte b : raw) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    /** Every captured key (for checks that something is covered). */
    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    /** The captured text of {@code key}, or null. */
    String get(String key) {
        return entries.get(key);
    }

    /** SHA-256 of every key and value, hex: equal for identical states. */
    String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : entries.entrySet()) {
                md.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys whose values differ or that only one digest has; empty if the states are identical. */
    List<String> differences(StateDigest other) {
        List<String> out = new ArrayList<>();
        TreeMap<String, String> all = new TreeMap<>(entries);
        all.putAll(other.entries);
        for (String k : all.keySet()) {
            if (!Objects.equals(entries.get(k), other.entries.get(k))) {
                out.add(k);
            }
        }
        return out;
    }
}
