package io.skystate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.NotFoundException;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.aws.conformance.AwsTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The redrive refusals of conformance rule wfops11 that moto can show: that rule also cancels a waiting run, which
 * moto's StopExecution cannot do (a declared gap), so it stops before these. A run waiting in an awaitEvent step,
 * one that failed at a top-level fail step, one whose failure ran compensations, and an unknown id are refused with
 * typed errors, and the refused runs do not change.
 */
class SfnRedriveRefusalIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void redriveIsRefusedWhereItCannotHelp() throws Exception {
        try (AwsSkystate skystate = AwsTarget.build(AwsSkystate.builder())) {
            String done = handler(skystate, "done", false);
            String fails = handler(skystate, "fails", true);
            String waitingWorkflow = name("hold");
            skystate.workflows().register(WorkflowDefinition.builder(waitingWorkflow, 1).startAt("hold")
                    .awaitEvent("hold", "go", WAIT, e -> { }).build());
            String waiting = name("run");
            skystate.workflows().start(waitingWorkflow, waiting, json("{}"));
            assertThatThrownBy(() -> skystate.workflows().redrive(waiting)).as("running")
                    .isInstanceOf(RunStateException.class);
            skystate.workflows().signal(waiting, "go", json("1"));
            assertThat(skystate.workflows().await(waiting, WAIT).status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThatThrownBy(() -> skystate.workflows().redrive(waiting)).as("succeeded")
                    .isInstanceOf(RunStateException.class);

            String rejecting = name("reject");
            skystate.workflows().register(WorkflowDefinition.builder(rejecting, 1).startAt("check")
                    .task("check", done, t -> t.resultPath("$.check").next("reject"))
                    .fail("reject", "Order.Rejected", "blocked").build());
            String atFail = name("run");
            skystate.workflows().start(rejecting, atFail, json("{}"));
            assertThat(skystate.workflows().await(atFail, WAIT).status()).isEqualTo(RunStatus.FAILED);
            assertThatThrownBy(() -> skystate.workflows().redrive(atFail)).as("failed at a fail step")
                    .isInstanceOf(RunStateException.class);

            String saga = name("saga");
            skystate.workflows().register(WorkflowDefinition.builder(saga, 1).startAt("pay")
                    .task("pay", done, t -> t.resultPath("$.pay").compensateWith(done).next("ship"))
                    .task("ship", fails, t -> { }).build());
            String compensated = name("run");
            skystate.workflows().start(saga, compensated, json("{}"));
            WorkflowRun failed = skystate.workflows().await(compensated, WAIT);
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            List<StepExecution> history = skystate.workflows().history(compensated);
            assertThat(history).extracting(StepExecution::kind).contains("compensation");
            assertThatThrownBy(() -> skystate.workflows().redrive(compensated)).as("compensated")
                    .isInstanceOf(RunStateException.class);
            WorkflowRun after = skystate.workflows().run(compensated);
            assertThat(after.status()).isEqualTo(RunStatus.FAILED);
            assertThat(after.endedAt()).isEqualTo(failed.endedAt());
            assertThat(after.error()).isEqualTo(failed.error());
            assertThat(skystate.workflows().history(compensated)).isEqualTo(history);

            assertThatThrownBy(() -> skystate.workflows().redrive(name("unknown"))).isInstanceOf(NotFoundException.class);
        }
    }

    private static String handler(AwsSkystate skystate, String prefix, boolean failing) {
        String name = name(prefix);
        skystate.handlers().register(HandlerDefinition.of(name, Object.class, Object.class, (input, context) -> {
            if (failing) {
                throw new StepFailure("Shipping.Failed", "truck");
            }
            return "ok";
        }));
        return name;
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
