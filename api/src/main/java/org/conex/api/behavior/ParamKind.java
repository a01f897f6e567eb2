package org.conex.api.behavior;

/**
 * The type of a parameter value, deciding how a raw value from a model file (JSON number, string,
 * boolean, list, object) is converted and validated.
 */
public enum ParamKind {
    /** A real number; Java type {@link Double}. */
    NUMBER("a number"),
    /** An integer; Java type {@link Integer}. A JSON number must be integral. */
    INTEGER("an integer"),
    /** true / false; Java type {@link Boolean}. */
    BOOLEAN("a boolean (true or false)"),
    /** Free text; Java type {@link String}. */
    STRING("a text"),
    /** A number or a (nested) list of numbers; Java type {@link Double} or {@link TensorValue}. */
    NUMBER_OR_TENSOR("a number or a list of numbers"),
    /** A (nested) list of numbers; Java type {@link TensorValue}. */
    TENSOR("a list of numbers"),
    /** An integer or a list of integers (shapes, strides, paddings); Java type {@code int[]}. */
    INTS("an integer or a list of integers"),
    /** A tensor mode: a number or a mode text such as "normal(0, 1)"; Java type Double or String. */
    MODE("a number or a tensor mode such as \"ones\", \"rand\" or \"normal(0, 1)\""),
    /** A list of rows of numbers; Java type {@code List<double[]>}. */
    ROWS("a list of rows of numbers"),
    /** Any JSON-like value (Double, String, Boolean, List, Map) checked by the behavior itself. */
    ANY("a value");

    private final String description;

    ParamKind(String description) {
        this.description = description;
    }

    /** How the kind reads in error messages ("a number", "a list of numbers", ...). */
    public String description() {
        return description;
    }
}
