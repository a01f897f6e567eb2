package org.conex.launcher;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.conex.cli.ConexCli;
import org.conex.launcher.security.AllowList;
import org.conex.launcher.security.Verdict;
import org.conex.runtime.BehaviorRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch commands ({@code run}, {@code validate}, {@code plot}, {@code bench}, ...) in embedded
 * mode: no framework, the CoNeX jars of {@code lib/} on the JVM class path plus the plugin jars in
 * {@code deploy/}, providers found with {@code ServiceLoader} (every plugin jar lists them in
 * {@code META-INF/services} besides its Declarative Services component). A batch run does not
 * change its plugins while it runs, so it needs no framework; it starts faster and sees the same
 * behaviors the shell would.
 *
 * <p>With {@code conf/allowed-bundles.txt} present, a deploy jar the list does not allow is left
 * off the class path (and logged, as in the framework modes); the allowed ones are loaded from a
 * private copy of exactly the bytes that were checked, so replacing a jar after the check changes
 * nothing.
 */
final class FlatCli {
    private static final Logger ALLOWLIST_LOG = LoggerFactory.getLogger("org.conex.launcher.allowlist");

    private FlatCli() {
    }

    /** Runs {@link ConexCli} with a registry of the class path's and {@code deploy/}'s providers. */
    static int run(String[] args, Path home) throws IOException {
        Optional<AllowList> allowList = AllowList.load(home.resolve(AllowList.FILE), AllowList.FILE);
        List<Path> jars = deployJars(home.resolve("deploy"));
        Path checked = allowList.isPresent() ? Files.createTempDirectory("conex-plugins") : null;
        try {
            List<URL> urls = classPath(jars, allowList, checked);
            try (URLClassLoader plugins = new URLClassLoader(urls.toArray(new URL[0]),
                    FlatCli.class.getClassLoader())) {
                BehaviorRegistry registry = BehaviorRegistry.fromClassLoader(plugins);
                return ConexCli.run(args, System.out, System.err, registry);
            }
        } finally {
            if (checked != null) {
                deleteTree(checked);
            }
        }
    }

    /**
     * The jars of {@code deploy}, sorted: regular files named {@code *.jar} only, as FileInstall
     * sees them ({@code subdir.mode=skip}); a folder named {@code x.jar} is not a plugin (on a class
     * path it would be read as exploded classes).
     */
    static List<Path> deployJars(Path deploy) throws IOException {
        if (!Files.isDirectory(deploy)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(deploy)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted()
                    .toList();
        }
    }

    /**
     * The class path entries for {@code jars}: all of them without a list; with one, private copies
     * in {@code checked} of the allowed ones (exactly the bytes checked). A jar that cannot be read
     * is logged and skipped, so one bad file does not stop the command.
     */
    static List<URL> classPath(List<Path> jars, Optional<AllowList> allowList, Path checked) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path p : jars) {
            if (allowList.isEmpty()) {
                urls.add(url(p));
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                ALLOWLIST_LOG.warn("skipped " + p + ": cannot read it (" + e + ")");
                continue;
            }
            Verdict v = allowList.get().check(p.toString(), bytes);
            if (v.allowed()) {
                ALLOWLIST_LOG.info(v.message());
                urls.add(url(Files.write(checked.resolve(p.getFileName()), bytes)));
            } else {
                ALLOWLIST_LOG.warn(v.message());
            }
        }
        return urls;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static URL url(Path p) throws MalformedURLException {
        return p.toUri().toURL();
    }
}
