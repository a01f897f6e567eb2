package org.conex.structures;

import org.conex.api.ConexException;
import org.conex.api.behavior.ParameterException;

/**
 * The rule for type names in documents: a registered name is an identifier (letters, digits and
 * '_', starting with a letter). Dotted or slashed names ({@code java.lang.Runtime},
 * {@code org/conex/X}) and the reference's {@code ["python_callable", module, name]} triples look
 * like class references and are rejected before any lookup, so a document can never make the
 * loader touch a class by name.
 */
public final class TypeNames {
    private TypeNames() {
    }

    /**
     * Returns {@code raw} as a type name.
     *
     * @param what  "behavior" or "structure", for messages
     * @param where location for messages
     * @throws ConexException if it is missing, not a text, or not an identifier
     */
    public static String check(Object raw, String what, String where) {
        if (raw == null) {
            throw new ConexException(where + ": missing \"type\" (the registered " + what + " name)");
        }
        if (raw instanceof java.util.List && !((java.util.List<?>) raw).isEmpty()
                && "python_callable".equals(((java.util.List<?>) raw).get(0))) {
            throw new ConexException(where + ": class references " + raw + " are not allowed; name a registered "
                    + what + " type instead");
        }
        if (!(raw instanceof String)) {
            throw new ConexException(where + ": \"type\" must be a registered " + what + " name, found "
                    + ParameterException.describe(raw));
        }
        String s = (String) raw;
        if (s.matches("[A-Za-z][A-Za-z0-9_]*")) {
            return s;
        }
        if (s.contains(".") || s.contains("/") || s.contains("$")) {
            throw new ConexException(where + ": " + what + " type '" + s + "' looks like a Java class name; documents"
                    + " name registered types only (for example \"CorticalLayer\" or \"LIF\"), never classes");
        }
        throw new ConexException(where + ": " + what + " type '" + s + "' is not a valid name (letters, digits and"
                + " '_', starting with a letter)");
    }
}
