package org.conex.runtime.model;

import java.util.Objects;

/**
 * One mistake in a model file: where it is (a JSON path such as
 * {@code groups[2].behaviors[0].params.tau}, or {@code $} for the whole file) and what is wrong,
 * phrased as what was expected and what was found.
 *
 * @param path    JSON path of the offending element ({@code $} for the document itself)
 * @param message what was expected and what was found, without the path
 */
public record ModelProblem(String path, String message) {
    public ModelProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
