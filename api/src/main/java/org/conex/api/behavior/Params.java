package org.conex.api.behavior;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated, immutable parameter set of one behavior (or structure or helper) instance.
 * Values are already converted to their declared {@link ParamKind}; absent parameters hold their
 * declared default (possibly null). The raw values as given are kept for saving.
 */
public final class Params {
    private final String component;
    private final Map<String, ParamSpec> specs;
    private final Map<String, Object> values;
    private final Map<String, Object> given;

    private Params(String component, Map<String, ParamSpec> specs, Map<String, Object> values,
                   Map<String, Object> given) {
        this.component = component;
        this.specs = specs;
        this.values = values;
        this.given = given;
    }

    /**
     * Validates raw values against the specs: every given key must be declared, every value must
     * convert to its kind, required parameters must be present (non-null).
     *
     * @throws ParameterException for the first problem found (see {@link #validateAll} for all)
     */
    public static Params validate(String component, List<ParamSpec> specs, Map<String, ?> raw) {
        List<ParameterException> errors = validateAll(component, specs, raw);
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return build(component, specs, raw);
    }

    /** Every problem of {@code raw} against {@code specs}, in declaration order (empty if valid). */
    public static List<ParameterException> validateAll(String component, List<ParamSpec> specs, Map<String, ?> raw) {
        Map<String, ParamSpec> byName = index(specs);
        java.util.ArrayList<ParameterException> errors = new java.util.ArrayList<>();
        Map<String, ?> in = raw == null ? Map.of() : raw;
        for (String key : in.keySet()) {
            if (!byName.containsKey(key)) {
                errors.add(new ParameterException(component, key, "is not a parameter of " + component
                        + "; known parameters: " + byName.keySet()));
            }
        }
        for (ParamSpec s : specs) {
            Object v = in.get(s.name());
            if (v == null) {
                if (s.required()) {
                    errors.add(new ParameterException(component, s.name(), "is required (" + s.expectation()
                            + ") but was not given"));
                }
                continue;
            }
            try {
                ParamConverter.convert(component, s, v);
            } catch (ParameterException e) {
                errors.add(e);
            }
        }
        return errors;
    }

    private static Params build(String component, List<ParamSpec> specs, Map<String, ?> raw) {
        Map<String, ParamSpec> byName = index(specs);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> given = new LinkedHashMap<>();
        Map<String, ?> in = raw == null ? Map.of() : raw;
        for (ParamSpec s : specs) {
            Object v = in.get(s.name());
            if (v == null) {
                values.put(s.name(), s.defaultValue());
            } else {
                values.put(s.name(), ParamConverter.convert(component, s, v));
                given.put(s.name(), v);
            }
        }
        return new Params(component, Collections.unmodifiableMap(byName), Collections.unmodifiableMap(values),
                Collections.unmodifiableMap(given));
    }

    private static Map<String, ParamSpec> index(List<ParamSpec> specs) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("parameter '" + s.name() + "' declared twice");
            }
        }
        return byName;
    }

    /** The behavior/structure/helper name these parameters belong to. */
    public String component() {
        return component;
    }

    /** True if the user gave a non-null value for {@code name}. */
    public boolean isGiven(String name) {
        return given.containsKey(name);
    }

    /** The raw values as given (for saving), in declaration order. */
    public Map<String, Object> given() {
        return given;
    }

    /** Names of all declared parameters. */
    public Set<String> names() {
        return specs.keySet();
    }

    /** The converted value (or default) of a declared parameter; null if absent without default. */
    public Object get(String name) {
        if (!specs.containsKey(name)) {
            throw new IllegalArgumentException(component + " declares no parameter '" + name + "'");
        }
        return values.get(name);
    }

    private Object need(String name) {
        Object v = get(name);
        if (v == null) {
            throw new ParameterException(component, name, "is required but was not given");
        }
        return v;
    }

    /** A NUMBER parameter (or a NUMBER_OR_TENSOR holding a number). */
    public double number(String name) {
        Object v = need(name);
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        throw new ParameterException(component, name, "a number", v);
    }

    /** A NUMBER parameter, or {@code fallback} when absent. */
    public double number(String name, double fallback) {
        Object v = get(name);
        return v == null ? fallback : ((Number) v).doubleValue();
    }

    public int integer(String name) {
        return ((Number) need(name)).intValue();
    }

    public boolean bool(String name) {
        return (Boolean) need(name);
    }

    public String string(String name) {
        return (String) need(name);
    }

    /** A TENSOR parameter, or a NUMBER_OR_TENSOR holding a tensor; null if absent. */
    public TensorValue tensor(String name) {
        Object v = get(name);
        return v instanceof TensorValue ? (TensorValue) v : null;
    }

    public int[] ints(String name) {
        Object v = get(name);
        return v == null ? null : ((int[]) v).clone();
    }

    @SuppressWarnings("unchecked")
    public List<double[]> rows(String name) {
        return (List<double[]>) need(name);
    }

    @Override
    public String toString() {
        return component + given;
    }
}
