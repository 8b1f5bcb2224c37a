package io.skystate.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.skystate.api.NotFoundException;
import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.state.Key;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.local.LocalSkystate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starts are counted once per run id and traced as producers; a finished run is counted once, with its duration. */
class WorkflowObservationTest {
    private final Recorder recorder = new Recorder();
    private final LocalSkystate plain = LocalSkystate.builder().withoutHttp().build();
    private final Skystate skystate = recorder.observe(plain);

    @AfterEach
    void close() {
        skystate.close();
        recorder.close();
    }

    @Test
    void startsAndFinishesAreCountedOnce() throws Exception {
        skystate.handlers().register(HandlerDefinition.ofFunction("echo", Map.class, Map.class, input -> input));
        skystate.workflows().register(WorkflowDefinition.builder("echoing", 1).startAt("echo")
                .task("echo", "echo", t -> { }).build());
        skystate.workflows().start("echoing", "run-1", Map.of("n", 1));
        skystate.workflows().start("echoing", "run-1", Map.of("n", 1));
        assertThat(skystate.workflows().await("run-1", Duration.ofSeconds(30)).status()).isEqualTo(RunStatus.SUCCEEDED);
        skystate.workflows().await("run-1", Duration.ofSeconds(1));
        skystate.workflows().run("run-1");

        assertThat(recorder.counted(SkystateMeters.WORKFLOW_RUNS_STARTED, "workflow", "echoing")).isEqualTo(1);
        var finished = recorder.registry.get(SkystateMeters.WORKFLOW_RUNS_FINISHED)
                .tags("workflow", "echoing", "status", "SUCCEEDED").timer();
        assertThat(finished.count()).isEqualTo(1);
        assertThat(finished.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(recorder.timerCount(SkystateMeters.WORKFLOW_OPERATIONS, "operation", "start", "outcome", "ok"))
                .isEqualTo(2);
        assertThat(recorder.timerCount(SkystateMeters.WORKFLOW_OPERATIONS, "operation", "await", "outcome", "ok"))
                .isEqualTo(2);

        SpanData start = recorder.finished().stream().filter(s -> s.getName().equals("workflow.start echoing"))
                .findFirst().orElseThrow();
        assertThat(start.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(start.getAttributes().get(SkystateSpans.RUN_ID)).isEqualTo("run-1");
        assertThat(start.getAttributes().get(SkystateSpans.WORKFLOW)).isEqualTo("echoing");
    }

    @Test
    void aFailedStartLeavesNoRecordAndCountsNothing() {
        assertThatThrownBy(() -> skystate.workflows().start("missing", "run-2", Map.of()))
                .isInstanceOf(NotFoundException.class);
        assertThat(plain.stateStore(SkystateObservability.DEFAULT_CONTEXT_STORE).get(Key.of("runs", "run-2"))).isEmpty();
        assertThat(recorder.counted(SkystateMeters.WORKFLOW_RUNS_STARTED)).isZero();
        assertThat(recorder.timerCount(SkystateMeters.WORKFLOW_OPERATIONS, "operation", "start", "outcome", "NOT_FOUND"))
                .isEqualTo(1);
    }
}
