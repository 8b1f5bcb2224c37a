package io.skystate.core.workflow;

import io.skystate.api.Capabilities;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.DataPath;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The single judge of workflow definitions, used by every engine before anything runs; reports every problem at
 * once: names, start step, transitions to unknown steps, unreachable steps, steps that can never reach an end and
 * loops that never change the data ({@link Termination}), unknown handlers, step names reused anywhere in the
 * workflow (ASL requires global uniqueness), invalid paths, durations Step Functions cannot express (whole seconds,
 * at least one, for retry intervals and timeouts; jitter 0 or 1; callback and event timeouts at most
 * {@link CallbackRequest#MAX_TIMEOUT}), event names ({@link EventNames}: syntax, one parallel step's branches awaiting
 * the same name), rules naming errors no rule can match (the fatal ones), and constructs some supported cloud cannot run ({@link Portability}) unless the application opted into
 * the adapter's extras.
 */
public final class WorkflowValidator {
    private static final String NAME = "[A-Za-z][A-Za-z0-9_-]{0,63}";

    private final Predicate<String> handlerExists;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> allNames = new HashSet<>();

    private WorkflowValidator(Predicate<String> handlerExists) {
        this.handlerExists = handlerExists;
    }

    /** Every problem of {@code definition} on an adapter with {@code capabilities}; empty when it is valid. */
    public static List<String> problems(WorkflowDefinition definition, Predicate<String> handlerExists,
            Capabilities capabilities, WorkflowPortability portability) {
        WorkflowValidator v = new WorkflowValidator(handlerExists);
        if (!definition.name().matches(NAME)) {
            v.problems.add("workflow name '" + definition.name() + "' must match " + NAME);
        }
        if (definition.version() < 1) {
            v.problems.add("workflow version must be at least 1, was " + definition.version());
        }
        definition.timeout().ifPresent(t -> v.seconds("workflow", "timeout", t));
        v.scope("", definition.startAt(), definition.steps());
        v.problems.addAll(Portability.problems(definition, capabilities, portability));
        return v.problems;
    }

    /** Throws {@link InvalidWorkflowException} listing every problem, if there are any. */
    public static void check(WorkflowDefinition definition, Predicate<String> handlerExists,
            Capabilities capabilities, WorkflowPortability portability) {
        List<String> found = problems(definition, handlerExists, capabilities, portability);
        if (!found.isEmpty()) {
            throw new InvalidWorkflowException(capabilities.provider(), definition.name(), found);
        }
    }

    private void scope(String where, String startAt, Map<String, Step> steps) {
        if (steps.isEmpty()) {
            problems.add(where + "has no steps");
            return;
        }
        if (!steps.containsKey(startAt)) {
            problems.add(where + "startAt '" + startAt + "' is not a step");
        }
        steps.forEach((key, step) -> {
            if (!key.equals(step.name())) {
                problems.add(where + "step '" + key + "' is filed under a different name than its own ('" + step.name() + "')");
            }
            if (!allNames.add(step.name())) {
                problems.add("step '" + step.name() + "': the name is used more than once in the workflow");
            }
            if (!step.name().matches(NAME)) {
                problems.add("step '" + step.name() + "': name must match " + NAME);
            }
            step(step, steps.keySet());
        });
        Set<String> reachable = Reachability.from(startAt, steps);
        steps.keySet().stream().filter(name -> !reachable.contains(name))
                .forEach(name -> problems.add("step '" + name + "' is unreachable from '" + startAt + "'"));
        problems.addAll(Termination.problems(where, steps, reachable));
    }

    private void step(Step step, Set<String> scope) {
        String at = "step '" + step.name() + "': ";
        if (step instanceof Step.Task t) {
            task(at, t, scope);
        } else if (step instanceof Step.AwaitCallback c) {
            awaitCallback(at, c, scope);
        } else if (step instanceof Step.AwaitEvent e) {
            awaitEvent(at, e, scope);
        } else if (step instanceof Step.Choice c) {
            choice(at, c, scope);
        } else if (step instanceof Step.Parallel p) {
            parallel(at, p, scope);
        } else if (step instanceof Step.Wait w) {
            waitStep(at, w, scope);
        } else if (step instanceof Step.Fail f && f.error().isBlank()) {
            problems.add(at + "a fail step needs an error name");
        }
    }

    private void task(String at, Step.Task t, Set<String> scope) {
        handler(at, t.handler());
        t.compensation().ifPresent(c -> handler(at + "compensation ", c));
        paths(at, t.inputPath(), t.resultPath());
        target(at, "next", t.next(), scope);
        rules(at, t.retry(), t.catches(), scope);
        t.timeout().ifPresent(d -> seconds(at, "timeout", d));
    }

    private void awaitCallback(String at, Step.AwaitCallback c, Set<String> scope) {
        handler(at, c.handler());
        paths(at, c.inputPath(), c.resultPath());
        target(at, "next", c.next(), scope);
        rules(at, c.retry(), c.catches(), scope);
        longWait(at, c.timeout());
        c.heartbeat().ifPresent(h -> {
            seconds(at, "heartbeat", h);
            if (h.compareTo(c.timeout()) >= 0) {
                problems.add(at + "heartbeat must be shorter than the timeout");
            }
        });
    }

    private void awaitEvent(String at, Step.AwaitEvent e, Set<String> scope) {
        if (!EventNames.isValid(e.event())) {
            problems.add(at + "event name '" + e.event() + "' must match " + EventNames.SYNTAX.pattern());
        }
        paths(at, e.resultPath());
        target(at, "next", e.next(), scope);
        rules(at, List.of(), e.catches(), scope);
        longWait(at, e.timeout());
    }

    /** The timeout of a step that waits for the outside world: whole seconds, at most a callback's longest. */
    private void longWait(String at, Duration timeout) {
        seconds(at, "timeout", timeout);
        if (timeout.compareTo(CallbackRequest.MAX_TIMEOUT) > 0) {
            problems.add(at + "timeout must be at most " + CallbackRequest.MAX_TIMEOUT.toDays() + " days (a run lasts at"
                    + " most a year on Step Functions): " + timeout);
        }
    }

    private void choice(String at, Step.Choice c, Set<String> scope) {
        if (c.rules().isEmpty()) {
            problems.add(at + "a choice needs at least one rule");
        }
        c.rules().forEach(rule -> {
            condition(at, rule.condition());
            target(at, "rule next", Optional.of(rule.next()), scope);
        });
        target(at, "otherwise", c.otherwise(), scope);
    }

    private void parallel(String at, Step.Parallel p, Set<String> scope) {
        if (p.branches().isEmpty()) {
            problems.add(at + "a parallel step needs at least one branch");
        }
        paths(at, "$", p.resultPath());
        target(at, "next", p.next(), scope);
        rules(at, p.retry(), p.catches(), scope);
        for (int i = 0; i < p.branches().size(); i++) {
            Step.Branch branch = p.branches().get(i);
            scope("step '" + p.name() + "' branch " + i + ": ", branch.startAt(), branch.steps());
        }
        problems.addAll(EventNames.sharedAcrossBranches(p));
    }

    private void waitStep(String at, Step.Wait w, Set<String> scope) {
        int forms = (w.duration().isPresent() ? 1 : 0) + (w.until().isPresent() ? 1 : 0)
                + (w.untilPath().isPresent() ? 1 : 0);
        if (forms != 1) {
            problems.add(at + "a wait needs exactly one of duration, until, untilPath");
        }
        w.duration().filter(d -> d.isNegative() || d.getNano() != 0)
                .ifPresent(d -> problems.add(at + "wait duration must be whole non-negative seconds: " + d));
        w.untilPath().ifPresent(p -> paths(at, p, "$"));
        target(at, "next", w.next(), scope);
    }

    private void handler(String at, String handler) {
        if (!handlerExists.test(handler)) {
            problems.add(at + "handler '" + handler + "' is not registered");
        }
    }

    private void paths(String at, String... paths) {
        for (String path : paths) {
            if (!DataPath.isValid(path)) {
                problems.add(at + "invalid path '" + path + "' (use $, $.field, $.list[0])");
            }
        }
    }

    private void target(String at, String what, Optional<String> next, Set<String> scope) {
        next.filter(n -> !scope.contains(n))
                .ifPresent(n -> problems.add(at + what + " '" + n + "' is not a step in the same scope"));
    }

    private void rules(String at, List<RetryRule> retries, List<CatchRule> catches, Set<String> scope) {
        for (RetryRule r : retries) {
            fatalNames(at, "retry", r.errors());
            if (r.errors().isEmpty()) {
                problems.add(at + "a retry rule needs at least one error name");
            }
            if (r.maxAttempts() < 1) {
                problems.add(at + "retry maxAttempts must be at least 1");
            }
            seconds(at, "retry interval", r.interval());
            r.maxInterval().ifPresent(m -> seconds(at, "retry maxInterval", m));
            if (r.backoffRate() < 1.0) {
                problems.add(at + "retry backoffRate must be at least 1.0");
            }
            if (r.jitter() != 0.0 && r.jitter() != 1.0) {
                problems.add(at + "retry jitter must be 0 (none) or 1 (full): Step Functions offers no other");
            }
        }
        for (CatchRule c : catches) {
            fatalNames(at, "catch", c.errors());
            if (c.errors().isEmpty()) {
                problems.add(at + "a catch rule needs at least one error name");
            }
            paths(at, c.resultPath());
            target(at, "catch next", Optional.of(c.next()), scope);
        }
    }

    private void fatalNames(String at, String rule, List<String> errors) {
        errors.stream().filter(WorkflowErrors::isFatal).forEach(e -> problems.add(at + "a " + rule + " rule names " + e
                + ", which no rule can match: it ends the run at once on every engine (Step Functions cannot catch"
                + " States.Runtime)"));
    }

    private void condition(String at, ChoiceCondition condition) {
        if (condition instanceof ChoiceCondition.Compare c) {
            paths(at, c.path());
        } else if (condition instanceof ChoiceCondition.IsPresent p) {
            paths(at, p.path());
        } else if (condition instanceof ChoiceCondition.And and) {
            and.all().forEach(c -> condition(at, c));
        } else if (condition instanceof ChoiceCondition.Or or) {
            or.any().forEach(c -> condition(at, c));
        } else if (condition instanceof ChoiceCondition.Not not) {
            condition(at, not.condition());
        }
    }

    private void seconds(String at, String what, Duration d) {
        if (d.getNano() != 0 || d.getSeconds() < 1) {
            problems.add(at + (at.endsWith(": ") ? "" : ": ") + what + " must be a whole number of seconds, at least 1: " + d);
        }
    }
}
