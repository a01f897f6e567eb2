package org.conex.api;

/**
 * Base class of every error the platform reports to a user: bad parameters, unknown providers,
 * shape mismatches, malformed files. The message is meant to be shown as is: it names the element
 * at fault, what was expected and what was found.
 */
public class ConexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConexException(String message) {
        super(message);
    }

    public ConexException(String message, Throwable cause) {
        super(message, cause);
    }
}
