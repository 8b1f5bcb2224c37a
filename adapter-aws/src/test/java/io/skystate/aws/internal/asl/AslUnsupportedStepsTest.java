package io.skystate.aws.internal.asl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.WorkflowDefinition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The compiler refuses steps it has no ASL for instead of producing a state machine that would hang. */
class AslUnsupportedStepsTest {
    @Test
    void awaitEventIsRejectedNamingTheAdapterAndTheStep() {
        WorkflowDefinition definition = WorkflowDefinition.builder("signals", 1).startAt("fan")
                .parallel("fan", p -> p.branch(b -> b.startAt("wait")
                        .awaitEvent("wait", "go", Duration.ofMinutes(1), e -> { })))
                .build();
        assertThatThrownBy(() -> AslCompiler.compile(definition, AslOptions.sqsWorker("https://sqs.example/q")))
                .isInstanceOfSatisfying(InvalidWorkflowException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.problems()).containsExactly("step 'fan/0/wait': the aws adapter's Step Functions"
                                + " engine does not run awaitEvent steps (the local engine does)"));
    }
}
