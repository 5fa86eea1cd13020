package org.supportdesk.system;

import java.util.List;

/** A request that is well-formed but breaks the rules: 422 with every problem listed. */
public class InvalidRequest extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidRequest(List<Problem> problems) {
        super(problems.size() + " validation problem(s)", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidRequest(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
