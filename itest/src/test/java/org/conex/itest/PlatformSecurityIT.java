package org.conex.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.conex.launcher.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;

/**
 * Platform security as shipped: the Gogo shell opens no network port (no remote-shell bundle, no
 * listening socket in shell or plugins mode) and hot install reads only {@code deploy/}.
 */
class PlatformSecurityIT {
    /** Every bundle the distribution installs at boot. A new one must be added here deliberately. */
    static final Set<String> SHIPPED = Set.of("org.conex.api", "org.conex.behaviors", "org.conex.helpers",
            "org.conex.structures", "org.conex.runtime", "com.fasterxml.jackson.core.jackson-annotations",
            "com.fasterxml.jackson.core.jackson-core", "com.fasterxml.jackson.core.jackson-databind",
            "com.fasterxml.jackson.dataformat.jackson-dataformat-yaml", "org.yaml.snakeyaml", "org.jline",
            "org.apache.felix.fileinstall", "org.apache.felix.gogo.command", "org.apache.felix.gogo.jline",
            "org.apache.felix.gogo.runtime", "org.apache.felix.scr", "org.osgi.service.component",
            "org.osgi.util.function", "org.osgi.util.promise");

    @TempDir
    Path home;

    @Test
    void theShippedBundlesAreKnownAndNoneIsARemoteShell() throws Exception {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.list(LauncherHome.DIST.resolve("bundle"))) {
            for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    names.add(j.getManifest().getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim());
                }
            }
        }
        assertEquals(new TreeSet<>(SHIPPED), names);
        for (String n : names) {
            assertFalse(n.matches(".*(shell\\.remote|telnet|ssh|webconsole|http|jmx|rmi|configadmin).*"), n);
        }
    }

    @Test
    void theShippedConfigurationWatchesOnlyDeployAndOpensNoPort() throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(LauncherHome.DIST.resolve("conf/config.properties"))) {
            p.load(in);
        }
        assertEquals("${conex.home}/deploy", p.getProperty("felix.fileinstall.dir"));
        assertEquals(".*\\.jar", p.getProperty("felix.fileinstall.filter"));
        assertEquals("skip", p.getProperty("felix.fileinstall.subdir.mode"));
        for (String k : p.stringPropertyNames()) {
            assertFalse(k.matches("(?i).*(telnet|ssh|shell\\.remote|http|gosh\\.args|\\.port\\b|\\.ip\\b).*"),
                    k + " would open a port");
        }
        Set<String> fileinstall = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("felix.fileinstall.")).forEach(fileinstall::add);
        assertFalse(fileinstall.contains("felix.fileinstall.tmpdir"), "no second folder for FileInstall");
    }

    @Test
    void theLauncherWatchesOnlyDeployAndOpensNoListeningSocket() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        Path example = LauncherHome.create(home);
        Set<String> before = LauncherHome.listeningSockets("self");
        Framework fw = Main.start(home, false);
        try {
            BundleContext ctx = fw.getBundleContext();
            assertTrue(LauncherHome.await(() -> LauncherHome.bundle(ctx, "org.conex.behaviors")
                    .map(b -> b.getRegisteredServices() != null).orElse(false), 10_000), "platform did not start");
            Set<String> opened = LauncherHome.listeningSockets("self");
            opened.removeAll(before);
            assertEquals(Set.of(), opened, "the launcher opened listening sockets");
            Set<String> watchers = new TreeSet<>();
            Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith("fileinstall-")).forEach(watchers::add);
            assertEquals(Set.of("fileinstall-" + home.resolve("deploy")), watchers, "FileInstall watches only deploy/");

            // jars next to deploy/, in a sibling folder, in conf/ and in a subfolder of deploy/ are never installed
            LauncherHome.drop(example, home, "conex-example-izhikevich.jar");
            LauncherHome.drop(example, home.resolve("deploy2"), "conex-example-izhikevich.jar");
            LauncherHome.drop(example, home.resolve("conf"), "conex-example-izhikevich.jar");
            LauncherHome.drop(example, home.resolve("deploy/sub"), "conex-example-izhikevich.jar");
            Files.createDirectories(home.resolve("deploy/exploded.jar/META-INF"));
            assertFalse(LauncherHome.await(() -> LauncherHome.bundle(ctx, LauncherHome.EXAMPLE_BSN).isPresent(), 2_000),
                    "a jar outside deploy/ was installed");
            assertEquals(0, Stream.of(ctx.getBundles()).filter(b -> b.getLocation().contains("exploded")).count());
            // positive control: the same jar in deploy/ is installed
            LauncherHome.drop(example, home.resolve("deploy"), "conex-example-izhikevich.jar");
            assertTrue(LauncherHome.await(() -> LauncherHome.bundle(ctx, LauncherHome.EXAMPLE_BSN).isPresent(), 10_000),
                    "the jar in deploy/ was not installed");
        } finally {
            fw.stop();
            fw.waitForStop(10_000);
        }
    }

    @Test
    void theShellOpensNoListeningSocket() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        ProcessBuilder pb = new ProcessBuilder(LauncherHome.DIST.resolve("bin/conex").toAbsolutePath().toString(), "shell")
                .directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("CONEX_XMX", "1g");
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (java.io.IOException e) {
                // process ended
            }
        });
        reader.start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write("sim:providers\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertTrue(LauncherHome.await(() -> out.toString(StandardCharsets.UTF_8).contains("org.conex.behaviors"),
                    120_000), "the shell did not answer sim:providers:\n" + out.toString(StandardCharsets.UTF_8));
            // bin/conex execs java, so the process is the JVM running the shell
            assertEquals(Set.of(), LauncherHome.listeningSockets(Long.toString(p.pid())),
                    "the shell holds listening sockets");
            stdin.write("stop 0\n".getBytes(StandardCharsets.UTF_8));
        } finally {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            reader.join(10_000);
        }
    }
}
