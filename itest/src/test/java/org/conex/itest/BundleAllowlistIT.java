package org.conex.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.conex.launcher.Main;
import org.conex.launcher.security.AllowListException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * The bundle allowlist ({@code conf/allowed-bundles.txt}) in the real launcher: {@code Main.start}
 * on a copy of the packaged distribution, FileInstall hot-installing the example plugin from
 * {@code deploy/}, the refusal read from the launcher's log on standard error.
 */
class BundleAllowlistIT {
    private static final String PROVIDER = "org.conex.api.behavior.BehaviorProvider";

    @TempDir
    Path home;
    private Path example;
    private Framework fw;
    private LauncherHome.StdErr err;

    @BeforeEach
    void copyDistribution() throws IOException {
        example = LauncherHome.create(home);
        err = new LauncherHome.StdErr();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (fw != null) {
                fw.stop();
                fw.waitForStop(10_000);
            }
        } finally {
            err.close();
        }
    }

    @Test
    void aListedJarInstallsAndItsServicesAppear() throws Exception {
        Files.writeString(home.resolve("conf/allowed-bundles.txt"), "# trusted\n" + sha256(example)
                + "  conex-example-izhikevich.jar\n");
        BundleContext ctx = start();
        Bundle plugin = installFromDeploy(ctx);
        assertTrue(LauncherHome.await(() -> plugin.getState() == Bundle.ACTIVE && provides(plugin), 10_000),
                "allowed plugin not active with its BehaviorProvider; state " + plugin.getState() + "\n" + err.text());
        assertBuiltInsRun(ctx);
    }

    @Test
    void aJarNotInTheListNeverResolvesAndTheRefusalIsLogged() throws Exception {
        Files.writeString(home.resolve("conf/allowed-bundles.txt"), "0".repeat(64) + "  something-else.jar\n");
        BundleContext ctx = start();
        Bundle plugin = installFromDeploy(ctx);
        Path dropped = home.resolve("deploy/conex-example-izhikevich.jar");
        String line = "refused bundle " + dropped + " (sha256 " + sha256(example) + "): not in conf/allowed-bundles.txt";
        assertTrue(LauncherHome.await(() -> err.text().contains(line), 10_000), "no log line '" + line + "' in:\n"
                + err.text());
        Thread.sleep(1_500); // FileInstall tried to start it meanwhile (poll 250 ms)
        assertEquals(Bundle.INSTALLED, plugin.getState(), "a refused bundle must stay unresolved");
        assertNull(plugin.getRegisteredServices());
        assertEquals(1, count(err.text(), line), "logged once, not at every start attempt");
        assertThrows(BundleException.class, plugin::start);
        assertThrows(ClassNotFoundException.class,
                () -> plugin.loadClass("org.conex.examples.izhikevich.IzhikevichBehaviors"));
        assertTrue(ctx.getServiceReferences(PROVIDER, "(component.name=org.conex.examples.*)") == null,
                "no component of the refused bundle runs");
        assertBuiltInsRun(ctx);
    }

    @Test
    void withoutAListEverythingIsAllowedAsBefore() throws Exception {
        BundleContext ctx = start();
        Bundle plugin = installFromDeploy(ctx);
        assertTrue(LauncherHome.await(() -> plugin.getState() == Bundle.ACTIVE && provides(plugin), 10_000),
                "state " + plugin.getState());
        assertTrue(!err.text().contains("refused bundle"), err.text());
    }

    @Test
    void aJarWithTheSameNameAndVersionCannotSlipInAsAnUpdate() throws Exception {
        // FileInstall updates an installed bundle from a new jar that has its symbolic name and
        // version, keeping the old location: the gate must judge the new bytes, not the old file
        Files.writeString(home.resolve("conf/allowed-bundles.txt"), sha256(example) + "  conex-example-izhikevich.jar\n");
        BundleContext ctx = start();
        Bundle plugin = installFromDeploy(ctx);
        assertTrue(LauncherHome.await(() -> plugin.getState() == Bundle.ACTIVE, 10_000), err.text());
        Path evil = home.resolve("evil.jar");
        Files.write(evil, withExtraEntry(Files.readAllBytes(example)));
        LauncherHome.drop(evil, home.resolve("deploy"), "evil.jar");
        String line = "refused bundle " + home.resolve("deploy/evil.jar") + " (sha256 " + sha256(evil)
                + "): not in conf/allowed-bundles.txt";
        assertTrue(LauncherHome.await(() -> err.text().contains(line), 10_000), "no '" + line + "' in:\n" + err.text());
        assertTrue(LauncherHome.await(() -> plugin.getState() == Bundle.INSTALLED, 10_000),
                "the refused update must not run; state " + plugin.getState());
        assertNull(plugin.getRegisteredServices());
    }

    @Test
    void aMalformedListStopsTheStartNamingFileLineAndWhatWasFound() throws Exception {
        Path list = home.resolve("conf/allowed-bundles.txt");
        Files.writeString(list, "# trusted plugins\nconex-example-izhikevich.jar\n");
        AllowListException e = assertThrows(AllowListException.class, () -> Main.start(home, false));
        assertEquals(list + " line 2: expected a SHA-256 checksum (64 hex digits, as sha256sum JAR prints,"
                + " optionally followed by the file name) or 'signer' and a certificate fingerprint, found"
                + " 'conex-example-izhikevich.jar'", e.getMessage());
    }

    @Test
    void aFrameworkExtensionBundleInDeployNeverRunsWithoutAList() throws Exception {
        frameworkExtensionIsRefused(false);
    }

    @Test
    void aFrameworkExtensionBundleInDeployNeverRunsEvenIfListed() throws Exception {
        frameworkExtensionIsRefused(true);
    }

    /**
     * Felix installs a framework extension bundle inside installBundle, before any resolver hook or
     * bundle listener could refuse it: the launcher disables them, so installing one fails, its
     * activator never runs and its classes never reach the application class loader.
     */
    private void frameworkExtensionIsRefused(boolean listed) throws Exception {
        Path jar = extensionBundle(home.resolve("ext-build"));
        if (listed) {
            Files.writeString(home.resolve("conf/allowed-bundles.txt"), sha256(jar) + "  conex-extension.jar\n");
        }
        BundleContext ctx = start();
        System.clearProperty(EXTENSION_RAN);
        try (LauncherHome.StdErr out = new LauncherHome.StdErr(true)) { // FileInstall logs on standard output
            Path dropped = LauncherHome.drop(jar, home.resolve("deploy"), "conex-extension.jar");
            String line = "Failed to install artifact: " + dropped;
            assertTrue(LauncherHome.await(() -> out.text().contains(line) && out.text().contains(
                    "UnsupportedOperationException: Unable to add extension bundle"), 10_000),
                    "no '" + line + "' in:\n" + out.text());
        }
        Thread.sleep(1_500); // FileInstall polls every 250 ms: give it time to retry
        assertNull(System.getProperty(EXTENSION_RAN), "the extension's activator ran");
        assertThrows(ClassNotFoundException.class, () -> ClassLoader.getSystemClassLoader().loadClass(EXTENSION_CLASS));
        assertTrue(LauncherHome.bundle(ctx, "org.conex.test.extension").isEmpty(), "the extension bundle is installed");
        assertBuiltInsRun(ctx);
    }

    private static final String EXTENSION_RAN = "conex.test.extension.ran";
    private static final String EXTENSION_CLASS = "org.conex.test.extension.Activator";

    /** A framework extension bundle whose activator (and its class initialiser) set {@link #EXTENSION_RAN}. */
    static Path extensionBundle(Path dir) throws Exception {
        Path src = dir.resolve("src/org/conex/test/extension/Activator.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package org.conex.test.extension;\n"
                + "public class Activator implements org.osgi.framework.BundleActivator {\n"
                + "  static { System.setProperty(\"" + EXTENSION_RAN + "\", \"class loaded\"); }\n"
                + "  public void start(org.osgi.framework.BundleContext c) { System.setProperty(\"" + EXTENSION_RAN
                + "\", \"started\"); }\n"
                + "  public void stop(org.osgi.framework.BundleContext c) { }\n}\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String api = Path.of(org.osgi.framework.BundleActivator.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", api, "--release", "17", src.toString());
        assertEquals(0, rc, "compiling the test extension");
        java.util.jar.Manifest mf = new java.util.jar.Manifest();
        java.util.jar.Attributes a = mf.getMainAttributes();
        a.putValue("Manifest-Version", "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.conex.test.extension");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Fragment-Host", "system.bundle; extension:=framework");
        a.putValue("ExtensionBundle-Activator", EXTENSION_CLASS);
        Path jar = dir.resolve("conex-extension.jar");
        try (java.util.jar.JarOutputStream z = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), mf)) {
            z.putNextEntry(new ZipEntry("org/conex/test/extension/Activator.class"));
            z.write(Files.readAllBytes(classes.resolve("org/conex/test/extension/Activator.class")));
            z.closeEntry();
        }
        return jar;
    }

    private BundleContext start() throws Exception {
        fw = Main.start(home, false);
        return fw.getBundleContext();
    }

    private Bundle installFromDeploy(BundleContext ctx) throws Exception {
        LauncherHome.drop(example, home.resolve("deploy"), "conex-example-izhikevich.jar");
        assertTrue(LauncherHome.await(() -> LauncherHome.bundle(ctx, LauncherHome.EXAMPLE_BSN).isPresent(), 10_000),
                "FileInstall did not install the jar from deploy/\n" + err.text());
        return LauncherHome.bundle(ctx, LauncherHome.EXAMPLE_BSN).orElseThrow();
    }

    private static boolean provides(Bundle b) {
        ServiceReference<?>[] refs = b.getRegisteredServices();
        if (refs == null) {
            return false;
        }
        for (ServiceReference<?> r : refs) {
            for (String c : (String[]) r.getProperty("objectClass")) {
                if (c.equals(PROVIDER)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The built-in bundles are allowed without being listed: the behaviors bundle provides its behaviors. */
    private static void assertBuiltInsRun(BundleContext ctx) throws InterruptedException {
        Bundle behaviors = LauncherHome.bundle(ctx, "org.conex.behaviors").orElseThrow();
        assertTrue(LauncherHome.await(() -> behaviors.getState() == Bundle.ACTIVE && provides(behaviors), 10_000),
                "built-in bundle state " + behaviors.getState());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The same jar (same symbolic name and version) with one more file. */
    static byte[] withExtraEntry(byte[] jar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] b = in.readAllBytes();
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(b);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("extra.txt"));
            z.write(42);
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
