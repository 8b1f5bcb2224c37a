package io.skystate.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.WorkflowDefinition;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnsupportedStepsTest {
    private static final WorkflowDefinition SIGNALS = WorkflowDefinition.builder("signals", 1).startAt("first")
            .awaitEvent("first", "a", Duration.ofMinutes(1), e -> e.next("fan"))
            .parallel("fan", p -> p.branch(b -> b.startAt("inner").parallel("inner", q -> q
                    .branch(c -> c.startAt("deep").awaitEvent("deep", "b", Duration.ofMinutes(1), e -> { })))))
            .build();

    @Test
    void namesEveryStepOfTheKindAtItsPath() {
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class,
                () -> UnsupportedSteps.reject("azure", "Durable Task", SIGNALS, Set.of("awaitEvent")));
        assertThat(e.provider()).isEqualTo("azure");
        assertThat(e.problems()).containsExactly(
                "step 'first': the azure adapter's Durable Task engine does not run awaitEvent steps (the local engine does)",
                "step 'fan/0/inner/0/deep': the azure adapter's Durable Task engine does not run awaitEvent steps (the"
                        + " local engine does)");
    }

    @Test
    void acceptsDefinitionsWithoutTheKinds() {
        assertThatCode(() -> UnsupportedSteps.reject("aws", "Step Functions", SIGNALS, Set.of("awaitCallback")))
                .doesNotThrowAnyException();
    }
}
