package org.conex.api.tensor;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Floating-point type of a network's state. {@link #FLOAT32} is the default and reproduces the
 * reference's float32 arithmetic (every operation rounded to float); {@link #FLOAT64} computes in
 * double precision.
 */
public enum DType {
    FLOAT32(DataType.FLOAT),
    FLOAT64(DataType.DOUBLE);

    private final DataType nd4j;

    DType(DataType nd4j) {
        this.nd4j = nd4j;
    }

    /** The ND4J data type used for floating state arrays. */
    public DataType nd4j() {
        return nd4j;
    }

    /**
     * Rounds a double to this type's precision: {@code (float) x} for float32, identity for float64.
     * Computing {@code a op b} in double and rounding gives exactly the float32 result for
     * + - * / (double has more than 2p+2 bits), so kernels written in double reproduce float32.
     */
    public double round(double x) {
        return this == FLOAT32 ? (double) (float) x : x;
    }

    /** Parses "float32"/"float"/"float64"/"double" (case-insensitive). */
    public static DType parse(String s) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "float32": case "float": case "f32": return FLOAT32;
            case "float64": case "double": case "f64": return FLOAT64;
            default:
                throw new IllegalArgumentException("unknown dtype '" + s + "': expected float32 or float64");
        }
    }

    @Override
    public String toString() {
        return this == FLOAT32 ? "float32" : "float64";
    }
}
