package org.conex.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.model.ModelExtension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code conex plugins [NAME...]}: the installed behavior types (name, version, default priority,
 * target, provider) and model extensions; with names, each type's parameters with kinds, defaults,
 * bounds and units.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List the installed behavior types and which provider offers each;",
            "with NAMEs, show their parameters (kind, default, bounds, unit)."},
        footer = {"", "Exit codes: 0 ok, 2 unknown NAME."})
final class PluginsCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Behavior names to describe in detail.")
    List<String> names = List.of();

    PluginsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        BehaviorRegistry r = ctx.registry();
        if (!names.isEmpty()) {
            int code = ExitCode.OK;
            for (String n : names) {
                if (r.find(n).isEmpty()) {
                    ctx.error("unknown behavior '" + n + "'" + org.conex.runtime.model.Suggestions.hint(n, r.names()));
                    code = ExitCode.INVALID;
                    continue;
                }
                detail(r.find(n).get(), r.registrations(n));
            }
            return code;
        }
        ctx.out().printf("%-28s %-8s %8s  %-16s %s%n", "BEHAVIOR", "VERSION", "PRIORITY", "ATTACHES TO", "PROVIDER");
        for (String n : r.names()) {
            List<BehaviorRegistry.Registration> regs = r.registrations(n);
            BehaviorRegistry.Registration best = regs.get(0);
            BehaviorType t = best.type();
            ctx.out().printf("%-28s %-8s %8s  %-16s %s%s%n", n, t.version(), Behavior.formatPriority(t.defaultPriority()),
                    t.target().name().toLowerCase(java.util.Locale.ROOT), best.source(),
                    regs.size() > 1 ? " (+" + (regs.size() - 1) + " other provider" + (regs.size() > 2 ? "s" : "") + ")"
                            : "");
        }
        ctx.out().println();
        ctx.out().println(r.names().size() + " behavior types. Model extensions (structures, inputs): "
                + (ctx.extensions().isEmpty() ? "none installed" : ""));
        for (ModelExtension x : ctx.extensions()) {
            ctx.out().println("  " + x.section() + ": " + x.describe());
        }
        ctx.out().println("'conex plugins NAME' shows the parameters of a behavior.");
        return ExitCode.OK;
    }

    private void detail(BehaviorType t, List<BehaviorRegistry.Registration> regs) {
        ctx.out().print(org.conex.runtime.BehaviorDescriptions.describe(t, regs));
    }
}
