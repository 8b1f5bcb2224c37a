package io.skystate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.Skystate;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The local engine's workflow extras: refused under the default portable setting (naming the cloud that cannot run
 * them), run when the application sets {@code workflows.portability=adapter-extras}.
 */
class AdapterExtrasTest {
    private static final WorkflowDefinition EVENT_IN_BRANCH = WorkflowDefinition.builder("fan-in-event", 1)
            .startAt("fan")
            .parallel("fan", p -> p.resultPath("$.fan")
                    .branch(b -> b.startAt("hold").awaitEvent("hold", "go", Duration.ofMinutes(1), e -> { }))
                    .branch(b -> b.startAt("idle").waitFor("idle", Duration.ofSeconds(1), null)))
            .build();

    @Test
    void anAwaitEventInsideABranchIsNotPortable() {
        try (Skystate skystate = LocalSkystate.builder().withoutHttp().build()) {
            assertThatThrownBy(() -> skystate.workflows().register(EVENT_IN_BRANCH))
                    .isInstanceOf(InvalidWorkflowException.class)
                    .hasMessageContaining("step 'hold'").hasMessageContaining("Azure Durable Functions")
                    .hasMessageContaining("workflows.portability=adapter-extras");
        }
    }

    @Test
    void withAdapterExtrasASignalReachesTheBranchThatWaits() throws Exception {
        try (Skystate skystate = LocalSkystate.builder().withoutHttp()
                .workflowPortability(WorkflowPortability.ADAPTER_EXTRAS).build()) {
            skystate.workflows().register(EVENT_IN_BRANCH);
            skystate.workflows().start("fan-in-event", "run-1", "{}".getBytes(StandardCharsets.UTF_8));
            skystate.workflows().signal("run-1", "go", "{\"by\":\"ops\"}".getBytes(StandardCharsets.UTF_8));
            WorkflowRun run = skystate.workflows().await("run-1", Duration.ofSeconds(20));
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(new String(run.output().orElseThrow(), StandardCharsets.UTF_8)).contains("\"by\":\"ops\"");
        }
    }
}
