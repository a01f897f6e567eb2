package org.conex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of this process from Linux's {@code /proc/self/status}: {@code VmHWM} (the peak
 * resident set) and {@code VmRSS}. {@link #resetPeak()} writes "5" to {@code /proc/self/clear_refs},
 * which restarts the peak from the current resident size, so each workload reports its own peak.
 * On systems without /proc the values are -1.
 */
final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {
    }

    /** Peak resident set in bytes, or -1 if unknown. */
    static long peakResidentBytes() {
        return field("VmHWM:");
    }

    /** Current resident set in bytes, or -1 if unknown. */
    static long residentBytes() {
        return field("VmRSS:");
    }

    /** Restarts the peak at the current resident size; false if the kernel does not allow it. */
    static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
