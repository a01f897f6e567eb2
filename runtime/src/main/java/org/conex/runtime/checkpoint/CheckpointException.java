package org.conex.runtime.checkpoint;

import java.util.List;
import org.conex.api.ConexException;

/**
 * A checkpoint cannot be used: unreadable or corrupt file, or incompatible with the model and the
 * installed plugins. {@link #differences()} lists what differs (one line each), empty for a
 * corrupt file.
 */
public class CheckpointException extends ConexException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> differences;

    public CheckpointException(String message) {
        super(message);
        this.differences = List.of();
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
        this.differences = List.of();
    }

    /** An incompatible checkpoint: {@code message} then one line per difference. */
    public CheckpointException(String message, List<String> differences) {
        super(message + format(differences));
        this.differences = List.copyOf(differences);
    }

    /** What differs between the checkpoint and the model or installation (empty if corrupt). */
    public List<String> differences() {
        return differences;
    }

    /** True if the checkpoint is readable but belongs to another model or plugin version. */
    public boolean isIncompatible() {
        return !differences.isEmpty();
    }

    private static String format(List<String> d) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (String s : d) {
            if (shown++ == 20) {
                sb.append(System.lineSeparator()).append("  ... and ").append(d.size() - 20).append(" more");
                break;
            }
            sb.append(System.lineSeparator()).append("  ").append(s);
        }
        return sb.toString();
    }
}
