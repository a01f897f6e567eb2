package org.conex.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.conex.runtime.BehaviorRegistry;

/** Placeholder. */
final class ScalingTable {
    ScalingTable(BehaviorRegistry registry) {
    }

    List<Map<String, Object>> run(PrintStream out) {
        return List.of();
    }
}
