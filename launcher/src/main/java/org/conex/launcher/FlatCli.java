package org.conex.launcher;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.conex.cli.ConexCli;
import org.conex.runtime.BehaviorRegistry;

/**
 * The batch commands ({@code run}, {@code validate}, {@code plot}, {@code bench}, ...) in embedded
 * mode: no framework, the CoNeX jars of {@code lib/} on the JVM class path plus the plugin jars in
 * {@code deploy/}, providers found with {@code ServiceLoader} (every plugin jar lists them in
 * {@code META-INF/services} besides its Declarative Services component). A batch run does not
 * change its plugins while it runs, so it needs no framework; it starts faster and sees the same
 * behaviors the shell would.
 */
final class FlatCli {
    private FlatCli() {
    }

    /** Runs {@link ConexCli} with a registry of the class path's and {@code deploy/}'s providers. */
    static int run(String[] args, Path home) throws IOException {
        List<URL> urls = new ArrayList<>();
        Path deploy = home.resolve("deploy");
        if (Files.isDirectory(deploy)) {
            try (Stream<Path> s = Files.list(deploy)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(url(p));
                }
            }
        }
        try (URLClassLoader plugins = new URLClassLoader(urls.toArray(new URL[0]), FlatCli.class.getClassLoader())) {
            BehaviorRegistry registry = BehaviorRegistry.fromClassLoader(plugins);
            return ConexCli.run(args, System.out, System.err, registry);
        }
    }

    private static URL url(Path p) throws MalformedURLException {
        return p.toUri().toURL();
    }
}
