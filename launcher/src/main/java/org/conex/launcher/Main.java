package org.conex.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.conex.launcher.security.AllowList;
import org.conex.launcher.security.AllowListException;
import org.conex.launcher.security.BundleGate;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code bin/conex} entry point. Not a bundle: it lives on the JVM class path with Felix, ND4J
 * and SLF4J, and talks to bundles only through JDK types (osgi.md P2).
 *
 * <ol>
 *   <li>initialises ND4J on the main thread, before the framework exists (the context class
 *       loader trap, osgi.md P1), which also extracts the natives into the JavaCPP cache;</li>
 *   <li>starts Felix with {@code conf/config.properties} ({@code ${conex.home}} substituted), the
 *       ND4J/JavaCPP/SLF4J packages exported by the system bundle, and FileInstall watching
 *       {@code deploy/} (and nothing else), and, when {@code conf/allowed-bundles.txt} exists,
 *       a {@link BundleGate} that keeps bundles the list does not allow from resolving;</li>
 *   <li>installs and starts every jar in {@code bundle/} (in batch modes without the Gogo
 *       console, osgi.md P4);</li>
 *   <li>{@code shell}: waits until the framework stops ({@code stop 0} or {@code exit});
 *       {@code plugins}, {@code conformance}, {@code demo}: finds the
 *       {@code ToIntFunction<String[]>} service whose {@code conex.command} property names the
 *       command (the runtime bundle's), runs it with the full argument list and exits with its
 *       result.</li>
 * </ol>
 * Every other command ({@code run}, {@code validate}, {@code plot}, {@code bench}, ...) goes to the
 * CLI without a framework ({@link FlatCli}).
 */
public final class Main {
    static final Set<String> PLATFORM_COMMANDS = Set.of("plugins", "conformance", "demo");
    private static final Logger ALLOWLIST_LOG = LoggerFactory.getLogger("org.conex.launcher.allowlist");
    private static final long SERVICE_WAIT_MS = 30_000;
    /**
     * Felix 7.0.5 installs a framework extension bundle ({@code Fragment-Host: system.bundle;
     * extension:=framework}) inside {@code installBundle} itself: it adds the jar to the application
     * class loader and runs its {@code ExtensionBundle-Activator} without asking resolver hooks and
     * before any bundle listener hears of it, so no {@link BundleGate} could stop it. The launcher
     * ships none, so it refuses them all. Felix reads this switch only as a <em>system</em> property
     * (not from the framework configuration), once, in the static initialiser of its
     * {@code ExtensionManager}: it is set here, before any Felix class loads, and bin/conex passes
     * it too. An application that embeds the launcher after creating a Felix of its own must pass
     * {@code -Dfelix.extensions.disable=true} itself (BundleAllowlistIT checks the shipped launcher).
     */
    static final String EXTENSIONS_DISABLE = "felix.extensions.disable";

    static {
        System.setProperty(EXTENSIONS_DISABLE, "true");
    }

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (AllowListException e) {
            System.err.println("conex: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("conex: " + e);
            code = 1;
        }
        System.exit(code);
    }

    static int run(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length == 0 || args[0].equals("help") || args[0].equals("-h") || args[0].equals("--help")) {
            out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        Path home = Path.of(System.getProperty("conex.home", ".")).toAbsolutePath().normalize();
        String mode = args[0];
        boolean shell = mode.equals("shell");
        Nd4j.scalar(0f);
        if (!shell && !PLATFORM_COMMANDS.contains(mode)) {
            return FlatCli.run(args, home);
        }
        Framework fw = start(home, shell);
        try {
            if (shell) {
                fw.waitForStop(0);
                return 0;
            }
            ToIntFunction<String[]> entry = entry(fw.getBundleContext(), mode);
            if (entry == null) {
                System.err.println("conex: no installed bundle provides the '" + mode + "' command (is conex-runtime in "
                        + home.resolve("bundle") + "?)");
                return 3;
            }
            return entry.applyAsInt(args);
        } finally {
            fw.stop();
            fw.waitForStop(10_000);
        }
    }

    static String usage() {
        return String.join("\n",
                "usage: conex COMMAND [ARGS]",
                "  run [MODEL] [--steps N] [--seed S] [--out DIR]   run a model (default: the built-in MNIST example)",
                "  validate | plot | bench ...                      more model commands (conex run --help)",
                "  plugins                                          installed behaviors with bundle, version, ranking",
                "  conformance [--seed S] DIR_OR_CASE...            run conformance cases on the installed behaviors",
                "  demo [--auto] [--plugin JAR] [--model FILE]      hot-install demo (drop jars into deploy/)",
                "  shell                                            Gogo shell with sim:* commands (sim:help via 'help sim')",
                "  cds                                              (re)make the class-data archive that shortens starts",
                "Environment: OMP_NUM_THREADS (default 1), CONEX_XMX (default 4g), CONEX_OPTS (extra JVM options),",
                "  CONEX_CDS (class-data archive, default cache/cds/conex.jsa; none: start without one).");
    }

    /**
     * Starts the framework with the distribution's configuration and bundles: {@code HOME/conf/},
     * every jar of {@code HOME/bundle/} (the Gogo console only when {@code shell}), FileInstall
     * watching {@code HOME/deploy/}, and the bundle allowlist when {@code HOME/conf/allowed-bundles.txt}
     * exists (read before anything starts; a malformed list throws {@link AllowListException}).
     */
    public static Framework start(Path home, boolean shell) throws IOException, BundleException {
        Optional<AllowList> allowList = AllowList.load(home.resolve(AllowList.FILE), AllowList.FILE);
        System.setProperty(EXTENSIONS_DISABLE, "true");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Map<String, String> config = config(home);
        config.put(EXTENSIONS_DISABLE, "true"); // not read from here by Felix 7.0.5; for the record
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SystemPackages.scan(System.getProperty("java.class.path"),
                List.of("nd4j-", "javacpp-", "slf4j-api-"), List.of("org.nd4j", "org.bytedeco.javacpp", "org.slf4j")));
        Framework fw = factory.newFramework(config);
        fw.init();
        Path deploy = home.resolve("deploy");
        Files.createDirectories(deploy);
        BundleContext ctx = fw.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        List<Path> jars;
        try (Stream<Path> s = Files.list(home.resolve("bundle"))) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (Path jar : jars) {
            installed.add(ctx.installBundle(jar.toUri().toString()));
        }
        if (allowList.isPresent()) {
            BundleGate gate = new BundleGate(allowList.get(), deploy, ALLOWLIST_LOG::warn, ALLOWLIST_LOG::info);
            for (int i = 0; i < jars.size(); i++) {
                gate.builtIn(installed.get(i), jars.get(i));
            }
            gate.register(ctx);
        }
        fw.start();
        Bundle console = null;
        for (Bundle b : installed) {
            if ("org.apache.felix.gogo.jline".equals(b.getSymbolicName())) {
                console = b;
            } else if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                startBundle(b);
            }
        }
        if (shell && console != null) {
            // The console reads input as soon as it starts: wait for the sim:* commands (a DS
            // component of the runtime) so that a first line like "sim:load" is never "not found".
            awaitService(ctx, "(osgi.command.scope=sim)");
            startBundle(console);
        }
        return fw;
    }

    private static void startBundle(Bundle b) {
        try {
            b.start();
        } catch (BundleException e) {
            System.err.println("conex: warning: bundle " + b.getSymbolicName() + " did not start: " + e.getMessage());
        }
    }

    /** Waits up to {@link #SERVICE_WAIT_MS} for a service matching {@code filter}; false if none came. */
    static boolean awaitService(BundleContext ctx, String filter) {
        try {
            ServiceTracker<Object, Object> t = new ServiceTracker<>(ctx, FrameworkUtil.createFilter(filter), null);
            t.open();
            try {
                return t.waitForService(SERVICE_WAIT_MS) != null;
            } finally {
                t.close();
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** conf/config.properties with {@code ${conex.home}} replaced; system properties override. */
    static Map<String, String> config(Path home) throws IOException {
        Properties p = new Properties();
        Path file = home.resolve("conf/config.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        Map<String, String> m = new HashMap<>();
        String h = home.toString().replace(File.separatorChar, '/');
        for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k).replace("${conex.home}", h));
        }
        m.put("conex.home", h);
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith("felix.") || k.startsWith("org.osgi.") || k.startsWith("gosh.")) {
                m.put(k, System.getProperty(k));
            }
        }
        return m;
    }

    /** Waits for the entry service of {@code command}; null if none appears in time. */
    @SuppressWarnings("unchecked")
    static ToIntFunction<String[]> entry(BundleContext ctx, String command) throws InterruptedException,
            InvalidSyntaxException {
        Filter f = FrameworkUtil.createFilter("(&(" + Constants.OBJECTCLASS + "=" + ToIntFunction.class.getName()
                + ")(conex.command=" + command + "))");
        ServiceTracker<Object, Object> t = new ServiceTracker<>(ctx, f, null);
        t.open();
        try {
            return (ToIntFunction<String[]>) t.waitForService(SERVICE_WAIT_MS);
        } finally {
            t.close();
        }
    }
}
