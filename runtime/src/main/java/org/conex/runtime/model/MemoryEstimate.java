package org.conex.runtime.model;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A rough upper estimate of the memory a model's network will allocate, computed from the sizes in
 * the file before anything is allocated, so that a model that cannot fit is refused with the
 * estimate shown instead of failing (or thrashing) minutes later.
 *
 * <p>The estimate counts, in the network's dtype (4 bytes for float32, 8 for float64):
 * <ul>
 *   <li>a neuron group: {@value #VALUES_PER_NEURON} values per neuron (voltages, currents, traces,
 *       thresholds, spike flags and the per-neuron copies of parameters);</li>
 *   <li>a synapse group: {@value #DENSE_COPIES} dense {@code src x dst} matrices (the weights and one
 *       working matrix of the same size, such as a mask or a trace);</li>
 *   <li>entries handled by extensions (structures, inputs): what they report.</li>
 * </ul>
 */
public final class MemoryEstimate {
    /** Values held per neuron in the estimate. */
    public static final int VALUES_PER_NEURON = 32;
    /** Dense matrices per synapse group in the estimate. */
    public static final int DENSE_COPIES = 2;

    /**
     * Memory the network may use.
     *
     * @param bytes  the limit in bytes
     * @param source where the limit comes from, for messages
     */
    public record Budget(long bytes, String source) {
        /** The smaller of the ND4J off-heap limit and the machine's physical memory. */
        public static Budget ofThisJvm() {
            String prop = System.getProperty("org.bytedeco.javacpp.maxbytes");
            long offHeap = prop == null ? Runtime.getRuntime().maxMemory() : parseBytes(prop,
                    Runtime.getRuntime().maxMemory());
            String src = prop == null ? "the ND4J off-heap limit (defaults to -Xmx)"
                    : "the ND4J off-heap limit -Dorg.bytedeco.javacpp.maxbytes=" + prop;
            long physical = physicalMemory();
            if (physical > 0 && physical < offHeap) {
                return new Budget(physical, "the machine's physical memory");
            }
            return new Budget(offHeap, src);
        }

        /** An explicit limit (tests, --max-memory). */
        public static Budget of(long bytes) {
            return new Budget(bytes, "the configured limit");
        }
    }

    /** One contribution to the estimate. */
    record Item(String path, String what, long bytes) {
    }

    private final List<Item> items;

    private MemoryEstimate(List<Item> items) {
        this.items = List.copyOf(items);
    }

    /** Estimates {@code spec}. */
    static MemoryEstimate of(ModelSpec spec, ModelContext ctx, List<ModelExtension> extensions) {
        int width = spec.network().dtype() == org.conex.api.tensor.DType.FLOAT64 ? 8 : 4;
        List<Item> items = new ArrayList<>();
        for (GroupSpec g : spec.groups()) {
            items.add(new Item(g.path(), "group '" + g.tag() + "': " + g.size() + " neurons x " + VALUES_PER_NEURON
                    + " values x " + width + " bytes", (long) g.size() * VALUES_PER_NEURON * width));
        }
        for (SectionEntry e : spec.structures()) {
            add(items, e, ctx, extensions);
        }
        for (SynapseSpec s : spec.synapses()) {
            long src = ctx.groups().get(s.src());
            long dst = ctx.groups().get(s.dst());
            double cells = (double) src * dst;
            double bytes = cells * width * DENSE_COPIES;
            items.add(new Item(s.path(), "synapse group '" + s.tag() + "': " + src + " x " + dst + " weights x "
                    + width + " bytes x " + DENSE_COPIES + " matrices", bytes >= Long.MAX_VALUE ? Long.MAX_VALUE
                    : (long) bytes));
        }
        for (SectionEntry e : spec.inputs()) {
            add(items, e, ctx, extensions);
        }
        return new MemoryEstimate(items);
    }

    private static void add(List<Item> items, SectionEntry e, ModelContext ctx, List<ModelExtension> extensions) {
        for (ModelExtension x : extensions) {
            if (x.section().equals(e.section()) && x.accepts(e)) {
                long b = x.estimateBytes(e, ctx);
                if (b > 0) {
                    items.add(new Item(e.path(), e.section() + " entry", b));
                }
                return;
            }
        }
    }

    /** Total estimated bytes (saturating). */
    public long total() {
        long t = 0;
        for (Item i : items) {
            t = t + i.bytes() < t ? Long.MAX_VALUE : t + i.bytes();
        }
        return t;
    }

    /** Adds a problem when the estimate exceeds {@code budget}, naming the biggest parts. */
    void check(Budget budget, Fields f) {
        long total = total();
        if (total <= budget.bytes()) {
            return;
        }
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(Item::bytes).reversed());
        Item top = sorted.get(0);
        StringBuilder sb = new StringBuilder();
        sb.append("the network would need about ").append(human(total)).append(" but ").append(human(budget.bytes()))
                .append(" is available (").append(budget.source()).append("); largest part: ").append(top.what())
                .append(" = ").append(human(top.bytes()))
                .append("; nothing was allocated. Reduce the sizes or raise the limit");
        f.problem(top.path(), sb.toString());
    }

    /** Bytes as "1.5 GiB", "12.0 MiB", "512 bytes". */
    public static String human(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static long parseBytes(String s, long fallback) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("t")) {
            mult = 1L << 40;
        } else if (t.endsWith("g")) {
            mult = 1L << 30;
        } else if (t.endsWith("m")) {
            mult = 1L << 20;
        } else if (t.endsWith("k")) {
            mult = 1L << 10;
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t) * mult;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long physicalMemory() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        }
        return -1;
    }
}
