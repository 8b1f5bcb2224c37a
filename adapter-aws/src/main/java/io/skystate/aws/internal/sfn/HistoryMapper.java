package io.skystate.aws.internal.sfn;

import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.StateEntry;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.aws.internal.asl.AslCompiler;
import io.skystate.aws.internal.asl.AslErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Turns a Step Functions execution history into the portable history. Step names are unique across a workflow,
 * so each ASL state maps back to its step's path (branch steps as {@code parallel/<i>/step}); states the compiler
 * generated ({@code __skystate_} prefix) are left out; recorded compensations are merged in by time.
 */
final class HistoryMapper {
    private final EngineParts parts;
    private final Map<String, String> paths = new HashMap<>();
    private final Map<String, String> kinds = new HashMap<>();

    HistoryMapper(EngineParts parts, WorkflowDefinition definition) {
        this.parts = parts;
        index("", definition.steps());
    }

    private void index(String scope, Map<String, Step> steps) {
        steps.forEach((name, step) -> {
            paths.put(name, scope + name);
            kinds.put(name, step.kind());
            if (step instanceof Step.Parallel parallel) {
                for (int i = 0; i < parallel.branches().size(); i++) {
                    index(scope + name + "/" + i + "/", parallel.branches().get(i).steps());
                }
            }
        });
    }

    /**
     * The portable history of a run: the steps of its executions (the first, then each redrive's), with its recorded
     * compensations, by start time. {@code finished} says whether the run has ended: steps still open then were
     * stopped with it (cancel, timeout) and are reported CANCELLED, as every engine reports them; so are the open
     * steps of every execution but the last (it ended before its run was redriven).
     */
    List<StepExecution> history(String instanceId, List<String> executionArns, boolean finished) {
        List<StepExecution> history = new ArrayList<>();
        for (int i = 0; i < executionArns.size(); i++) {
            history.addAll(steps(events(executionArns.get(i)), finished || i < executionArns.size() - 1));
        }
        history.addAll(compensations(instanceId));
        history.sort(Comparator.comparing(StepExecution::startedAt));
        return history;
    }

    /** The state data (JSON) the execution last entered {@code stateName} with, if it entered it. */
    Optional<String> enteredInput(String executionArn, String stateName) {
        String input = null;
        for (HistoryEvent event : events(executionArn)) {
            if (event.stateEnteredEventDetails() != null && event.stateEnteredEventDetails().name().equals(stateName)) {
                input = event.stateEnteredEventDetails().input();
            }
        }
        return Optional.ofNullable(input);
    }

    private List<StepExecution> steps(List<HistoryEvent> events, boolean finished) {
        Map<Long, String> stateOfEvent = new HashMap<>();
        Map<Long, HistoryEvent> byId = new HashMap<>();
        Map<String, Entry> open = new LinkedHashMap<>();
        Map<Long, Entry> exitedBy = new HashMap<>();
        List<Entry> done = new ArrayList<>();
        for (HistoryEvent event : events) {
            byId.put(event.id(), event);
            String type = event.typeAsString();
            if (event.stateEnteredEventDetails() != null) {
                String name = event.stateEnteredEventDetails().name();
                stateOfEvent.put(event.id(), name);
                Entry previous = event.previousEventId() == null ? null : exitedBy.get(event.previousEventId());
                if (previous != null) {
                    previous.nextState = name;
                }
                if (paths.containsKey(name)) {
                    open.put(name, new Entry(name, event.timestamp()));
                    if (type.startsWith("Fail")) {
                        open.get(name).failed = true;
                    }
                }
                continue;
            }
            String state = stateOf(event, stateOfEvent, byId);
            Entry entry = state == null ? null : open.get(state);
            if (event.stateExitedEventDetails() != null && entry != null) {
                entry.ended = event.timestamp();
                exitedBy.put(event.id(), entry);
                done.add(open.remove(state));
            } else if (entry != null && (type.equals("TaskScheduled") || type.equals("ParallelStateStarted"))) {
                entry.attempts++;
            } else if (entry != null && event.taskFailedEventDetails() != null) {
                entry.error = event.taskFailedEventDetails().error();
                entry.cause = event.taskFailedEventDetails().cause();
            } else if (entry != null && event.taskTimedOutEventDetails() != null) {
                entry.error = event.taskTimedOutEventDetails().error();
                entry.cause = event.taskTimedOutEventDetails().cause();
            } else if (entry != null && (type.equals("TaskSucceeded") || type.equals("ParallelStateSucceeded"))) {
                entry.error = null;
                entry.cause = null;
            }
        }
        List<StepExecution> history = new ArrayList<>();
        done.forEach(e -> history.add(e.toExecution(false, finished)));
        open.values().forEach(e -> history.add(e.toExecution(true, finished)));
        return history;
    }

