package org.conex.runtime.osgi;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.ToIntFunction;
import org.conex.runtime.BehaviorDescriptions;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.conformance.ConformanceMain;
import org.conex.runtime.model.Suggestions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The launcher's entry for the platform's own commands. The launcher is not a bundle and cannot
 * see any CoNeX class (osgi.md P2), so it finds this service by the JDK type
 * {@code ToIntFunction<String[]>} and the property {@code conex.command}, and calls it with the
 * command line ({@code args[0]} is the command). Commands:
 *
 * <ul>
 *   <li>{@code plugins [NAME...]}: the installed behaviors with bundle, version and ranking; with
 *       names, each one's parameters;</li>
 *   <li>{@code conformance [--seed S] DIR_OR_CASE...}: the conformance runner on the behaviors the
 *       bundles provide;</li>
 *   <li>{@code demo [...]}: the hot-install demo ({@link HotInstallDemo}).</li>
 * </ul>
 * Exit codes are the commands' own (0 = success).
 */
@Component(service = ToIntFunction.class, property = {"conex.command=plugins", "conex.command=conformance",
    "conex.command=demo"})
public final class PlatformCommands implements ToIntFunction<String[]> {
    @Reference
    private BehaviorRegistry registry;

    private Path deploy;
    private Path home;

    @Activate
    void activate(BundleContext context) {
        String d = context.getProperty("felix.fileinstall.dir");
        deploy = d == null ? null : Path.of(d);
        String h = context.getProperty("conex.home");
        home = h == null ? Path.of("").toAbsolutePath() : Path.of(h);
    }

    @Override
    public int applyAsInt(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "plugins":
                return plugins(rest, out, err);
            case "conformance":
                return ConformanceMain.run(rest, out, err, registry);
            case "demo":
                return new HotInstallDemo(registry, deploy, home, out, err).run(rest);
            default:
                err.println("conex: unknown platform command " + Arrays.toString(args));
                return 2;
        }
    }

    /**
     * {@code plugins}: the table of installed behaviors; {@code plugins NAME...}: each one's
     * description and parameters ({@link BehaviorDescriptions}), exit 2 if a name is unknown.
     */
    private int plugins(String[] names, PrintStream out, PrintStream err) {
        if (names.length == 0) {
            out.print(ProviderTable.format(registry));
            out.println("'conex plugins NAME' shows the parameters of a behavior.");
            return 0;
        }
        if (names[0].equals("-h") || names[0].equals("--help")) {
            out.println("Usage: conex plugins [NAME...]");
            out.println("List the installed behavior types and the bundles that provide them;");
            out.println("with NAMEs, show their parameters (kind, default, bounds, unit).");
            out.println("Exit codes: 0 ok, 2 unknown NAME.");
            return 0;
        }
        int code = 0;
        for (String n : names) {
            var type = registry.find(n);
            if (type.isEmpty()) {
                err.println("conex: unknown behavior '" + n + "'" + Suggestions.hint(n, registry.names()));
                code = 2;
                continue;
            }
            out.print(BehaviorDescriptions.describe(type.get(), registry.registrations(n)));
        }
        return code;
    }
}
