package io.skystate.core.workflow;

import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.Step;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The steps of one scope reachable from its start through next, catch and choice transitions. */
final class Reachability {
    private Reachability() {
    }

    static Set<String> from(String startAt, Map<String, Step> steps) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(startAt));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Step step = steps.get(name);
            if (step == null || !seen.add(name)) {
                continue;
            }
            todo.addAll(successors(step));
        }
        return seen;
    }

    static List<String> successors(Step step) {
        if (step instanceof Step.Task t) {
            return with(t.next(), t.catches());
        }
        if (step instanceof Step.AwaitCallback c) {
            return with(c.next(), c.catches());
        }
        if (step instanceof Step.AwaitEvent e) {
            return with(e.next(), e.catches());
        }
        if (step instanceof Step.Parallel p) {
            return with(p.next(), p.catches());
        }
        if (step instanceof Step.Wait w) {
            return w.next().stream().toList();
        }
        if (step instanceof Step.Choice c) {
            List<String> targets = new java.util.ArrayList<>(c.rules().stream().map(Step.ChoiceRule::next).toList());
            c.otherwise().ifPresent(targets::add);
            return targets;
        }
        return List.of();
    }

    private static List<String> with(Optional<String> next, List<CatchRule> catches) {
        List<String> targets = new java.util.ArrayList<>(catches.stream().map(CatchRule::next).toList());
        next.ifPresent(targets::add);
        return targets;
    }
}
