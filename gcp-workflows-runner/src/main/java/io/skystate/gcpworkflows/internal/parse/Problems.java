package io.skystate.gcpworkflows.internal.parse;

import io.skystate.gcpworkflows.InvalidWorkflowException;
import io.skystate.gcpworkflows.Problem;
import io.skystate.gcpworkflows.internal.model.Location;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while parsing and validating one source. Not thread-safe. */
final class Problems {
    private final List<Problem> problems = new ArrayList<>();

    void unsupported(Location location, String construct) {
        problems.add(new Problem(Problem.Kind.UNSUPPORTED, location.path(), location.line(), location.column(),
                construct));
    }

    void invalid(Location location, String message) {
        problems.add(new Problem(Problem.Kind.INVALID, location.path(), location.line(), location.column(),
                message));
    }

    List<Problem> list() {
        return List.copyOf(problems);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
    }
}
