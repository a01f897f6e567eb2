package org.conex.api.tensor;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One master seed split into named, independent random streams. A stream's seed depends only on
 * the master seed and the stream's name (for example {@code "exc/260/LIF"}), so the numbers a
 * behavior draws never depend on thread count, on creation order of other streams, or on what
 * else runs in the network.
 */
public final class RandomStreams {
    private final long masterSeed;
    private final Map<String, RandomStream> streams = new LinkedHashMap<>();

    public RandomStreams(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    public long masterSeed() {
        return masterSeed;
    }

    /** The stream of this name, created on first use. */
    public synchronized RandomStream stream(String name) {
        return streams.computeIfAbsent(name, n -> new RandomStream(seedFor(masterSeed, n)));
    }

    /** Every stream created so far, by name (for checkpoints). */
    public synchronized Map<String, RandomStream> all() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    }

    /** Derives a stream seed from the master seed and the stream name (FNV-1a then SplitMix64). */
    public static long seedFor(long masterSeed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return RandomStream.mix(masterSeed * 0x9E3779B97F4A7C15L ^ RandomStream.mix(h));
    }
}
