package org.conex.helpers.transforms;

import java.util.Arrays;
import org.conex.api.ConexException;

/** Axis-index checks shared by the shape transforms (negative axes count from the end, as in torch). */
final class Axes {
    private Axes() {
    }

    /** {@code dim} normalised into [0, rank + extra); an error naming the transform otherwise. */
    static int normalize(String transform, int dim, long[] shape, int extra) {
        int rank = shape.length + extra;
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank) {
            throw new ConexException(transform + ": axis " + dim + " is out of range for shape " + Arrays.toString(shape)
                    + " (expected " + -rank + " .. " + (rank - 1) + ")");
        }
        return d;
    }
}
