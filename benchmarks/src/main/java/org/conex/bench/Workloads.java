package org.conex.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The named workloads of the benchmark command, in the order {@code all} runs them. */
final class Workloads {
    private static final Map<String, Supplier<Workload>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("simple-lif", () -> new SimpleLifWorkload(7500, 100));
        BY_NAME.put("izhikevich", () -> new IzhikevichWorkload(2500, 300));
        BY_NAME.put("conex-1k", () -> new CortexWorkload("conex-1k", 1000, 1000));
        BY_NAME.put("conex-4k", () -> new CortexWorkload("conex-4k", 4000, 1000));
        BY_NAME.put("conex-10k", () -> new CortexWorkload("conex-10k", 10000, 1000));
    }

    private Workloads() {
    }

    /** Every workload name. */
    static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The workloads for command-line names: a workload name, {@code conex} (the three cortical
     * sizes) or {@code all}; none means all.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    static List<Workload> select(List<String> names) {
        List<String> wanted = new ArrayList<>();
        for (String n : names.isEmpty() ? List.of("all") : names) {
            if (n.equals("all")) {
                wanted.addAll(BY_NAME.keySet());
            } else if (n.equals("conex")) {
                wanted.addAll(List.of("conex-1k", "conex-4k", "conex-10k"));
            } else if (BY_NAME.containsKey(n)) {
                wanted.add(n);
            } else {
                throw new IllegalArgumentException("unknown workload '" + n + "'; known: " + String.join(", ", names())
                        + ", conex, all, scaling");
            }
        }
        List<Workload> out = new ArrayList<>();
        for (String n : wanted.stream().distinct().toList()) {
            out.add(BY_NAME.get(n).get());
        }
        return out;
    }
}
