package io.skystate.core.workflow.doc;

import io.skystate.api.workflow.InvalidWorkflowException;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while reading a document, each prefixed by where it is (e.g. {@code step 'a'}). */
final class Problems {
    static final String PROVIDER = "skystate";
    static final String UNNAMED = "<unnamed>";

    private final List<String> problems = new ArrayList<>();

    void add(String context, String message) {
        problems.add(context + ": " + message);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    InvalidWorkflowException exception(String workflow) {
        return new InvalidWorkflowException(PROVIDER, workflow == null ? UNNAMED : workflow, problems);
    }

    static InvalidWorkflowException single(String problem) {
        return new InvalidWorkflowException(PROVIDER, UNNAMED, List.of(problem));
    }
}
