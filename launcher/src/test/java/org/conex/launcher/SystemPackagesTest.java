package org.conex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The system-bundle export list computed from the test class path (which has ND4J and SLF4J). */
class SystemPackagesTest {
    @Test
    void exportsNd4jUnversionedAndSlf4jAtItsBundleVersion() throws Exception {
        String extra = SystemPackages.scan(System.getProperty("java.class.path"), List.of("nd4j-", "javacpp-",
                "slf4j-api-"), List.of("org.nd4j", "org.bytedeco.javacpp", "org.slf4j"));
        List<String> pkgs = List.of(extra.split(","));
        assertTrue(pkgs.contains("org.nd4j.linalg.api.ndarray"), "ND4J exported without a version");
        assertTrue(pkgs.contains("org.nd4j.linalg.factory"));
        assertTrue(pkgs.contains("org.slf4j;version=\"2.0.17\""), extra.substring(0, Math.min(300, extra.length())));
        assertTrue(pkgs.stream().anyMatch(p -> p.startsWith("org.bytedeco.javacpp")));
        assertFalse(pkgs.stream().anyMatch(p -> p.startsWith("org.junit")), "only the named jars are scanned");
        assertTrue(pkgs.size() > 100, "ND4J has a few hundred packages, found " + pkgs.size());
    }

    @Test
    void versionsAreNormalisedToThreeNumbers() {
        assertEquals("2.0.17", SystemPackages.osgiVersion("2.0.17"));
        assertEquals("1.5.0", SystemPackages.osgiVersion("1.5"));
        assertEquals("1.0.0", SystemPackages.osgiVersion("1.0.0-M2.1"));
    }
}
