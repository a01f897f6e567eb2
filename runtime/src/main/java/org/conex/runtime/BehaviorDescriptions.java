package org.conex.runtime;

import java.util.List;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamSpec;

/**
 * What {@code conex plugins NAME} prints about one behavior type: name, version, description,
 * default priority, what it attaches to, its providers and every parameter with its kind, bounds,
 * unit, default and documentation. Shared by the command-line and the OSGi platform commands so
 * that both say the same.
 */
public final class BehaviorDescriptions {
    private BehaviorDescriptions() {
    }

    /** The description of {@code t} offered by {@code providers} (best first), ending with an empty line. */
    public static String describe(BehaviorType t, List<BehaviorRegistry.Registration> providers) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.name()).append(' ').append(t.version()).append(": ").append(t.description()).append('\n');
        sb.append("  default priority ").append(Behavior.formatPriority(t.defaultPriority())).append(", attaches to ")
                .append(t.target().description()).append(t.initializeLast() ? ", initialised last" : "")
                .append(t.tags().isEmpty() ? "" : ", tags " + t.tags()).append('\n');
        for (BehaviorRegistry.Registration reg : providers) {
            sb.append("  provider: ").append(reg.source()).append(" (ranking ").append(reg.ranking()).append(")\n");
        }
        sb.append("  parameters:").append(t.params().isEmpty() ? " none" : "").append('\n');
        for (ParamSpec p : t.params()) {
            sb.append(String.format("    %-16s %s%s%s%s%n", p.name(), p.expectation(),
                    p.unit().isEmpty() ? "" : " [" + p.unit() + "]",
                    p.required() ? ", required" : p.defaultValue() != null ? ", default " + show(p.defaultValue()) : "",
                    p.doc().isEmpty() ? "" : " - " + p.doc()));
        }
        return sb.append('\n').toString();
    }

    private static String show(Object v) {
        if (v instanceof int[]) {
            return java.util.Arrays.toString((int[]) v);
        }
        if (v instanceof double[]) {
            return java.util.Arrays.toString((double[]) v);
        }
        return String.valueOf(v);
    }
}
