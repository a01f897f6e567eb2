package org.conex.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The allowlist in the batch commands ({@code bin/conex validate}, run by the packaged launcher
 * script from a private home whose lib/ links to the distribution's): a deploy jar the list does
 * not allow is left off the class path, so its behaviors are unknown, and the refusal is logged.
 */
class BatchAllowlistIT {
    private static final String MODEL = """
            groups:
              - tag: izh
                size: 2
                behaviors:
                  - {type: Izhikevich, priority: 260}
                  - {type: Fire, priority: 340}
            """;

    @TempDir
    Path home;
    private Path example;

    @BeforeEach
    void home() throws Exception {
        example = LauncherHome.create(home);
        Files.createDirectories(home.resolve("bin"));
        Files.copy(LauncherHome.DIST.resolve("bin/conex"), home.resolve("bin/conex"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(home.resolve("lib"), LauncherHome.DIST.resolve("lib").toAbsolutePath());
        Files.writeString(home.resolve("model.yaml"), MODEL);
        LauncherHome.drop(example, home.resolve("deploy"), "conex-example-izhikevich.jar");
    }

    @Test
    void anUnlistedDeployJarIsLeftOffTheClassPath() throws Exception {
        Files.writeString(home.resolve("conf/allowed-bundles.txt"), "0".repeat(64) + "  other.jar\n");
        String out = validate(2);
        assertTrue(out.contains("refused bundle " + home.resolve("deploy/conex-example-izhikevich.jar") + " (sha256 "
                + BundleAllowlistIT.sha256(example) + "): not in conf/allowed-bundles.txt"), out);
        assertTrue(out.contains("Izhikevich"), out);
    }

    @Test
    void aListedDeployJarIsUsed() throws Exception {
        Files.writeString(home.resolve("conf/allowed-bundles.txt"), BundleAllowlistIT.sha256(example) + "  x.jar\n");
        String out = validate(0);
        assertFalse(out.contains("refused bundle"), out);
    }

    @Test
    void aFolderNamedLikeAJarIsIgnoredNotFatal() throws Exception {
        // it used to be read as a jar (IOException: Is a directory) and the command died with exit 1
        Files.createDirectories(home.resolve("deploy/folder.jar/org"));
        Files.writeString(home.resolve("conf/allowed-bundles.txt"), BundleAllowlistIT.sha256(example) + "  x.jar\n");
        String out = validate(0);
        assertFalse(out.contains("folder.jar"), out);
    }

    @Test
    void withoutAListTheDeployJarIsUsed() throws Exception {
        validate(0);
    }

    @Test
    void aMalformedListIsAnErrorBeforeAnythingRuns() throws Exception {
        Files.writeString(home.resolve("conf/allowed-bundles.txt"), "signer nobody\n");
        String out = validate(2);
        assertTrue(out.startsWith("conex: " + home.toRealPath().resolve("conf/allowed-bundles.txt")
                + " line 1: expected 'signer' followed by"), out);
    }

    private String validate(int expectedCode) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/conex").toString(), "validate",
                home.resolve("model.yaml").toString()).redirectErrorStream(true).directory(home.toFile());
        pb.environment().put("CONEX_XMX", "1g");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "validate did not finish");
        assertEquals(expectedCode, p.exitValue(), out);
        return out;
    }
}
