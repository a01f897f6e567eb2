package org.conex.api;

/**
 * A network, group, synapse or variable is used in a way its definition does not allow
 * (missing variable, shape mismatch, duplicate priority on one object, wrong owner kind, ...).
 */
public class ModelException extends ConexException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
