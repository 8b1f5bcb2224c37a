package io.skystate.api.workflow;

import io.skystate.api.SkystateException;
import java.util.List;

/** A workflow definition failed validation; {@link #problems()} lists every problem found, each naming its step. */
public class InvalidWorkflowException extends SkystateException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidWorkflowException(String provider, String workflow, List<String> problems) {
        super("INVALID_WORKFLOW", false, provider,
                "workflow '" + workflow + "' is invalid:\n  - " + String.join("\n  - ", problems), null);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
