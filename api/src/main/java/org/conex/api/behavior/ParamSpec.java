package org.conex.api.behavior;

import java.util.List;
import java.util.Objects;

/**
 * Declaration of one parameter of a behavior, structure or helper: name (the CoNeX keyword),
 * kind, default, whether it is required, an optional lower bound, allowed texts, unit and doc.
 *
 * @param name         CoNeX keyword name, e.g. {@code "tau"}
 * @param kind         value type
 * @param defaultValue value used when the parameter is absent or null (already converted), or null
 * @param required     absence is an error
 * @param min          lower bound for numbers (null: none)
 * @param minExclusive whether {@code min} itself is excluded
 * @param choices      allowed texts for STRING parameters (empty: any)
 * @param unit         unit for documentation (ms, mV, ...), may be empty
 * @param doc          one-line description
 */
public record ParamSpec(String name, ParamKind kind, Object defaultValue, boolean required, Double min,
                        boolean minExclusive, List<String> choices, String unit, String doc) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        choices = choices == null ? List.of() : List.copyOf(choices);
        unit = unit == null ? "" : unit;
        doc = doc == null ? "" : doc;
    }

    /** A parameter of this kind, optional, without default. */
    public static ParamSpec of(String name, ParamKind kind) {
        return new ParamSpec(name, kind, null, false, null, false, List.of(), "", "");
    }

    public ParamSpec withDefault(Object value) {
        return new ParamSpec(name, kind, value, required, min, minExclusive, choices, unit, doc);
    }

    public ParamSpec asRequired() {
        return new ParamSpec(name, kind, defaultValue, true, min, minExclusive, choices, unit, doc);
    }

    /** Values (every element, for tensors) must be &gt; {@code bound}. */
    public ParamSpec greaterThan(double bound) {
        return new ParamSpec(name, kind, defaultValue, required, bound, true, choices, unit, doc);
    }

    /** Values (every element, for tensors) must be &gt;= {@code bound}. */
    public ParamSpec atLeast(double bound) {
        return new ParamSpec(name, kind, defaultValue, required, bound, false, choices, unit, doc);
    }

    public ParamSpec oneOf(String... allowed) {
        return new ParamSpec(name, kind, defaultValue, required, min, minExclusive, List.of(allowed), unit, doc);
    }

    public ParamSpec unit(String u) {
        return new ParamSpec(name, kind, defaultValue, required, min, minExclusive, choices, u, doc);
    }

    public ParamSpec doc(String d) {
        return new ParamSpec(name, kind, defaultValue, required, min, minExclusive, choices, unit, d);
    }

    /** "a number > 0" and similar, for messages. */
    public String expectation() {
        String s = kind.description();
        if (min != null) {
            s += (minExclusive ? " > " : " >= ") + fmt(min);
        }
        if (!choices.isEmpty()) {
            s += " among " + choices;
        }
        return s;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