    /** The state an event belongs to, following {@code previousEventId} back to a state-entered event. */
    private static String stateOf(HistoryEvent event, Map<Long, String> stateOfEvent, Map<Long, HistoryEvent> byId) {
        if (event.stateExitedEventDetails() != null) {
            return event.stateExitedEventDetails().name();
        }
        HistoryEvent cursor = event;
        for (int hops = 0; cursor != null && hops < 10_000; hops++) {
            String state = stateOfEvent.get(cursor.id());
            if (state != null) {
                stateOfEvent.put(event.id(), state);
                return state;
            }
            cursor = cursor.previousEventId() == null ? null : byId.get(cursor.previousEventId());
        }
        return null;
    }

    private List<HistoryEvent> events(String executionArn) {
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                GetExecutionHistoryResponse page = parts.clients().sfn().getExecutionHistory(b -> b
                        .executionArn(executionArn).maxResults(1000).nextToken(next));
                events.addAll(page.events());
                token = page.nextToken();
            } while (token != null);
        } catch (SdkException e) {
            throw SfnErrors.translate("history of " + executionArn, e);
        }
        return events;
    }

    private List<StepExecution> compensations(String instanceId) {
        List<StepExecution> found = new ArrayList<>();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage("comp-" + instanceId, 100));
        while (request.isPresent()) {
            Page page = parts.registry().list(request.get());
            for (StateEntry entry : page.entries()) {
                found.add(Compensations.toExecution(parts.codec().decode(entry.value().bytes(), Compensations.Record.class)));
            }
            request = request.get().next(page);
        }
        return found;
    }

    /** A step execution being assembled. */
    private final class Entry {
        final String name;
        final Instant started;
        Instant ended;
        int attempts;
        String error;
        String cause;
        boolean failed;
        String nextState;

        Entry(String name, Instant started) {
            this.name = name;
            this.started = started;
        }

        /**
         * The portable outcome. A failure whose next state is the saga's failure chain ({@value AslCompiler#FAILURE})
         * or a fatal error's re-raising state ({@code _fatal}) was not caught by a rule of the definition: FAILED, not
         * CAUGHT. A choice whose next state is its {@code _nomatch} state failed with NoChoiceMatched. Steps without
         * attempts of their own count one.
         */
        StepExecution toExecution(boolean stillOpen, boolean runFinished) {
            boolean uncaught = nextState != null && AslCompiler.isGenerated(nextState)
                    && (nextState.equals(AslCompiler.FAILURE) || nextState.endsWith("_fatal"));
            String kind = kinds.get(name);
            if ("choice".equals(kind) && nextState != null && AslCompiler.isGenerated(nextState)
                    && nextState.endsWith("_nomatch")) {
                failed = true;
                error = io.skystate.api.workflow.WorkflowErrors.NO_CHOICE_MATCHED;
            }
            Outcome outcome = failed ? Outcome.FAILED
                    : stillOpen ? (error != null ? Outcome.FAILED : runFinished ? Outcome.CANCELLED : Outcome.RUNNING)
                    : error != null ? (uncaught ? Outcome.FAILED : Outcome.CAUGHT) : Outcome.SUCCEEDED;
            boolean ownAttempts = "task".equals(kind) || "awaitCallback".equals(kind) || "parallel".equals(kind);
            return new StepExecution(paths.get(name), kind, outcome, started, Optional.ofNullable(ended),
                    ownAttempts ? attempts : Math.max(1, attempts), Optional.ofNullable(error).map(AslErrors::toPortable),
                    Optional.ofNullable(cause));
        }
    }
}
