package org.conex.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A private copy of the packaged distribution's {@code bundle/}, {@code conf/} and example plugin
 * in a temporary folder, for starting the real launcher ({@code Main.start}) in-process with its
 * shipped configuration; plus small helpers the platform-security tests share.
 */
final class LauncherHome {
    static final Path DIST = DistributionSmokeIT.HOME;
    static final String EXAMPLE_BSN = "org.conex.examples.izhikevich";

    private LauncherHome() {
    }

    /** Creates {@code home} with bundle/, conf/ (as shipped) and an empty deploy/; returns the example plugin. */
    static Path create(Path home) throws IOException {
        for (String dir : new String[] {"bundle", "conf"}) {
            Files.createDirectories(home.resolve(dir));
            try (Stream<Path> s = Files.list(DIST.resolve(dir))) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Files.copy(p, home.resolve(dir).resolve(p.getFileName()));
                }
            }
        }
        Files.createDirectories(home.resolve("deploy"));
        Path example = home.resolve("samples/conex-example-izhikevich.jar");
        Files.createDirectories(example.getParent());
        Files.copy(DIST.resolve("samples/conex-example-izhikevich.jar"), example);
        return example;
    }

    /** Copies {@code jar} into {@code dir} as {@code name} the way the docs say: a .tmp name, then a rename. */
    static Path drop(Path jar, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(name + ".tmp");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Optional<Bundle> bundle(BundleContext ctx, String bsn) {
        for (Bundle b : ctx.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Polls {@code condition} every 50 ms for up to {@code ms}; true when it held. */
    static boolean await(BooleanSupplier condition, long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    /**
     * The inodes of the listening sockets (TCP in state LISTEN, any bound UDP socket) that process
     * {@code pid} holds, from Linux's /proc.
     */
    static Set<String> listeningSockets(String pid) throws IOException {
        Set<String> listening = new HashSet<>();
        for (String table : new String[] {"tcp", "tcp6", "udp", "udp6"}) {
            Path p = Path.of("/proc/net", table);
            if (!Files.isReadable(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && (table.startsWith("udp") || f[3].equals("0A"))) {
                    listening.add(f[9]);
                }
            }
        }
        Set<String> held = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", pid, "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        held.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        }
        held.retainAll(listening);
        return held;
    }

    /** Everything written to System.err (or System.out) while it runs (and still passed through). */
    static final class StdErr implements AutoCloseable {
        private final boolean stdout;
        private final PrintStream original;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        StdErr() {
            this(false);
        }

        StdErr(boolean stdout) {
            this.stdout = stdout;
            original = stdout ? System.out : System.err;
            PrintStream tee = new PrintStream(new OutputStream() {
                @Override
                public synchronized void write(int b) {
                    copy.write(b);
                    original.write(b);
                }

                @Override
                public synchronized void write(byte[] b, int off, int len) {
                    copy.write(b, off, len);
                    original.write(b, off, len);
                }
            }, true, StandardCharsets.UTF_8);
            if (stdout) {
                System.setOut(tee);
            } else {
                System.setErr(tee);
            }
        }

        String text() {
            synchronized (copy) {
                return copy.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() {
            if (stdout) {
                System.setOut(original);
            } else {
                System.setErr(original);
            }
        }
    }
}
