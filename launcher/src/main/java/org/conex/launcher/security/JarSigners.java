package org.conex.launcher.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Who signed a jar, verified by the JDK's own jar verification ({@link JarInputStream} with
 * verification on), not by the OSGi framework: Felix reports signers only with its security
 * extension and a security manager, which Java 17 deprecates.
 *
 * <p>Reading every entry makes the JDK check each entry's digest against the signed manifest and
 * the signature file against its signature block; a tampered entry throws
 * {@link SecurityException}. Certificates are identified by the SHA-256 of their encoding (the
 * fingerprint {@code keytool -printcert} prints). Not checked: certificate chains, expiry,
 * revocation, timestamps; pinning the certificate itself is the trust decision.
 */
final class JarSigners {
    private JarSigners() {
    }

    /**
     * The fingerprints (lower-case hex) of the certificates that signed every file entry of the
     * jar {@code bytes} (the signature files under {@code META-INF/} excepted); empty when the jar
     * is not signed, has an unsigned entry, or has no entries.
     *
     * @throws SecurityException when an entry does not match its signed digest
     */
    static Set<String> signersOfEveryEntry(byte[] bytes) throws IOException {
        Set<String> common = null;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes), true)) {
            if (in.getManifest() == null) {
                return Set.of();
            }
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (e.isDirectory() || isSignatureFile(e.getName())) {
                    continue;
                }
                in.transferTo(OutputStream.nullOutputStream());
                CodeSigner[] signers = e.getCodeSigners();
                if (signers == null) {
                    return Set.of();
                }
                Set<String> these = new HashSet<>();
                for (CodeSigner s : signers) {
                    these.add(fingerprint(s.getSignerCertPath().getCertificates().get(0)));
                }
                if (common == null) {
                    common = these;
                } else {
                    common.retainAll(these);
                }
            }
        }
        return common == null ? Set.of() : common;
    }

    private static boolean isSignatureFile(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (!n.startsWith("META-INF/") || n.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC")
                || n.startsWith("META-INF/SIG-");
    }

    private static String fingerprint(Certificate c) throws IOException {
        try {
            return AllowList.sha256(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IOException("unreadable signer certificate", e);
        }
    }
}
