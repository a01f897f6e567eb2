package org.conex.launcher.security;

/**
 * The allowlist's decision about one jar.
 *
 * @param allowed whether the jar may resolve and run
 * @param jar     the jar file (path or bundle location) the decision is about
 * @param sha256  the SHA-256 of the jar's bytes, 64 lower-case hex digits ({@code sha256sum}'s
 *                format); empty when the bytes could not be read
 * @param reason  why: for example {@code "listed in conf/allowed-bundles.txt"} or
 *                {@code "not in conf/allowed-bundles.txt"}
 */
public record Verdict(boolean allowed, String jar, String sha256, String reason) {

    /** The log line: {@code refused bundle JAR (sha256 HEX): REASON} or {@code allowed bundle ...}. */
    public String message() {
        return (allowed ? "allowed" : "refused") + " bundle " + jar + " (sha256 " + (sha256.isEmpty() ? "unknown" : sha256)
                + "): " + reason;
    }
}
