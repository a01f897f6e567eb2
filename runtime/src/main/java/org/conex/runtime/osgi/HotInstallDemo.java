package org.conex.runtime.osgi;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.hotswap.HotSwapEvent;
import org.conex.runtime.hotswap.HotSwapEvent.Kind;
import org.conex.runtime.hotswap.LiveModel;
import org.conex.runtime.hotswap.ModelSpec;

/**
 * {@code conex demo}: a network keeps stepping while a plugin jar is dropped into {@code deploy/},
 * used, swapped in, removed and installed again.
 *
 * <pre>
 * conex demo [--model FILE] [--plugin JAR] [--auto] [--seconds N]
 * </pre>
 * Without {@code --auto} it loads the model (default {@code models/hotswap-demo.json}, whose group
 * {@code izh} waits for the model Izhikevich), runs it and prints every hot-swap event until
 * interrupted or N seconds passed: copy a plugin jar into {@code deploy/} from another terminal to
 * watch the waiting group start, delete it to watch the group pause. With {@code --auto} it does
 * that itself with {@code --plugin} (default {@code samples/conex-example-izhikevich.jar}):
 * install, wait for the group to start, swap group {@code lif} to Izhikevich keeping its state,
 * uninstall, check both groups paused and the loop survived, install again, check both resumed
 * with state kept. Exit code 0 when every step happened within 10 s, 1 otherwise, 2 on usage.
 */
final class HotInstallDemo {
    private static final long TIMEOUT_MS = 10_000;
    private final BehaviorRegistry registry;
    private final Path deploy;
    private final Path home;
    private final PrintStream out;
    private final PrintStream err;
    private final BlockingQueue<HotSwapEvent> events = new LinkedBlockingQueue<>();

    HotInstallDemo(BehaviorRegistry registry, Path deploy, Path home, PrintStream out, PrintStream err) {
        this.registry = registry;
        this.deploy = deploy;
        this.home = home;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Path model = home.resolve("models/hotswap-demo.json");
        Path plugin = home.resolve("samples/conex-example-izhikevich.jar");
        boolean auto = false;
        long seconds = Long.MAX_VALUE;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--model" -> model = Path.of(args[++i]);
                    case "--plugin" -> plugin = Path.of(args[++i]);
                    case "--auto" -> auto = true;
                    case "--seconds" -> seconds = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            err.println("demo: " + e.getMessage() + " (usage: conex demo [--model FILE] [--plugin JAR] [--auto]"
                    + " [--seconds N])");
            return 2;
        }
        if (deploy == null) {
            err.println("demo: no deploy folder (felix.fileinstall.dir is not set)");
            return 2;
        }
        try (LiveModel m = LiveModel.load(model, registry, 0)) {
            m.hotSwap().addListener(e -> {
                events.add(e);
                out.println("  event: " + e);
            });
            out.print(m.status());
            m.loop().pacing(200).start();
            return auto ? scripted(m, plugin) : watch(m, seconds);
        } catch (IOException | RuntimeException e) {
            err.println("demo: " + e.getMessage());
            return 1;
        }
    }

    private int watch(LiveModel m, long seconds) throws IOException {
        out.println("running; drop a plugin jar into " + deploy + " (and delete it) to see models come and go;"
                + " Ctrl-C to stop");
        long end = seconds == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + seconds * 1000;
        while (System.currentTimeMillis() < end && m.loop().running()) {
            sleep(1000);
            out.print(m.status());
        }
        return m.loop().failure() == null ? 0 : 1;
    }

    private int scripted(LiveModel m, Path plugin) throws IOException {
        if (!Files.isRegularFile(plugin)) {
            err.println("demo: plugin jar not found: " + plugin);
            return 2;
        }
        Path target = deploy.resolve(plugin.getFileName());
        Files.deleteIfExists(target);
        awaitIteration(m, 100);
        out.println("1. installing " + plugin.getFileName() + " into " + deploy + " at iteration "
                + m.network().iteration());
        long t0 = System.nanoTime();
        long i0 = m.network().iteration();
        install(plugin, target);
        if (!await(Set.of("izh"), Kind.STARTED)) {
            return fail("group izh did not start within " + TIMEOUT_MS + " ms of the install");
        }
        out.printf("   izh started %d ms after the install; the loop ran %d steps meanwhile%n",
                (System.nanoTime() - t0) / 1_000_000, m.network().iteration() - i0);
        out.println("2. swapping group lif to Izhikevich at a step boundary");
        out.println("   " + m.hotSwap().swap("lif", ModelSpec.of("Izhikevich")).describe());
        events.clear();
        awaitIteration(m, m.network().iteration() + 100);
        out.println("3. removing " + target.getFileName() + " from " + deploy);
        t0 = System.nanoTime();
        Files.delete(target);
        if (!await(Set.of("izh", "lif"), Kind.PAUSED)) {
            return fail("groups izh and lif did not pause within " + TIMEOUT_MS + " ms of the removal");
        }
        out.printf("   both groups paused %d ms after the removal%n", (System.nanoTime() - t0) / 1_000_000);
        long before = m.network().iteration();
        sleep(300);
        boolean survived = m.loop().running() && m.network().iteration() > before;
        out.println("   loop survived uninstall: " + survived);
        if (!survived) {
            return fail("the loop stopped: " + m.loop().failure());
        }
        out.println("4. installing the plugin again");
        install(plugin, target);
        if (!await(Set.of("izh", "lif"), Kind.RESUMED)) {
            return fail("groups did not resume within " + TIMEOUT_MS + " ms of the re-install");
        }
        awaitIteration(m, m.network().iteration() + 50);
        out.print(m.status());
        Files.deleteIfExists(target);
        out.println("hot-install demo OK");
        return 0;
    }

    private static void install(Path jar, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private boolean await(Set<String> groups, Kind kind) {
        Set<String> left = new HashSet<>(groups);
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!left.isEmpty()) {
            long wait = deadline - System.currentTimeMillis();
            HotSwapEvent e;
            try {
                e = wait <= 0 ? null : events.poll(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (e == null) {
                return false;
            }
            if (e.kind() == kind) {
                left.remove(e.group());
            }
        }
        return true;
    }

    private void awaitIteration(LiveModel m, long it) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (m.network().iteration() < it && m.loop().running() && System.currentTimeMillis() < deadline) {
            sleep(5);
        }
    }

    private int fail(String why) {
        err.println("demo FAILED: " + why);
        return 1;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
