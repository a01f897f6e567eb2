package org.conex.api.helper;

import java.nio.file.Path;
import java.util.Objects;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.RandomStreams;

/**
 * What a helper may use when a model creates it: the network's random streams (so stochastic
 * encoders and shuffles derive from the master seed), the directory relative data paths are
 * resolved against (the model file's folder), and a scope naming the user of the helper (for
 * example the input layer's tag) so that two layers get independent streams.
 *
 * @param random        the network's streams (never null)
 * @param baseDirectory folder for relative paths (never null)
 * @param scope         prefix of stream names, e.g. {@code "input"} (never null, may be empty)
 */
public record HelperContext(RandomStreams random, Path baseDirectory, String scope) {

    public HelperContext {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(scope, "scope");
    }

    /** A context with its own streams from {@code masterSeed}, the working directory and scope "helpers". */
    public static HelperContext seeded(long masterSeed) {
        return new HelperContext(new RandomStreams(masterSeed), Path.of(""), "helpers");
    }

    /** The stream named {@code <scope>/<helperName>} (the same stream for the same name). */
    public RandomStream stream(String helperName) {
        return random.stream(scope.isEmpty() ? helperName : scope + "/" + helperName);
    }

    /** {@code path} resolved against the base directory (absolute paths are kept). */
    public Path resolve(String path) {
        return baseDirectory.resolve(path);
    }

    /** The same context under another scope. */
    public HelperContext withScope(String newScope) {
        return new HelperContext(random, baseDirectory, newScope);
    }
}
