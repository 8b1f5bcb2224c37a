package io.skystate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.api.handler.InvocationContext;
import io.skystate.api.handler.StepInvocation;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Helpers of {@link WorkflowOperationsConformance}: handlers that record what their context said, a gate that holds a
 * run until the rule opens it, paging through a whole listing, and waiting for a run to reach a step.
 */
final class OperationsFixtures {
    private OperationsFixtures() {
    }

    /** One handler call as the handler saw it. */
    record Call(String invocationId, int attempt, Optional<StepInvocation> step, Object input) {
        static Call of(Skystate skystate, Object input, InvocationContext context) {
            return new Call(context.invocationId(), context.attempt(), context.step(),
                    WorkflowFixtures.tree(skystate, input));
        }
    }

    /** A handler appending each call to {@code calls} and answering with {@code answer} (which may throw). */
    static String recording(Skystate skystate, List<Call> calls, Function<Object, Object> answer) {
        return WorkflowFixtures.handler(skystate, (input, context) -> {
            calls.add(Call.of(skystate, input, context));
            return answer.apply(input);
        });
    }

    /** A thread-safe list for {@link #recording}. */
    static List<Call> calls() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /** A handler that counts {@code entered} down, then blocks until {@code open} is (at most the run wait). */
    static String gate(Skystate skystate, CountDownLatch entered, CountDownLatch open) {
        return WorkflowFixtures.function(skystate, in -> {
            entered.countDown();
            try {
                open.await(Timing.current().runAwait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "opened";
        });
    }

    static void await(CountDownLatch latch, String what) throws InterruptedException {
        Duration wait = Timing.current().runAwait();
        assertThat(latch.await(wait.toMillis(), TimeUnit.MILLISECONDS)).as("%s within %s", what, wait).isTrue();
    }

    /** Every run {@code query} lists, page after page; each page holds at most the page size. */
    static List<RunSummary> listAll(Workflows workflows, RunQuery query) {
        List<RunSummary> runs = new ArrayList<>();
        RunPage page = workflows.runs(query);
        for (int pages = 1; ; pages++) {
            assertThat(page.runs()).as("page %d of %s", pages, query).hasSizeLessThanOrEqualTo(query.pageSize());
            runs.addAll(page.runs());
            if (page.nextPageToken().isEmpty()) {
                return runs;
            }
            assertThat(pages).as("pages of %s", query).isLessThan(10_000);
            page = workflows.runs(query.after(page.nextPageToken().get()));
        }
    }

    static List<String> ids(List<RunSummary> runs) {
        return runs.stream().map(RunSummary::instanceId).toList();
    }

    /** The runs' ids in listing order: newest start first, ties by instance id. */
    static List<String> newestFirst(Workflows workflows, List<String> ids) {
        return ids.stream().map(workflows::run).sorted(Comparator.comparing(WorkflowRun::startedAt).reversed()
                .thenComparing(WorkflowRun::instanceId)).map(WorkflowRun::instanceId).toList();
    }

    /** Starts runs of {@code workflow} with input {@code {}} one after another, each with a later start time. */
    static List<String> startSpaced(Workflows workflows, String workflow, int count, Duration gap) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                Poll.sleep(gap);
            }
            String id = WorkflowFixtures.instanceId();
            workflows.start(workflow, id, WorkflowFixtures.json("{}"));
            ids.add(id);
        }
        return ids;
    }

    /** Waits until the run's step at {@code path} is running; fails if it is not within the run wait. */
    static void awaitStep(Workflows workflows, String id, String path) {
        List<StepExecution> current = Poll.until(Timing.current().runAwait(), () -> workflows.currentSteps(id),
                steps -> steps.stream().anyMatch(s -> s.path().equals(path)));
        assertThat(current).as("current steps of %s", id).anyMatch(s -> s.path().equals(path));
    }

    /** The history as {@code path kind outcome attempts [error]} lines, as {@link WorkflowHistoryConformance} reads it. */
    static List<String> lines(List<StepExecution> history) {
        return history.stream().map(e -> e.path() + " " + e.kind() + " " + e.outcome() + " " + e.attempts()
                + e.error().map(err -> " " + err).orElse("")).toList();
    }
}
