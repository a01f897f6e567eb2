package org.conex.launcher.security;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The optional bundle allowlist, {@code conf/allowed-bundles.txt}: which plugin jars may run.
 *
 * <p>One entry per line; blank lines and lines starting with {@code #} are ignored:
 * <pre>
 * # a SHA-256 checksum: exactly what `sha256sum plugin.jar` prints (the file name is only a comment)
 * 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b  conex-example-izhikevich.jar
 * # a signer: the SHA-256 fingerprint of the signing certificate (colons optional), as printed
 * # after "SHA256:" by `keytool -printcert -jarfile plugin.jar`
 * signer 5C:2F:...:9A
 * </pre>
 * A jar is allowed when its SHA-256 is listed, or when every file in it is signed (and verifies)
 * with a certificate whose fingerprint is listed. Without the file everything is allowed
 * ({@link #load} returns empty); a file with no entries allows nothing but the built-in bundles.
 * A line that is neither is an {@link AllowListException} naming the file, the line, what was
 * expected and what was found.
 */
public final class AllowList {
    /** Where the launcher looks for the list, relative to the distribution folder. */
    public static final String FILE = "conf/allowed-bundles.txt";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{2}(:?[0-9a-fA-F]{2}){31}");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final String name;
    private final Set<String> checksums;
    private final Set<String> signers;

    private AllowList(String name, Set<String> checksums, Set<String> signers) {
        this.name = name;
        this.checksums = Set.copyOf(checksums);
        this.signers = Set.copyOf(signers);
    }

    /**
     * Reads the list at {@code file}; empty when there is no such file (everything is allowed).
     *
     * @param file the list, normally {@code HOME/conf/allowed-bundles.txt}
     * @param name how refusals name the list, normally {@link #FILE}
     */
    public static Optional<AllowList> load(Path file, String name) throws AllowListException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new AllowListException(file + ": expected UTF-8 text, found bytes that are not UTF-8", e);
        } catch (IOException e) {
            throw new AllowListException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return Optional.of(parse(file.toString(), name, lines));
    }

    /** Parses {@code lines}; {@code source} names the file in errors, {@code name} in refusals. */
    public static AllowList parse(String source, String name, List<String> lines) throws AllowListException {
        Set<String> checksums = new LinkedHashSet<>();
        Set<String> signers = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = SPACE.split(line, 3);
            if (words[0].equals("signer")) {
                if (words.length < 2 || !FINGERPRINT.matcher(words[1]).matches()) {
                    throw new AllowListException(source + " line " + (i + 1) + ": expected 'signer' followed by the"
                            + " signing certificate's SHA-256 fingerprint (64 hex digits, colons allowed, as keytool"
                            + " -printcert -jarfile JAR prints after SHA256:), found '" + line + "'");
                }
                signers.add(words[1].replace(":", "").toLowerCase());
            } else if (SHA256.matcher(words[0]).matches()) {
                checksums.add(words[0].toLowerCase());
            } else {
                throw new AllowListException(source + " line " + (i + 1) + ": expected a SHA-256 checksum (64 hex"
                        + " digits, as sha256sum JAR prints, optionally followed by the file name) or 'signer' and a"
                        + " certificate fingerprint, found '" + line + "'");
            }
        }
        return new AllowList(name, checksums, signers);
    }

    /** The listed checksums, lower-case hex. */
    public Set<String> checksums() {
        return checksums;
    }

    /** The listed signer certificate fingerprints (SHA-256), lower-case hex without colons. */
    public Set<String> signers() {
        return signers;
    }

    /**
     * Decides about the jar {@code jar} whose complete content is {@code bytes}: allowed when its
     * SHA-256 is listed or an allowed signer signed every entry.
     */
    public Verdict check(String jar, byte[] bytes) {
        String sha = sha256(bytes);
        if (checksums.contains(sha)) {
            return new Verdict(true, jar, sha, "listed in " + name);
        }
        if (signers.isEmpty()) {
            return new Verdict(false, jar, sha, "not in " + name);
        }
        Set<String> signedBy;
        try {
            signedBy = JarSigners.signersOfEveryEntry(bytes);
        } catch (SecurityException | IOException e) {
            return new Verdict(false, jar, sha, "not in " + name + " and its signature does not verify ("
                    + e.getMessage() + ")");
        }
        for (String s : signedBy) {
            if (signers.contains(s)) {
                return new Verdict(true, jar, sha, "signed by allowed signer " + s);
            }
        }
        return new Verdict(false, jar, sha, "not in " + name + " and not signed by an allowed signer"
                + (signedBy.isEmpty() ? " (not signed, or not every entry is signed)" : " (signed by " + signedBy + ")"));
    }

    /** SHA-256 of {@code bytes} as 64 lower-case hex digits, the format of {@code sha256sum}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
