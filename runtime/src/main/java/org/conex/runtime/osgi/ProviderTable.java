package org.conex.runtime.osgi;

import java.util.List;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.BehaviorRegistry.Registration;

/**
 * The installed behaviors as a table: one line per registration with name, behavior version,
 * default priority, what it attaches to, ranking and provider (bundle and version); when several
 * providers offer one name the chosen one is marked {@code *} and the others {@code -} (ranking,
 * then the earliest registered wins).
 */
public final class ProviderTable {
    private ProviderTable() {
    }

    /** The table, header first; ends with a line counting names and providers. */
    public static String format(BehaviorRegistry registry) {
        StringBuilder sb = new StringBuilder(String.format("  %-28s %-9s %8s  %-14s %7s  %s%n", "BEHAVIOR", "VERSION",
                "PRIORITY", "ATTACHES TO", "RANKING", "PROVIDER (bundle version)"));
        int rows = 0;
        List<String> names = registry.names();
        for (String name : names) {
            List<Registration> regs = registry.registrations(name);
            for (int i = 0; i < regs.size(); i++) {
                Registration r = regs.get(i);
                String mark = regs.size() == 1 ? " " : i == 0 ? "*" : "-";
                sb.append(String.format("%s %-28s %-9s %8s  %-14s %7d  %s%n", mark, name, r.type().version(),
                        org.conex.api.behavior.Behavior.formatPriority(r.type().defaultPriority()),
                        r.type().target().name().toLowerCase(java.util.Locale.ROOT), r.ranking(), r.source()));
                rows++;
            }
        }
        sb.append(names.size()).append(" behaviors, ").append(rows).append(" registrations")
                .append(rows > names.size() ? " (* = chosen among several providers)" : "").append('\n');
        return sb.toString();
    }
}
