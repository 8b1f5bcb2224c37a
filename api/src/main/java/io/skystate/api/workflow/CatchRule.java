package io.skystate.api.workflow;

import io.skystate.api.Arguments;
import java.util.List;

/**
 * After retries are exhausted, sends a step's matching error to step {@code next}, writing
 * {@code {"error": type, "cause": message}} into the data at {@code resultPath}. Compiles to an ASL {@code Catcher},
 * a Workflows {@code except} and a try/catch in a Durable orchestrator.
 */
public record CatchRule(List<String> errors, String resultPath, String next) {
    public CatchRule {
        errors = List.copyOf(errors);
        Arguments.notNull(resultPath, "resultPath");
        Arguments.notNull(next, "next");
    }

    public static CatchRule any(String resultPath, String next) {
        return new CatchRule(List.of(WorkflowErrors.ALL), resultPath, next);
    }

    public boolean matches(String error) {
        return WorkflowErrors.matches(errors, error);
    }
}
