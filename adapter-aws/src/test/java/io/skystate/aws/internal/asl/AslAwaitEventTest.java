package io.skystate.aws.internal.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** awaitEvent steps compile to task-token waits the worker registers for signals (inside branches too). */
class AslAwaitEventTest {
    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/tasks";

    @Test
    void anAwaitEventStepIsATaskTokenWaitOnTheTaskQueueWithTheStepTimeout() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("signals", 1).startAt("fan")
                .parallel("fan", p -> p.resultPath("$.fan").branch(b -> b.startAt("wait")
                        .awaitEvent("wait", "go", Duration.ofSeconds(90), e -> e.resultPath("$.got")
                                .catching(new CatchRule(List.of(WorkflowErrors.TIMEOUT), "$.late", "late")))
                        .succeed("late")))
                .build();
        ObjectNode asl = AslCompiler.compile(definition, AslOptions.sqsWorker(QUEUE));
        AslValidator.Result result = AslValidator.validate("signals", asl);
        assertThat(result.valid()).as("asl-validator: %s", result.output()).isTrue();

        JsonNode wait = asl.path("States").path("fan").path("Branches").get(0).path("States").path("wait");
        assertThat(wait.path("Type").asText()).isEqualTo("Task");
        assertThat(wait.path("Resource").asText()).isEqualTo(AslCompiler.SQS_RESOURCE);
        assertThat(wait.path("Parameters").path("QueueUrl").asText()).isEqualTo(QUEUE);
        assertThat(wait.path("Parameters").path("MessageBody")).isEqualTo(new ObjectMapper().readTree("""
                {"kind":"event","event":"go","token.$":"$$.Task.Token","execution.$":"$$.Execution.Name",
                 "instance.$":"$.run","step":"fan/0/wait","entered.$":"$$.State.EnteredTime"}"""));
        assertThat(wait.path("ResultPath").asText()).isEqualTo("$.data.got");
        assertThat(wait.path("TimeoutSeconds").asInt()).isEqualTo(90);
        assertThat(wait.path("Catch").findValuesAsText("ErrorEquals").toString()).isNotNull();
        assertThat(wait.path("Catch").toString()).contains("States.Timeout");
        assertThat(wait.has("Retry") ? wait.path("Retry").toString() : "").doesNotContain("IntervalSeconds");
    }
}
