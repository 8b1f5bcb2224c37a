package io.skystate.azure.internal.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.AzureSkystateBuilder.StateBackend;
import io.skystate.azure.conformance.AzureTargets;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A loop long enough to continue as new several times ({@value #ROUNDS} task + choice rounds, over
 * {@value Walk#CONTINUE_AFTER_ACTIONS} actions per generation) and to spill its history out of the custom status
 * more than once: the run ends with the right data, and the history reads back whole and in order.
 */
class DurableLongLoopIT {
    static final int ROUNDS = 200;

    @Test
    void longLoopContinuesAsNewAndKeepsItsWholeHistory() throws Exception {
        try (Skystate skystate = AzureTargets.open(AzureSkystate.builder(), StateBackend.TABLES,
                AzureTargets.newPrefix(), AzureTargets.startSidecar())) {
            skystate.handlers().register(HandlerDefinition.ofFunction("increment", BigDecimal.class, BigDecimal.class,
                    n -> n.add(BigDecimal.ONE)));
            skystate.workflows().register(WorkflowDefinition.builder("loop", 1).startAt("inc")
                    .task("inc", "increment", t -> t.inputPath("$.n").resultPath("$.n").next("check"))
                    .choice("check", c -> c.when(ChoiceCondition.numeric("$.n", ChoiceCondition.Operator.GE, ROUNDS),
                            "done").otherwise("inc"))
                    .succeed("done").build());
            skystate.workflows().start("loop", "loop-1", "{\"n\":0}".getBytes(StandardCharsets.UTF_8));
            WorkflowRun run = skystate.workflows().await("loop-1", Duration.ofSeconds(180));
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(new String(run.output().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":" + ROUNDS + "}");
            List<StepExecution> history = skystate.workflows().history("loop-1");
            assertThat(history).hasSize(2 * ROUNDS + 1);
            for (int i = 0; i < ROUNDS; i++) {
                assertThat(history.get(2 * i).path()).isEqualTo("inc");
                assertThat(history.get(2 * i + 1).path()).isEqualTo("check");
                assertThat(history.get(2 * i).outcome()).isEqualTo(StepExecution.Outcome.SUCCEEDED);
            }
            assertThat(history.get(2 * ROUNDS).path()).isEqualTo("done");
            for (int i = 1; i < history.size(); i++) {
                assertThat(history.get(i).startedAt()).isAfterOrEqualTo(history.get(i - 1).startedAt());
            }
            int chunks = skystate.stateStore(Names.REGISTRY_STORE)
                    .list(io.skystate.api.state.ListRequest.firstPage("hist-loop-1", 100)).entries().size();
            assertThat(chunks).as("history chunks spilled from the custom status").isGreaterThan(1);
        }
    }
}
