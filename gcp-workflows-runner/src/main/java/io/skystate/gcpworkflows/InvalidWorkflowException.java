package io.skystate.gcpworkflows;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A workflow source that Skystate's Workflows runner rejects before running it: malformed YAML, a construct outside
 * the supported subset, or a rule of the Workflows syntax broken. Lists every problem found, each with its location.
 */
public final class InvalidWorkflowException extends WorkflowsRunnerException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidWorkflowException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Whether any problem is an unsupported construct (as opposed to an invalid workflow). */
    public boolean hasUnsupportedConstruct() {
        return problems.stream().anyMatch(problem -> problem.kind() == Problem.Kind.UNSUPPORTED);
    }
}
