package org.conex.launcher.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allowlist file format, its errors, and checksum decisions. */
class AllowListTest {
    /** SHA-256 of the three bytes "abc" (FIPS 180-2 test vector). */
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    static final String FILE = "conf/allowed-bundles.txt";

    @TempDir
    Path tmp;

    @Test
    void noFileMeansNoList() throws Exception {
        assertTrue(AllowList.load(tmp.resolve("absent.txt"), FILE).isEmpty());
    }

    @Test
    void readsSha256sumOutputCommentsAndSigners() throws Exception {
        Path f = tmp.resolve("allowed-bundles.txt");
        Files.writeString(f, String.join("\n",
                "# plugins we trust",
                "",
                ABC.toUpperCase() + "  conex-example-izhikevich.jar",
                "   " + "0".repeat(64) + " *binary-mode-name.jar   ",
                "signer " + "AB:".repeat(31) + "CD",
                "signer " + "ef".repeat(32)));
        AllowList list = AllowList.load(f, FILE).orElseThrow();
        assertEquals(Set.of(ABC, "0".repeat(64)), list.checksums());
        assertEquals(Set.of("ab".repeat(31) + "cd", "ef".repeat(32)), list.signers());
    }

    @Test
    void anEmptyListAllowsNothing() throws Exception {
        AllowList list = AllowList.parse(FILE, FILE, List.of("# nothing yet"));
        Verdict v = list.check("deploy/x.jar", "abc".getBytes(StandardCharsets.US_ASCII));
        assertFalse(v.allowed());
        assertEquals("refused bundle deploy/x.jar (sha256 " + ABC + "): not in conf/allowed-bundles.txt", v.message());
    }

    @Test
    void aListedChecksumIsAllowed() throws Exception {
        AllowList list = AllowList.parse(FILE, FILE, List.of(ABC + "  x.jar"));
        Verdict v = list.check("deploy/x.jar", "abc".getBytes(StandardCharsets.US_ASCII));
        assertTrue(v.allowed());
        assertEquals(ABC, v.sha256());
        assertEquals("listed in conf/allowed-bundles.txt", v.reason());
    }

    @Test
    void aMalformedLineNamesFileLineExpectationAndFinding() {
        AllowListException e = assertThrows(AllowListException.class, () -> AllowList.parse("/opt/conex/" + FILE, FILE,
                List.of("# ok", ABC, "deadbeef  short.jar")));
        assertEquals("/opt/conex/conf/allowed-bundles.txt line 3: expected a SHA-256 checksum (64 hex digits, as"
                + " sha256sum JAR prints, optionally followed by the file name) or 'signer' and a certificate"
                + " fingerprint, found 'deadbeef  short.jar'", e.getMessage());
    }

    @Test
    void aMalformedSignerLineSaysWhatAFingerprintLooksLike() {
        AllowListException e = assertThrows(AllowListException.class, () -> AllowList.parse(FILE, FILE,
                List.of("signer CN=Alice")));
        assertTrue(e.getMessage().startsWith("conf/allowed-bundles.txt line 1: expected 'signer' followed by the"
                + " signing certificate's SHA-256 fingerprint"), e.getMessage());
        assertTrue(e.getMessage().endsWith("found 'signer CN=Alice'"), e.getMessage());
        assertThrows(AllowListException.class, () -> AllowList.parse(FILE, FILE, List.of("signer")));
    }

    @Test
    void aFileThatIsNotUtf8IsAnError() throws Exception {
        Path f = tmp.resolve("allowed-bundles.txt");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        AllowListException e = assertThrows(AllowListException.class, () -> AllowList.load(f, FILE));
        assertEquals(f + ": expected UTF-8 text, found bytes that are not UTF-8", e.getMessage());
    }
}
