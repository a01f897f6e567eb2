package org.conex.runtime.recording;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The NumPy element types recordings and checkpoints use, with their {@code .npy} descriptor
 * (little-endian) and width in bytes.
 */
public enum NpyType {
    FLOAT32("<f4", 4),
    FLOAT64("<f8", 8),
    INT64("<i8", 8),
    INT32("<i4", 4),
    BOOL("|b1", 1);

    private final String descr;
    private final int width;

    NpyType(String descr, int width) {
        this.descr = descr;
        this.width = width;
    }

    /** The {@code descr} of the .npy header, e.g. {@code <f4}. */
    public String descr() {
        return descr;
    }

    /** Bytes per element. */
    public int width() {
        return width;
    }

    /** The type of an ND4J data type. */
    public static NpyType of(DataType t) {
        switch (t) {
            case FLOAT: return FLOAT32;
            case DOUBLE: return FLOAT64;
            case LONG: return INT64;
            case INT: return INT32;
            case BOOL: return BOOL;
            default: throw new IllegalArgumentException("cannot store " + t + " arrays in .npy files (supported: float,"
                    + " double, long, int, bool)");
        }
    }

    /** The type with descriptor {@code descr}. */
    public static NpyType ofDescr(String descr) {
        for (NpyType t : values()) {
            if (t.descr.equals(descr)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported .npy element type '" + descr + "'");
    }

    /** The matching ND4J data type. */
    public DataType nd4j() {
        switch (this) {
            case FLOAT32: return DataType.FLOAT;
            case FLOAT64: return DataType.DOUBLE;
            case INT64: return DataType.LONG;
            case INT32: return DataType.INT;
            default: return DataType.BOOL;
        }
    }
}
