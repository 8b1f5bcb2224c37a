package io.skystate.core.workflow;

import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.Workflows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules on event names, shared by the validator (awaitEvent steps) and every engine's {@code signal}: 1 to
 * {@value Workflows#MAX_EVENT_NAME_LENGTH} of {@code [A-Za-z0-9_.-]} (valid in a Durable event name, a state store
 * key and a URL path segment), and no name awaited in two branches of one parallel step. Pure; thread-safe.
 */
public final class EventNames {
    /** What an event name must match. */
    public static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_.-]{1," + Workflows.MAX_EVENT_NAME_LENGTH + "}");

    private EventNames() {
    }

    public static boolean isValid(String name) {
        return name != null && SYNTAX.matcher(name).matches();
    }

    /**
     * Problems with the event names a parallel step's branches await: a name awaited in two branches (at any depth)
     * would reach whichever branch happened to wait first, so engines could not agree on the outcome.
     */
    static List<String> sharedAcrossBranches(Step.Parallel parallel) {
        Map<String, Set<Integer>> branchesByName = new TreeMap<>();
        for (int i = 0; i < parallel.branches().size(); i++) {
            for (String name : awaited(parallel.branches().get(i).steps())) {
                branchesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(i);
            }
        }
        List<String> problems = new ArrayList<>();
        branchesByName.forEach((name, branches) -> {
            if (branches.size() > 1) {
                problems.add("step '" + parallel.name() + "': event '" + name + "' is awaited in branches " + branches
                        + ": a signal would reach whichever branch happened to wait first, so the outcome would depend"
                        + " on timing and engines could not agree on it; give each branch its own event name");
            }
        });
        return problems;
    }

    /** The event names awaited by {@code steps}, nested parallel branches included. */
    private static Set<String> awaited(Map<String, Step> steps) {
        Set<String> names = new TreeSet<>();
        for (Step step : steps.values()) {
            if (step instanceof Step.AwaitEvent await) {
                names.add(await.event());
            } else if (step instanceof Step.Parallel nested) {
                nested.branches().forEach(b -> names.addAll(awaited(b.steps())));
            }
        }
        return names;
    }
}
