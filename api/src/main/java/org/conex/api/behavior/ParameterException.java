package org.conex.api.behavior;

import org.conex.api.ConexException;

/**
 * A behavior (or structure, or helper) parameter is missing, unknown, of the wrong type or out of
 * range. The message names the component, the parameter, what was expected and what was found.
 */
public class ParameterException extends ConexException {
    private static final long serialVersionUID = 1L;
    private final String component;
    private final String parameter;

    public ParameterException(String component, String parameter, String expected, Object found) {
        super(component + ": parameter '" + parameter + "' expected " + expected + ", found " + describe(found));
        this.component = component;
        this.parameter = parameter;
    }

    public ParameterException(String component, String parameter, String message) {
        super(component + ": parameter '" + parameter + "' " + message);
        this.component = component;
        this.parameter = parameter;
    }

    /** The behavior/structure/helper type name. */
    public String component() {
        return component;
    }

    /** The parameter name. */
    public String parameter() {
        return parameter;
    }

    /** A short, user-readable rendering of a found value with its kind. */
    public static String describe(Object v) {
        if (v == null) {
            return "nothing (null)";
        }
        if (v instanceof String) {
            return "the text \"" + v + "\"";
        }
        if (v instanceof Boolean) {
            return "the boolean " + v;
        }
        if (v instanceof Number) {
            return "the number " + v;
        }
        if (v instanceof java.util.List) {
            String s = v.toString();
            return "a list " + (s.length() > 60 ? s.substring(0, 57) + "..." : s);
        }
        if (v instanceof java.util.Map) {
            return "an object with keys " + ((java.util.Map<?, ?>) v).keySet();
        }
        return "a " + v.getClass().getSimpleName();
    }
}
