package org.conex.structures.io;

import org.conex.api.ConexException;

/**
 * A structure document is malformed, refers to something that does not exist, or asks for
 * something the loader refuses (class names, cycles, unknown types). The message starts with the
 * location in the document and says what was expected and found.
 */
public class DocumentException extends ConexException {
    private static final long serialVersionUID = 1L;

    public DocumentException(String message) {
        super(message);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
