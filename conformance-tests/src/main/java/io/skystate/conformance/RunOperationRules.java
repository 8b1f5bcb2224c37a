package io.skystate.conformance;

import static io.skystate.conformance.OperationsFixtures.await;
import static io.skystate.conformance.OperationsFixtures.awaitStep;
import static io.skystate.conformance.OperationsFixtures.gate;
import static io.skystate.conformance.OperationsFixtures.ids;
import static io.skystate.conformance.OperationsFixtures.lines;
import static io.skystate.conformance.OperationsFixtures.listAll;
import static io.skystate.conformance.OperationsFixtures.newestFirst;
import static io.skystate.conformance.OperationsFixtures.startSpaced;
import static io.skystate.conformance.WorkflowFixtures.assertStatus;
import static io.skystate.conformance.WorkflowFixtures.awaitFinished;
import static io.skystate.conformance.WorkflowFixtures.awaitSucceeded;
import static io.skystate.conformance.WorkflowFixtures.constant;
import static io.skystate.conformance.WorkflowFixtures.function;
import static io.skystate.conformance.WorkflowFixtures.instanceId;
import static io.skystate.conformance.WorkflowFixtures.json;
import static io.skystate.conformance.WorkflowFixtures.member;
import static io.skystate.conformance.WorkflowFixtures.output;
import static io.skystate.conformance.WorkflowFixtures.workflowName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.NotFoundException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.Skystate;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The first half of {@link WorkflowOperationsConformance}, kept apart only for size: listing and searching runs, the
 * steps and callbacks a run waits on, and signals to awaitEvent steps.
 */
abstract class RunOperationRules extends ConformanceSuite {
    static final Duration MINUTE = Duration.ofSeconds(60);
    /** The timeout of a step whose event is signalled before it starts: it only bounds how long a broken engine hangs. */
    static final Duration KEPT = Duration.ofSeconds(10);
    /** Between starts whose order or range a rule checks: engines report start times to the second at worst. */
    private static final Duration START_GAP = Duration.ofMillis(1100);

    protected final Workflows workflows() {
        return skystate().workflows();
    }

    final WorkflowDefinition register(WorkflowDefinition.Builder builder) {
        return workflows().register(builder.build());
    }

    /**
     * runs(workflow) lists exactly that workflow's runs, newest start first (ties by instance id), page by page
     * (pages of at most the page size, possibly short), each with its workflow, version, status, start and end as
     * run() reports them and redriveCount 0. On failure compare the listed order with the start times.
     */
    @ConformanceRule
    public final void wfops01_listsAWorkflowsRunsNewestFirst() throws Exception {
        WorkflowDefinition listed = register(WorkflowDefinition.builder(workflowName(), 1).startAt("echo")
                .task("echo", constant(skystate(), "done"), t -> t.resultPath("$.echo")));
        WorkflowDefinition other = register(WorkflowDefinition.builder(workflowName(), 1).startAt("echo")
                .task("echo", constant(skystate(), "other"), t -> { }));
        List<String> ids = startSpaced(workflows(), listed.name(), 4, Duration.ofMillis(20));
        workflows().start(other.name(), instanceId(), json("{}"));
        for (String id : ids) {
            awaitSucceeded(workflows(), id);
        }
        List<RunSummary> runs = listAll(workflows(), RunQuery.all().workflow(listed.name()).pageSize(3));
        assertThat(ids(runs)).containsExactlyElementsOf(newestFirst(workflows(), ids));
        for (RunSummary summary : runs) {
            WorkflowRun run = workflows().run(summary.instanceId());
            assertThat(summary.workflow()).isEqualTo(listed.name());
            assertThat(summary.version()).isEqualTo(1);
            assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(summary.startedAt()).isEqualTo(run.startedAt());
            assertThat(summary.endedAt()).isEqualTo(run.endedAt()).isPresent();
            assertThat(summary.error()).isEmpty();
            assertThat(summary.redriveCount()).isZero();
        }
    }

