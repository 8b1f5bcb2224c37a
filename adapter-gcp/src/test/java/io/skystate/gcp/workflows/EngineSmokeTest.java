package io.skystate.gcp.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {
    @Test
    void oneTask() throws Exception {
        try (GcpWorkflowsStack stack = GcpWorkflowsStack.open()) {
            stack.handlers().register(HandlerDefinition.of("double", Integer.class, Integer.class, (n, c) -> n * 2));
            stack.workflows().register(WorkflowDefinition.builder("smoke", 1).startAt("work")
                    .task("work", "double", t -> t.inputPath("$.n").resultPath("$.doubled")).build());
            stack.workflows().start("smoke", "run-1", "{\"n\":21}".getBytes(StandardCharsets.UTF_8));
            WorkflowRun run = stack.workflows().await("run-1", Duration.ofSeconds(30));
            System.out.println(run + " " + run.error() + run.cause());
            System.out.println(stack.workflows().history("run-1"));
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(stack.codec().decode(run.output().orElseThrow(), Map.class)).containsEntry("doubled", 42);
        }
    }
}
