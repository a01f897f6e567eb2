package org.conex.launcher.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signer allowlisting with real signed jars: keys made by the JDK's keytool, jars signed by its
 * jarsigner, fingerprints taken from {@code keytool -printcert -jarfile} exactly as the docs tell
 * users to.
 */
class JarSignersTest {
    static final String FILE = "conf/allowed-bundles.txt";

    @TempDir
    static Path tmp;
    static Path keystore;
    static byte[] signedByAlice;
    static String alice;
    static String bob;

    @BeforeAll
    static void keysAndJars() throws Exception {
        keystore = tmp.resolve("keys.p12");
        for (String who : List.of("alice", "bob")) {
            jdk("keytool", "-genkeypair", "-keystore", keystore.toString(), "-storepass", "secret", "-storetype",
                    "PKCS12", "-alias", who, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + who,
                    "-validity", "3650");
        }
        Path jar = tmp.resolve("plugin.jar");
        Files.write(jar, jar(List.of("a/A.class", "OSGI-INF/c.xml"), "original"));
        sign(jar, "alice");
        signedByAlice = Files.readAllBytes(jar);
        alice = printedFingerprint(jar);
        Path other = tmp.resolve("other.jar");
        Files.write(other, jar(List.of("b/B.class"), "x"));
        sign(other, "bob");
        bob = printedFingerprint(other);
    }

    @Test
    void aJarSignedByAnAllowedSignerIsAllowed() throws Exception {
        AllowList list = AllowList.parse(FILE, FILE, List.of("signer " + alice));
        Verdict v = list.check("plugin.jar", signedByAlice);
        assertTrue(v.allowed(), v.message());
        assertTrue(v.reason().startsWith("signed by allowed signer "), v.reason());
    }

    @Test
    void aJarSignedBySomeoneElseIsRefused() throws Exception {
        AllowList list = AllowList.parse(FILE, FILE, List.of("signer " + bob));
        Verdict v = list.check("plugin.jar", signedByAlice);
        assertFalse(v.allowed());
        assertTrue(v.reason().startsWith("not in conf/allowed-bundles.txt and not signed by an allowed signer (signed by"),
                v.reason());
    }

    @Test
    void anUnsignedJarIsRefused() throws Exception {
        AllowList list = AllowList.parse(FILE, FILE, List.of("signer " + alice));
        Verdict v = list.check("plain.jar", jar(List.of("a/A.class"), "original"));
        assertFalse(v.allowed());
        assertEquals("not in conf/allowed-bundles.txt and not signed by an allowed signer (not signed, or not every"
                + " entry is signed)", v.reason());
    }

    @Test
    void aChangedEntryBreaksTheSignature() throws Exception {
        AllowList list = AllowList.parse(FILE, FILE, List.of("signer " + alice));
        Verdict v = list.check("plugin.jar", rewrite(signedByAlice, "a/A.class", "evil", null));
        assertFalse(v.allowed());
        assertTrue(v.reason().contains("signature does not verify"), v.reason());
    }

    @Test
    void anEntryAddedAfterSigningIsRefused() throws Exception {
        AllowList list = AllowList.parse(FILE, FILE, List.of("signer " + alice));
        Verdict v = list.check("plugin.jar", rewrite(signedByAlice, null, null, "a/Extra.class"));
        assertFalse(v.allowed());
        assertTrue(v.reason().contains("not every entry is signed"), v.reason());
    }

    @Test
    void aChecksumStillAllowsAnUnsignedJar() throws Exception {
        byte[] plain = jar(List.of("a/A.class"), "original");
        AllowList list = AllowList.parse(FILE, FILE, List.of("signer " + alice, AllowList.sha256(plain)));
        assertTrue(list.check("plain.jar", plain).allowed());
    }

    /** A jar with a manifest and the given entries, each holding {@code content}. */
    static byte[] jar(List<String> entries, String content) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", "test.plugin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream j = new JarOutputStream(out, m)) {
            for (String e : entries) {
                j.putNextEntry(new ZipEntry(e));
                j.write(content.getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Copies {@code jar}, replacing the content of {@code change} and appending {@code add}. */
    static byte[] rewrite(byte[] jar, String change, String content, String add) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] b = in.readAllBytes();
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(e.getName().equals(change) ? content.getBytes(StandardCharsets.UTF_8) : b);
                z.closeEntry();
            }
            if (add != null) {
                z.putNextEntry(new ZipEntry(add));
                z.write(1);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static void sign(Path jar, String alias) throws Exception {
        jdk("jarsigner", "-keystore", keystore.toString(), "-storepass", "secret", "-storetype", "PKCS12",
                jar.toString(), alias);
    }

    /** The first certificate's "SHA256:" line of {@code keytool -printcert -jarfile}. */
    static String printedFingerprint(Path jar) throws Exception {
        String out = jdk("keytool", "-printcert", "-jarfile", jar.toString());
        Matcher m = Pattern.compile("SHA256:\\s*([0-9A-F:]{95})").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    static String jdk(String tool, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), tool + " did not finish");
        assertEquals(0, p.exitValue(), tool + " " + String.join(" ", args) + ":\n" + out);
        return out;
    }
}
