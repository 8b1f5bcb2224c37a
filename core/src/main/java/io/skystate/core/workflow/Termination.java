package io.skystate.core.workflow;

import io.skystate.api.workflow.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds definitions that can never end: a reachable step from which no step that ends the scope can be reached
 * ({@code a -> b -> a}), and loops made only of choice and wait steps, which never change the data and so, once
 * entered, never leave (a choice decides the same way each time). An awaitEvent step counts as a wait: it calls no
 * handler, so such a loop would escape the step-attempt budget that bounds every run. Pure; one scope at a time.
 * (A loop through a succeed or fail step cannot exist: they end the scope.)
 */
final class Termination {
    private Termination() {
    }

    static List<String> problems(String where, Map<String, Step> steps, Set<String> reachable) {
        List<String> problems = new ArrayList<>();
        Set<String> canEnd = canEnd(steps);
        Set<String> stuck = new TreeSet<>();
        reachable.stream().filter(name -> steps.containsKey(name) && !canEnd.contains(name)).forEach(stuck::add);
        if (!stuck.isEmpty()) {
            problems.add(where + "steps " + stuck + " can never reach the end of the workflow: every path from them"
                    + " loops back (add a step that ends it, such as a choice with an otherwise that leaves the loop)");
        }
        Set<String> reported = new HashSet<>();
        for (String name : new TreeSet<>(steps.keySet())) {
            if (!reported.contains(name) && controlOnly(steps.get(name))) {
                Set<String> loop = controlLoopThrough(name, steps);
                if (!loop.isEmpty()) {
                    reported.addAll(loop);
                    problems.add(where + "steps " + new TreeSet<>(loop) + " form a loop that runs no task or callback"
                            + " step: the data never changes, so once entered it never ends");
                }
            }
        }
        return problems;
    }

    /** Steps from which a step ending the scope can be reached (through next, choice and catch transitions). */
    private static Set<String> canEnd(Map<String, Step> steps) {
        Set<String> canEnd = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Step> entry : steps.entrySet()) {
                if (canEnd.contains(entry.getKey())) {
                    continue;
                }
                List<String> next = Reachability.successors(entry.getValue());
                boolean ends = endsScope(entry.getValue()) || next.stream().anyMatch(canEnd::contains);
                if (ends) {
                    canEnd.add(entry.getKey());
                    changed = true;
                }
            }
        }
        return canEnd;
    }

    /** Steps that can end their scope themselves: no next, or a choice without otherwise (which may fail). */
    private static boolean endsScope(Step step) {
        if (step instanceof Step.Choice choice) {
            return choice.otherwise().isEmpty();
        }
        if (step instanceof Step.Task t) {
            return t.next().isEmpty();
        }
        if (step instanceof Step.AwaitCallback a) {
            return a.next().isEmpty();
        }
        if (step instanceof Step.AwaitEvent e) {
            return e.next().isEmpty();
        }
        if (step instanceof Step.Parallel p) {
            return p.next().isEmpty();
        }
        if (step instanceof Step.Wait w) {
            return w.next().isEmpty();
        }
        return true; // succeed, fail
    }

    /** Steps that call no handler: choices, waits, awaitEvent steps, and parallel steps whose branches call none. */
    private static boolean controlOnly(Step step) {
        if (step instanceof Step.Parallel parallel) {
            return parallel.branches().stream().flatMap(b -> b.steps().values().stream()).allMatch(Termination::controlOnly);
        }
        return !(step instanceof Step.Task || step instanceof Step.AwaitCallback);
    }

    /** The control-only steps on a loop through {@code start} that never leaves control-only steps, or empty. */
    private static Set<String> controlLoopThrough(String start, Map<String, Step> steps) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(Reachability.successors(steps.get(start)));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Step step = steps.get(name);
            if (step == null || !controlOnly(step) || !seen.add(name)) {
                continue;
            }
            if (name.equals(start)) {
                return onLoop(start, steps, seen);
            }
            todo.addAll(Reachability.successors(step));
        }
        return Set.of();
    }

    /** The control-only steps among {@code candidates} that lie on a loop through {@code start}. */
    private static Set<String> onLoop(String start, Map<String, Step> steps, Set<String> candidates) {
        Set<String> loop = new TreeSet<>();
        for (String name : candidates) {
            if (name.equals(start) || reaches(name, start, steps, candidates)) {
                loop.add(name);
            }
        }
        return loop;
    }

    private static boolean reaches(String from, String to, Map<String, Step> steps, Set<String> within) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!within.contains(name) || !seen.add(name)) {
                continue;
            }
            for (String next : Reachability.successors(steps.get(name))) {
                if (next.equals(to)) {
                    return true;
                }
                todo.push(next);
            }
        }
        return false;
    }
}
