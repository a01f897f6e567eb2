package org.conex.structures.io;

import java.util.List;
import org.conex.api.ConexException;

/**
 * A structure document is malformed, refers to something that does not exist, or asks for
 * something the loader refuses (class names, cycles, unknown types). The message starts with the
 * location in the document and says what was expected and found. The check that runs over a
 * whole document before anything is built reports every problem it finds at once
 * ({@link #problems()}); the message then lists them, one per line.
 */
public class DocumentException extends ConexException {
    /**
     * Most problems one document reports: a hostile or badly broken document (a million members,
     * each wrong) stops being checked there, with a last line saying so.
     */
    public static final int MAX_PROBLEMS = 100;
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public DocumentException(String message) {
        super(message);
        problems = List.of(message);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
        problems = List.of(message);
    }

    /**
     * Several problems of one document, each a message that starts with its location.
     *
     * @throws IllegalArgumentException if the list is empty
     */
    public DocumentException(List<String> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    private static String summary(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems to report");
        }
        return problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems);
    }

    /**
     * {@code problems} plus a last line saying that checking stopped, for a list that reached
     * {@link #MAX_PROBLEMS}.
     */
    static DocumentException stoppedAfter(List<String> problems) {
        List<String> all = new java.util.ArrayList<>(problems);
        all.add(stopped(problems.size()));
        return new DocumentException(all);
    }

    /** The last line of a list of problems that reached {@link #MAX_PROBLEMS}. */
    static String stopped(int count) {
        return "document: stopped after " + count + " problems; correct these and check again";
    }

    /** Every problem, each a message that starts with its location in the document (at least one). */
    public List<String> problems() {
        return problems;
    }
}