    /**
     * Status and start-range filters: FAILED lists only the failed run (with its error), RUNNING and SUCCEEDED the
     * other two, a range [from, before) the runs started in it, a range after every start none.
     */
    @ConformanceRule
    public final void wfops02_filtersByStatusAndStartRange() throws Exception {
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1).startAt("route")
                .choice("route", c -> c.when(ChoiceCondition.stringEquals("$.to", "fail"), "reject")
                        .when(ChoiceCondition.stringEquals("$.to", "wait"), "hold").otherwise("done"))
                .fail("reject", "Order.Rejected", "on purpose")
                .awaitEvent("hold", "never", MINUTE, e -> e.next("done"))
                .succeed("done"));
        List<String> ids = new ArrayList<>();
        for (String to : List.of("succeed", "fail", "wait")) {
            if (!ids.isEmpty()) {
                Poll.sleep(START_GAP);
            }
            String id = instanceId();
            workflows().start(definition.name(), id, json("{\"to\":\"" + to + "\"}"));
            ids.add(id);
        }
        String succeeded = ids.get(0);
        String failed = ids.get(1);
        String waiting = ids.get(2);
        try {
            awaitSucceeded(workflows(), succeeded);
            assertStatus(awaitFinished(workflows(), failed), RunStatus.FAILED);
            awaitStep(workflows(), waiting, "hold");
            RunQuery query = RunQuery.all().workflow(definition.name()).pageSize(2);
            List<RunSummary> failures = listAll(workflows(), query.statuses(RunStatus.FAILED));
            assertThat(ids(failures)).containsExactly(failed);
            assertThat(failures.get(0).error()).hasValue("Order.Rejected");
            assertThat(ids(listAll(workflows(), query.statuses(RunStatus.RUNNING, RunStatus.SUCCEEDED))))
                    .containsExactly(waiting, succeeded);
            assertThat(listAll(workflows(), query.statuses(RunStatus.TIMED_OUT))).isEmpty();
            Instant first = workflows().run(succeeded).startedAt();
            Instant second = workflows().run(failed).startedAt();
            Instant third = workflows().run(waiting).startedAt();
            assertThat(ids(listAll(workflows(), query.startedBetween(second, third)))).containsExactly(failed);
            assertThat(ids(listAll(workflows(), query.startedBetween(first, third.plusMillis(1)))))
                    .containsExactly(waiting, failed, succeeded);
            assertThat(listAll(workflows(), query.startedBetween(third.plusMillis(1), third.plusSeconds(3600))))
                    .isEmpty();
            RunSummary running = listAll(workflows(), query.statuses(RunStatus.RUNNING)).get(0);
            assertThat(running.endedAt()).isEmpty();
            assertThat(running.error()).isEmpty();
        } finally {
            workflows().cancel(waiting, "conformance: done listing");
        }
    }

    /**
     * Paging is stable (a run started after the first page does not appear on, or shift, later pages), a page size
     * may change between pages, and a garbled or forged token, or one from a query with another workflow, is an
     * InvalidRequestException.
     */
    @ConformanceRule
    public final void wfops03_stablePagingAndCheckedTokens() throws Exception {
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1).startAt("echo")
                .task("echo", constant(skystate(), 1), t -> { }));
        List<String> ids = startSpaced(workflows(), definition.name(), 3, Duration.ofMillis(20));
        for (String id : ids) {
            awaitSucceeded(workflows(), id);
        }
        RunQuery query = RunQuery.all().workflow(definition.name()).pageSize(1);
        RunPage page = workflows().runs(query);
        List<RunSummary> seen = new ArrayList<>(page.runs());
        while (seen.isEmpty()) { // a page may be empty where an engine filters what it scanned
            page = workflows().runs(query.after(page.nextPageToken().orElseThrow()));
            seen.addAll(page.runs());
        }
        String token = page.nextPageToken().orElseThrow();
        String late = instanceId();
        workflows().start(definition.name(), late, json("{}"));
        seen.addAll(listAll(workflows(), query.pageSize(2).after(token)));
        assertThat(ids(seen)).as("pages read around a later start").containsExactlyElementsOf(newestFirst(workflows(), ids));
        for (int position : Tokens.positions(token)) {
            String tampered = Tokens.tamper(token, position);
            assertThatThrownBy(() -> workflows().runs(query.after(tampered))).as("token tampered at %d", position)
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> workflows().runs(query.after("not-a-page-token")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> workflows().runs(RunQuery.all().workflow(workflowName()).after(token)))
                .as("a token of another query").isInstanceOf(InvalidRequestException.class);
        awaitSucceeded(workflows(), late);
    }

    /**
     * A run waiting in two parallel callback steps: currentSteps lists the parallel step and both (RUNNING);
     * pendingCallbacks lists both with their paths, the tokens their handlers received, since and timeoutAt (the
     * step timeout apart) and, where given, an absolute URL. Completing each with its listed token finishes the run,
     * which then has none; an unknown id is NotFoundException.
     */
    @ConformanceRule
    public final void wfops04_currentStepsAndPendingCallbacks() throws Exception {
        Skystate s = skystate();
        Map<Object, String> tokens = new ConcurrentHashMap<>();
        String capture = function(s, in -> {
            Object request = WorkflowFixtures.tree(s, in);
            tokens.put(member(request, "input"), (String) member(request, "token"));
            return "issued";
        });
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1).startAt("fan")
                .parallel("fan", p -> p.resultPath("$.answers")
                        .branch(b -> b.startAt("approve").awaitCallback("approve", capture, MINUTE, c -> c.inputPath("$.a")))
                        .branch(b -> b.startAt("confirm").awaitCallback("confirm", capture, MINUTE.multipliedBy(2),
                                c -> c.inputPath("$.b")))));
        String id = instanceId();
        Instant before = Instant.now().minusSeconds(1);
        workflows().start(definition.name(), id, json("{\"a\":\"A\",\"b\":\"B\"}"));
        List<PendingCallback> pending = Poll.until(timing().runAwait(), () -> workflows().pendingCallbacks(id),
                p -> p.size() == 2 && tokens.size() == 2);
        pending = pending.stream().sorted(Comparator.comparing(PendingCallback::stepPath)).toList();
        assertThat(pending).extracting(PendingCallback::stepPath).containsExactly("fan/0/approve", "fan/1/confirm");
        assertThat(pending).extracting(PendingCallback::token).containsExactly(tokens.get("A"), tokens.get("B"));
        for (int i = 0; i < 2; i++) {
            PendingCallback callback = pending.get(i);
            assertThat(callback.instanceId()).isEqualTo(id);
            assertThat(callback.since()).isBetween(before, Instant.now().plusSeconds(1));
            assertThat(Duration.between(callback.since(), callback.timeoutAt()).minus(MINUTE.multipliedBy(i + 1L)).abs())
                    .as("timeoutAt - since - step timeout").isLessThanOrEqualTo(Duration.ofSeconds(2));
            callback.url().ifPresent(url -> assertThat(url.isAbsolute()).as("url %s", url).isTrue());
        }
        assertThat(workflows().currentSteps(id)).extracting(StepExecution::path)
                .containsExactlyInAnyOrder("fan", "fan/0/approve", "fan/1/confirm");
        assertThat(workflows().currentSteps(id)).allMatch(e -> e.outcome() == StepExecution.Outcome.RUNNING);
        workflows().completeCallback(pending.get(1).token(), json("{\"ok\":1}"));
        workflows().completeCallback(pending.get(0).token(), json("{\"ok\":0}"));
        WorkflowRun run = awaitSucceeded(workflows(), id);
        assertThat(member(output(run), "answers")).isEqualTo(JsonTree.parse("[{\"ok\":0},{\"ok\":1}]"));
        assertThat(workflows().pendingCallbacks(id)).isEmpty();
        assertThat(workflows().currentSteps(id)).isEmpty();
        assertThatThrownBy(() -> workflows().pendingCallbacks(instanceId())).isInstanceOf(NotFoundException.class);
    }

    /** An event signalled while the run is still before its awaitEvent step waits for it; its payload lands at resultPath. */
    @ConformanceRule
    public final void wfops05_signalBeforeTheStepIsKept() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(1);
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1).startAt("gate")
                .task("gate", gate(skystate(), entered, open), t -> t.resultPath("$.gate").next("wait"))
                .awaitEvent("wait", "go", KEPT, e -> e.resultPath("$.got")));
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        await(entered, "the gate task");
        workflows().signal(id, "go", json("{\"n\":1,\"s\":\"\u00fc\"}"));
        open.countDown();
        WorkflowRun run = awaitSucceeded(workflows(), id);
        assertThat(member(output(run), "got")).isEqualTo(JsonTree.parse("{\"n\":1,\"s\":\"\u00fc\"}"));
        assertThat(lines(workflows().history(id))).containsExactly("gate task SUCCEEDED 1", "wait awaitEvent SUCCEEDED 1");
    }

    /**
     * A signal to a run waiting in an awaitEvent step wakes it at once (within 10 s, far before its 60 s timeout); the
     * waiting step is a current step but never a pending callback.
     */
    @ConformanceRule
    public final void wfops06_signalWakesTheWaitingStep() throws Exception {
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1).startAt("wait")
                .awaitEvent("wait", "approved", MINUTE, e -> e.resultPath("$.approval").next("after"))
                .task("after", constant(skystate(), "went on"), t -> t.resultPath("$.after")));
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        awaitStep(workflows(), id, "wait");
        assertThat(workflows().pendingCallbacks(id)).isEmpty();
        long signalled = System.nanoTime();
        workflows().signal(id, "approved", "by ann");
        WorkflowRun run = awaitSucceeded(workflows(), id);
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(timing().bound(Duration.ofSeconds(10)));
        JsonTree.assertSameJson(run.output().orElseThrow(), "{\"approval\":\"by ann\",\"after\":\"went on\"}");
    }

    /** Events of one name are consumed oldest first, each by one step execution; events of other names stay apart. */
    @ConformanceRule
    public final void wfops07_eventsOfANameAreConsumedInOrder() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(1);
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1).startAt("gate")
                .task("gate", gate(skystate(), entered, open), t -> t.resultPath("$.gate").next("first"))
                .awaitEvent("first", "item", KEPT, e -> e.resultPath("$.first").next("second"))
                .awaitEvent("second", "item", KEPT, e -> e.resultPath("$.second").next("third"))
                .awaitEvent("third", "other", KEPT, e -> e.resultPath("$.other")));
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        await(entered, "the gate task");
        workflows().signal(id, "item", json("1"));
        workflows().signal(id, "other", json("\"x\""));
        workflows().signal(id, "item", json("2"));
        workflows().signal(id, "item", json("3"));
        open.countDown();
        JsonTree.assertSameJson(awaitSucceeded(workflows(), id).output().orElseThrow(),
                "{\"gate\":\"opened\",\"first\":1,\"second\":2,\"other\":\"x\"}");
    }

    /**
     * No event within the 1 s timeout: the step fails with Skystate.Timeout, here caught ({"error","cause"} at the
     * catch's result path; history CAUGHT), never early, and an event of another name does not count.
     */
    @ConformanceRule
    public final void wfops08_eventTimeoutIsCaught() throws Exception {
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1).startAt("wait")
                .awaitEvent("wait", "expected", WorkflowFixtures.SECOND, e -> e.next("done").catching(
                        new CatchRule(List.of(WorkflowErrors.TIMEOUT),
                                "$.timeout", "late")))
                .succeed("late").succeed("done"));
        String id = instanceId();
        long started = System.nanoTime();
        workflows().start(definition.name(), id, json("{}"));
        workflows().signal(id, "unexpected", json("true"));
        WorkflowRun run = awaitSucceeded(workflows(), id);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(WorkflowFixtures.SECOND);
        Object timeout = member(output(run), "timeout");
        assertThat(member(timeout, "error")).isEqualTo(WorkflowErrors.TIMEOUT);
        assertThat(member(timeout, "cause")).isInstanceOf(String.class);
        assertThat(lines(workflows().history(id))).containsExactly(
                "wait awaitEvent CAUGHT 1 " + WorkflowErrors.TIMEOUT, "late succeed SUCCEEDED 1");
    }

    /**
     * signal checks before it records: an unknown run is NotFoundException, a bad name or a payload that is not one
     * JSON value InvalidRequestException, a payload over MAX_EVENT_PAYLOAD_BYTES PayloadTooLargeException; none of
     * them reaches the step, which takes the next valid event (exactly MAX_EVENT_PAYLOAD_BYTES). A finished run is
     * RunStateException.
     */
    @ConformanceRule
    public final void wfops09_badSignalsRecordNothing() throws Exception {
        assertThatThrownBy(() -> workflows().signal(instanceId(), "go", json("1"))).isInstanceOf(NotFoundException.class);
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1).startAt("wait")
                .awaitEvent("wait", "go", MINUTE, e -> e.resultPath("$.got").next("measure"))
                .task("measure", function(skystate(), in -> in instanceof String text ? text.length() : -1),
                        t -> t.inputPath("$.got").resultPath("$")));
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        for (String name : new String[] {"", "has space", "x".repeat(Workflows.MAX_EVENT_NAME_LENGTH + 1), "caf\u00e9",
                "a/b"}) {
            assertThatThrownBy(() -> workflows().signal(id, name, json("1"))).as("event name '%s'", name)
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> workflows().signal(id, "go", json("{\"open\":"))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> workflows().signal(id, "go", json("1 2"))).isInstanceOf(InvalidRequestException.class);
        int max = Workflows.MAX_EVENT_PAYLOAD_BYTES;
        assertThatThrownBy(() -> workflows().signal(id, "go", json("\"" + "x".repeat(max - 1) + "\"")))
                .isInstanceOf(PayloadTooLargeException.class);
        workflows().signal(id, "go", json("\"" + "y".repeat(max - 2) + "\""));
        JsonTree.assertSameJson(awaitSucceeded(workflows(), id).output().orElseThrow(), Integer.toString(max - 2));
        assertThatThrownBy(() -> workflows().signal(id, "go", json("1")))
                .isInstanceOf(RunStateException.class);
    }
}
