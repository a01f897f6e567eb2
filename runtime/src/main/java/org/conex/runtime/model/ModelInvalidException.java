package org.conex.runtime.model;

import java.util.List;
import org.conex.api.ConexException;

/**
 * A model file cannot be used. Carries every problem found in one pass, so a file with five
 * mistakes gets five messages at once; the message lists them one per line.
 */
public class ModelInvalidException extends ConexException {
    private static final long serialVersionUID = 1L;
    private final transient List<ModelProblem> problems;

    /**
     * @param source   the file (or "model") the problems belong to, for the first line
     * @param problems at least one problem
     */
    public ModelInvalidException(String source, List<ModelProblem> problems) {
        super(format(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ModelInvalidException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<ModelProblem> problems() {
        return problems;
    }

    private static String format(String source, List<ModelProblem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(source).append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        for (ModelProblem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p);
        }
        return sb.toString();
    }
}
