package org.conex.launcher.security;

import java.io.IOException;

/**
 * {@code conf/allowed-bundles.txt} cannot be used: unreadable, or a line that is neither a comment,
 * a SHA-256 checksum nor a {@code signer} line. The message names the file, the line number, what
 * was expected and what was found; the launcher prints it and exits without starting anything.
 */
public final class AllowListException extends IOException {
    private static final long serialVersionUID = 1L;

    public AllowListException(String message) {
        super(message);
    }

    public AllowListException(String message, Throwable cause) {
        super(message, cause);
    }
}
